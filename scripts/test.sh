#!/usr/bin/env bash
# The test command: everything CI runs. Installs what it needs, builds once with warnings
# as errors, and runs every check against that build, each step timed: what needs no
# build (format, the feed checks under mutation, Atom, the pages in Chromium) beside the
# build; the Swift tests (which also check that Exports/ is fresh); the integration checks
# beside the checks of what the server answers; then, alone, the rolling restart.
set -euo pipefail
cd "$(dirname "$0")/.."

# How the build compiles: file by file, keeping what it can between runs (the default), or
# each module whole, for a folder built once and thrown away (CI's clean clone: `.ci/run`
# sets SAMVERKAN_BUILD=whole-module). Whole-module compilation takes less CPU but has no
# incremental mode, so `make test` in a working tree keeps compiling file by file. Whole,
# each module also writes its interface from the job that compiles it: a separate job
# would check every declaration a second time so that the modules above could start
# sooner, which on two busy cores only costs (BENCHMARKS.md, "Whole-module for a build used
# once" and "One job per module"). Checked first: a wrong value stops before anything runs.
build_options=(--disable-index-store -Xswiftc -gline-tables-only)
case ${SAMVERKAN_BUILD:-incremental} in
    incremental) build_options+=(--scratch-path .build-test) ;;
    whole-module)
        build_options+=(
            --scratch-path .build-once
            -Xswiftc -wmo -Xswiftc -num-threads -Xswiftc "$(nproc)" -Xswiftc -no-emit-module-separately-wmo
        )
        ;;
    *)
        echo "SAMVERKAN_BUILD is '$SAMVERKAN_BUILD': use incremental (the default) or whole-module" >&2
        exit 2
        ;;
esac

timings=()
# step NAME COMMAND...: runs one step and notes how long it took.
step() {
    local name=$1 began=$SECONDS
    shift
    echo "== $name"
    "$@"
    timings+=("$(printf '%5d s  %s' $((SECONDS - began)) "$name")")
    echo "   ($((SECONDS - began)) s)"
}

step "setup" scripts/setup.sh --test

# Scratch files on tmpfs when the machine has one: the tests write many exports and sync
# them, and beside the other steps the disk set their pace (after a one-line change the
# Swift tests took 43 s with scratch on disk, 37 s here). The kill tests keep theirs on
# disk (see there).
scratch=""
if [[ -d /dev/shm && -w /dev/shm ]]; then
    scratch=$(mktemp -d /dev/shm/samverkan-test.XXXXXX)
    export TMPDIR=$scratch
fi
# Steps that run beside others, each group in the background with its own log: their
# output, and their failure, are shown when the group is waited for (`finish`).
declare -A group_pid group_log
start() {
    local name=$1
    shift
    group_log[$name]=$(mktemp)
    (
        set -e
        timings=()
        "$@"
        printf '%s\n' "${timings[@]}" >"${group_log[$name]}.timings"
    ) >"${group_log[$name]}" 2>&1 &
    group_pid[$name]=$!
}
finish() {
    local name=$1 status=0
    wait "${group_pid[$name]}" || status=$?
    unset "group_pid[$name]"
    cat "${group_log[$name]}"
    [[ -f ${group_log[$name]}.timings ]] && while IFS= read -r line; do
        timings+=("$line (beside others)")
    done <"${group_log[$name]}.timings"
    return "$status"
}
cleanup() {
    local name
    for name in "${!group_pid[@]}"; do
        pkill -TERM -P "${group_pid[$name]}" 2>/dev/null || true
        kill "${group_pid[$name]}" 2>/dev/null || true
    done
    for name in "${!group_log[@]}"; do rm -f "${group_log[$name]}" "${group_log[$name]}.timings"; done
    if [[ -n $scratch ]]; then rm -rf "$scratch"; fi
}
trap cleanup EXIT

# What needs no build runs while the packages resolve and compile: the build leaves
# a core idle while it resolves, plans and links. The pages are the committed Exports/;
# the Swift tests hold them to the code, the integration checks the server to them.
committed() {
    step "format" swift format lint --strict --parallel -r Package.swift Sources Data Tests
    step "feed checks under mutation" python3 Tests/Oracles/mutation_harness.py Exports
    step "Atom change logs (feedparser and RFC 4287)" \
        python3 Tests/Oracles/check_atom.py Exports/changes.atom Exports/changes/*.atom
    step "the pages in headless Chromium (nginx over Exports/): DOM, crawl, search, reflow, CSP, axe-core" \
        scripts/browser-test.sh
}
start committed committed

# A build folder of its own (`build_options`, above), built without an index store and with
# line tables only for debug information: a tenth less compiler work than the default
# (BENCHMARKS.md, "Clean build"), and no index needed since Tests/XCTMain.swift is the
# bundle's entry point. Flags differ from a plain `swift build`, so the two keep separate
# folders: neither makes the other compile everything again. In whole-module mode the
# driver notes, for every module, that it left incremental compilation and batch mode off
# as asked: those two notes are dropped, nothing else.
build() {
    local notes=(
        -e "Incremental compilation has been disabled: it is not compatible with whole module optimization"
        -e "ignoring '-enable-batch-mode' because '-whole-module-optimization' was also specified"
    )
    swift build --build-tests "${build_options[@]}" 2>&1 | { grep --line-buffered -F -v "${notes[@]}" || true; }
}
step "build (once: every step below runs these binaries)" build
bin_path=$(swift build --show-bin-path "${build_options[@]}")
export SAMVERKAN_BIN="$bin_path/samverkan"
export STALE_EXPORT_PROBE="$bin_path/stale-export-probe"
# After a small change the build is short: what runs beside it ends before the tests start.
finish committed || { echo "FAIL: a step beside the build failed (its output is above)"; exit 1; }

# The test bundle runs directly: `swift test` would plan the build again. It runs alone: it
# keeps both cores busy, and its serialized suites set its pace.
step "tests (Exports/ freshness among them)" \
    env NO_COLOR=1 "$bin_path/samverkanPackageTests.xctest" --testing-library swift-testing

# Beside the integration checks, which wait on curl and the servers more than they
# compute, the hostile clients first (their timeouts have 1.5 s of slack: beside the Swift
# tests a server starved of CPU answered nothing in a second), then the checks of what is
# answered; the malformed requests, which keep a core busy, after the integration checks.
# Nothing runs beside the Swift tests, which they stretch (BENCHMARKS.md, "Test command").
# The rolling restart keeps both cores busy under its load: alone, last.
answers() {
    step "slow, idle and too many connections; SIGTERM under load" scripts/hostile-clients.sh
    step "weekly digest: msmtp to a local SMTP server, parsed by python email; resent only when refused" \
        scripts/mail-test.sh
    step "no stale 304 from nginx after a change (a meeting moved, then removed)" scripts/stale-304-test.sh
}
start answers answers

step "integration: samverkan serve and nginx on loopback, khal; the same pages and headers from both" \
    scripts/integration-test.sh
step "malformed requests against the running server" scripts/malformed-requests.sh

finish answers || { echo "FAIL: a step beside the integration checks failed (its output is above)"; exit 1; }

step "rolling restart of two instances behind nginx under load" scripts/roll-test.sh

echo "== time per step"
printf '%s\n' "${timings[@]}"
