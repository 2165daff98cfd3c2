#!/usr/bin/env bash
# The test command: everything CI runs. Installs what it needs, builds with warnings as
# errors, checks formatting, runs every test, and checks that Exports/ is fresh.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test

echo "== format"
swift format lint --strict -r Package.swift Sources Data Tests

echo "== build"
swift build --build-tests

echo "== Exports/ freshness"
swift run --skip-build samverkan export --check

echo "== feed checks under mutation"
python3 Tests/Oracles/mutation_harness.py Exports

echo "== Atom change logs (feedparser and RFC 4287)"
python3 Tests/Oracles/check_atom.py Exports/changes.atom Exports/changes/*.atom

echo "== tests"
swift test --skip-build

echo "== integration: samverkan serve and nginx on loopback, khal, headless Chromium"
scripts/integration-test.sh

echo "== no stale 304 from nginx after a change (a meeting moved, then removed)"
scripts/stale-304-test.sh

echo "== malformed requests against the running server"
scripts/malformed-requests.sh

echo "== slow, idle and too many connections; SIGTERM under load"
scripts/hostile-clients.sh

echo "== Content-Security-Policy of the pages in headless Chromium"
scripts/csp-check.sh

echo "== accessibility of every page under axe-core in headless Chromium"
scripts/axe-check.sh

echo "== rolling restart of two instances behind nginx under load"
scripts/roll-test.sh
