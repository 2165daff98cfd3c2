# Pass/fail bookkeeping the shell checks share. Source it, then:
#   pass WHAT / fail WHAT            count and print one result
#   check WHAT COMMAND...            pass when COMMAND succeeds (its output goes to $out/checks.log)
#   expect_eq WHAT ACTUAL EXPECTED   pass when the two strings are equal
#   absorb COMMAND...                run a checker that prints `ok   `/`FAIL ` lines and its
#                                    own `N passed, M failed`: its lines count here, its
#                                    totals line is dropped, and a non-zero exit with no
#                                    FAIL line counts as one failure
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
absorb() {
    local line failed_before=$failed status
    shopt -s lastpipe
    "$@" 2>&1 | while IFS= read -r line; do
        case $line in
        "ok   "*) passed=$((passed + 1)) ;;
        "FAIL "*) failed=$((failed + 1)) ;;
        [0-9]*" passed, "[0-9]*" failed"*) continue ;;
        esac
        echo "$line"
    done
    status=${PIPESTATUS[0]}
    if ((status != 0 && failed == failed_before)); then fail "$1 exited with $status"; fi
}
tally() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
}
