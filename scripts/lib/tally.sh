# Pass/fail bookkeeping the shell checks share. Source it, then:
#   pass WHAT / fail WHAT            count and print one result
#   check WHAT COMMAND...            pass when COMMAND succeeds (its output goes to $out/checks.log)
#   expect_eq WHAT ACTUAL EXPECTED   pass when the two strings are equal
#   tally                            print the totals; its status is 0 only when nothing failed
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() {
    local what=$1
    shift
    if "$@" >>"${out:-/tmp}/checks.log" 2>&1; then pass "$what"; else fail "$what"; fi
}
expect_eq() {
    if [[ $2 == "$3" ]]; then pass "$1"; else fail "$1 (got '$2', expected '$3')"; fi
}
tally() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
}
