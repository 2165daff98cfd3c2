#!/usr/bin/env bash
# Runs the tests that call into libical or serve requests concurrently under
# AddressSanitizer and ThreadSanitizer (`make sanitize`). Each sanitizer builds into its
# own folder (.build-asan, .build-tsan); a first build takes a few minutes each.
#   scripts/sanitize.sh [address|thread]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."

filter='ICalendarTests|CalendarFeedsTests|ExportFilesTests|RegistryServerTests'
sanitizers=("$@")
((${#sanitizers[@]})) || sanitizers=(address thread)
# Every sanitizer runs even when an earlier one fails; the exit status says whether all passed.
status=0
for sanitizer in "${sanitizers[@]}"; do
    scratch=".build-${sanitizer:0:1}san"
    echo "== swift test --sanitize=$sanitizer ($filter)"
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" || { status=1; continue; }
    # The kill test and the property test's 10,000-character fields are slow under a
    # sanitizer and touch nothing the others do not.
    TSAN_OPTIONS="halt_on_error=1" ASAN_OPTIONS="detect_leaks=0" \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$filter" ||
        { status=1; echo "== --sanitize=$sanitizer: failures above"; }
done
exit $status
