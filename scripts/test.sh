#!/usr/bin/env bash
# The test command: everything CI runs. Installs what it needs, builds once with warnings
# as errors, checks formatting, runs every test (the Swift tests also check that Exports/
# is fresh), then the scripts against the built binaries, each step timed; the checks of
# what the server answers (not how fast) run beside the CPU-bound ones.
set -euo pipefail
cd "$(dirname "$0")/.."

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
background_pid=""
background_log=""
cleanup() {
    if [[ -n $background_pid ]]; then
        pkill -TERM -P "$background_pid" 2>/dev/null || true
        kill "$background_pid" 2>/dev/null || true
    fi
    if [[ -n $background_log ]]; then rm -f "$background_log" "$background_log.timings"; fi
    if [[ -n $scratch ]]; then rm -rf "$scratch"; fi
}
trap cleanup EXIT

step "format" swift format lint --strict --parallel -r Package.swift Sources Data Tests

step "build (once: every step below runs these binaries)" swift build --build-tests
bin_path=$(swift build --show-bin-path)
export SAMVERKAN_BIN="$bin_path/samverkan"
export STALE_EXPORT_PROBE="$bin_path/stale-export-probe"

# The scripts that check what is answered, not how fast, run one after another in the
# background, beside the CPU-bound Swift tests and browser checks; their output is shown,
# and their failure fails the run, when they are done. The checks that time the server
# (hostile clients, the rolling restart under load) run last, each alone: beside the
# tests, a server starved of CPU answered nothing in a second.
background() {
    timings=()
    step "feed checks under mutation" python3 Tests/Oracles/mutation_harness.py Exports
    step "Atom change logs (feedparser and RFC 4287)" \
        python3 Tests/Oracles/check_atom.py Exports/changes.atom Exports/changes/*.atom
    step "weekly digest: msmtp to a local SMTP server, parsed by python email; resent only when refused" \
        scripts/mail-test.sh
    step "no stale 304 from nginx after a change (a meeting moved, then removed)" scripts/stale-304-test.sh
    step "malformed requests against the running server" scripts/malformed-requests.sh
    printf '%s\n' "${timings[@]}" >"$background_log.timings"
}
background_log=$(mktemp)
(set -e; background) >"$background_log" 2>&1 &
background_pid=$!

# The test bundle runs directly: `swift test` would plan the build again, and leave it in a
# state where the next `swift build` compiles Hummingbird anew.
step "tests (Exports/ freshness among them)" \
    env NO_COLOR=1 "$bin_path/samverkanPackageTests.xctest" --testing-library swift-testing

step "integration: samverkan serve and nginx on loopback, khal; DOM, layout, CSP and axe-core in headless Chromium" \
    scripts/integration-test.sh

# The background steps' own lines and times, then their result.
finish_background() {
    local status=0
    wait "$background_pid" || status=$?
    background_pid=""
    cat "$background_log"
    [[ -f $background_log.timings ]] && while IFS= read -r line; do
        timings+=("$line (in the background)")
    done <"$background_log.timings"
    return "$status"
}
step "the background steps" finish_background

step "slow, idle and too many connections; SIGTERM under load" scripts/hostile-clients.sh

step "rolling restart of two instances behind nginx under load" scripts/roll-test.sh

echo "== time per step"
printf '%s\n' "${timings[@]}"
