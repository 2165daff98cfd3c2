#!/usr/bin/env bash
# The weekly digest through a real mail path, on loopback (about 5 s):
#   msmtp (Debian msmtp-mta, installed as /usr/sbin/sendmail) relays to a local SMTP server
#   (aiosmtpd, Tests/Oracles/mail_sink.py) that refuses one recipient at first.
#   1. `samverkan digest --send` for week 2026-W21 to four people: one has nothing that
#      fortnight (no mail), one is refused (the run exits 75, the others are delivered);
#   2. the refusal lifted, a second run delivers only the refused one;
#   3. a third run sends nothing;
#   every received message is read by Python's email package with no defect
#   (Tests/Oracles/check_mail.py), and a broken copy is rejected by the same check.
# Prints "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
out=$work
sink_pid=""
cleanup() {
    [[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

source scripts/lib/tally.sh

bin=${SAMVERKAN_BIN:-}
if [[ -z $bin ]]; then
    swift build --product samverkan >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; echo "FAIL build"; exit 1; }
    bin="$(swift build --show-bin-path)/samverkan"
fi
sendmail=/usr/sbin/sendmail
[[ $(readlink -f "$sendmail") == */msmtp ]] || { echo "FAIL $sendmail is not msmtp (scripts/setup.sh --test installs msmtp-mta)"; exit 1; }

mkdir -p "$work/sink"
python3 Tests/Oracles/mail_sink.py "$work/sink" >"$work/sink.log" 2>&1 &
sink_pid=$!
for _ in $(seq 100); do [[ -s $work/sink/port ]] && break; sleep 0.1; done
port=$(cat "$work/sink/port" 2>/dev/null) || { cat "$work/sink.log"; echo "FAIL the SMTP server did not start"; exit 1; }
echo "aiosmtpd on 127.0.0.1:$port"

cat >"$work/msmtprc" <<CONF
defaults
auth off
tls off
account default
host 127.0.0.1
port $port
from mikael.johansson4@helsingborg.se
CONF
chmod 600 "$work/msmtprc"
cat >"$work/recipients" <<LIST
# Addresses for the test only.
agneta-fristedt agneta@example.se
carina-leffler carina@example.se
mikael-johansson mikael@example.se
anna-kronbert anna@example.se
LIST
echo "carina@example.se" >"$work/sink/refuse"

digest() {
    "$bin" digest --week 2026-W21 --person agneta-fristedt --person carina-leffler \
        --person mikael-johansson --person anna-kronbert --recipients "$work/recipients" --send \
        --sendmail "$sendmail -C $work/msmtprc -t -oi" --state "$work/state" --now 2026-05-18T04:00:00Z \
        >"$work/run$1.log" 2>&1
    echo $?
}
received() { find "$work/sink/received" -name '*.eml' | wc -l; }

status=$(digest 1)
cat "$work/run1.log"
expect_eq "first run: exits 75 (one delivery refused)" "$status" 75
expect_eq "first run: 2 messages received" "$(received)" 2
check "first run: the refused recipient is named, for the next run" grep -q "not delivered to carina-leffler" "$work/run1.log"
check "first run: nobody with nothing to be told is mailed" grep -q "nothing for anna-kronbert" "$work/run1.log"

rm "$work/sink/refuse"
status=$(digest 2)
cat "$work/run2.log"
expect_eq "second run: exits 0" "$status" 0
expect_eq "second run: only the refused one is delivered (3 received in all)" "$(received)" 3
check "second run: it went to carina@example.se" grep -qx "carina@example.se" "$work/sink/received/3.rcpt"

status=$(digest 3)
expect_eq "third run: exits 0" "$status" 0
expect_eq "third run: sends nothing (3 received in all)" "$(received)" 3
expect_eq "the state records 3 messages" "$(grep -vc '^#' "$work/state/sent.tsv")" 3

absorb python3 Tests/Oracles/check_mail.py "$work"/sink/received/*.eml
# The control: a copy whose multipart has lost its boundary must be rejected.
sed 's/boundary="/boundary-lost="/' "$work/sink/received/1.eml" >"$work/broken.eml"
if python3 Tests/Oracles/check_mail.py "$work/broken.eml" >"$work/control.log" 2>&1; then
    fail "control: a message with a broken multipart is rejected"
else
    pass "control: a message with a broken multipart is rejected ($(grep -c 'defect' "$work/control.log") defect line(s))"
fi
echo "--- the first message as received:"
sed -n '1,12p' "$work/sink/received/1.eml"
tally
