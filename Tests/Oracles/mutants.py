"""The catalogue of planted defects for the feed checks (see mutation_harness.py).

Each mutant is data: a name, the feed files it touches (a glob over paths relative to
Exports/; `*` also matches `/`; all.ics unless said otherwise, `*.ics` for a defect that
must look the same in every feed to be seen only by the rule it is meant for), a change, the rules of which at least one must fire
(`expect`), and what it stands for. A change is either
- `change(path, bytes) -> bytes | None`, applied to every matching file (None: does not
  apply to this file); the mutant must apply to at least one file; or
- `tree(files) -> files`, for defects that span files, the ledger or popolo.json.
Most changes work on logical (unfolded) lines, so the mutant is about content, not fold
positions: changed lines are refolded at 75 octets, untouched lines keep their bytes.

Adding a rule to feedcheck: add a mutant here whose `expect` names it; the harness fails
for a rule no mutant expects.
"""
import fnmatch
import json
import re
from dataclasses import dataclass
from typing import Callable, Optional


@dataclass
class Mutant:
    name: str
    expect: tuple
    about: str
    files: str = "all.ics"
    change: Optional[Callable] = None
    tree: Optional[Callable] = None

    def apply(self, files):
        """-> the mutated copy of files, or None if the mutant changed nothing."""
        if self.tree is not None:
            mutated = self.tree(dict(files))
        else:
            mutated = dict(files)
            for path, data in files.items():
                if path.endswith(".ics") and fnmatch.fnmatch(path, self.files):
                    new = self.change(path, data)
                    if new is not None and new != data:
                        mutated[path] = new
        return None if mutated == files else mutated


# --- logical lines ----------------------------------------------------------------------

def unfold(data):
    """-> [(logical text, its original bytes with CRLFs)]."""
    pieces = []
    for physical in re.split(rb"(?<=\r\n)", data):
        if not physical:
            continue
        if physical[:1] == b" " and pieces:
            text, raw = pieces[-1]
            pieces[-1] = (text + physical[1:].rstrip(b"\r\n").decode("utf-8"), raw + physical)
        else:
            pieces.append((physical.rstrip(b"\r\n").decode("utf-8"), physical))
    return pieces


def refold(text):
    """One logical line folded at 75 octets, never inside a UTF-8 character."""
    data, out, limit = text.encode("utf-8"), [], 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(data[:cut])
        data, limit = b" " + data[cut:], 75
    out.append(data)
    return b"\r\n".join(out) + b"\r\n"


def lines(fn):
    """A change from fn(list of logical lines) -> list of logical lines."""
    def change(path, data):
        pieces = unfold(data)
        texts = [t for t, _ in pieces]
        out = fn(list(texts))
        if out is None or out == texts:
            return None
        original = {}
        for text, raw in pieces:
            original.setdefault(text, raw)
        return b"".join(original.get(t) or refold(t) for t in out)
    return change


def sub(pattern, replacement, count=0):
    """Regular-expression substitution on each logical line."""
    def fn(texts):
        out, done = [], 0
        for text in texts:
            if count == 0 or done < count:
                new = re.sub(pattern, replacement, text)
                done += new != text
                text = new
            out.append(text)
        return out
    return lines(fn)


def blocks(texts, name):
    """(start, end) index pairs of BEGIN:name ... END:name."""
    result, start = [], None
    for i, text in enumerate(texts):
        if text == f"BEGIN:{name}":
            start = i
        elif text == f"END:{name}" and start is not None:
            result.append((start, i))
            start = None
    return result


def in_event(uid_prefix, fn):
    """Apply fn(event lines) -> event lines to each VEVENT whose UID starts with uid_prefix."""
    def outer(texts):
        for start, end in reversed(blocks(texts, "VEVENT")):
            block = texts[start:end + 1]
            if any(t.startswith("UID:" + uid_prefix) for t in block):
                texts[start:end + 1] = fn(block)
        return texts
    return lines(outer)


def in_alarm(fn):
    def outer(texts):
        for start, end in reversed(blocks(texts, "VALARM")):
            texts[start:end + 1] = fn(texts[start:end + 1])
        return texts
    return lines(outer)


def drop(prefix):
    return lambda block: [t for t in block if not t.startswith(prefix)]


def after(prefix, new):
    """Insert line `new` after the first line starting with prefix."""
    def fn(block):
        for i, t in enumerate(block):
            if t.startswith(prefix):
                return block[:i + 1] + [new] + block[i + 1:]
        return block
    return fn


def drop_block(name):
    def fn(texts):
        for start, end in reversed(blocks(texts, name)):
            del texts[start:end + 1]
        return texts
    return lines(fn)


def raw(old, new, count=1):
    """A byte-level replacement (for defects in the bytes themselves)."""
    def change(path, data):
        return data.replace(old, new, count) if old in data else None
    return change


def event_text(files, uid_prefix, path="all.ics"):
    texts = [t for t, _ in unfold(files[path])]
    for start, end in blocks(texts, "VEVENT"):
        if any(t.startswith("UID:" + uid_prefix) for t in texts[start:end + 1]):
            return texts[start:end + 1]
    raise KeyError(uid_prefix)


def add_event(path, event):
    """A tree change adding a VEVENT (logical lines) before END:VCALENDAR of path."""
    def tree(files):
        change = lines(lambda texts: texts[:-1] + event(files) + texts[-1:])
        files[path] = change(path, files[path])
        return files
    return tree


def both(*changes):
    def tree(files):
        for change in changes:
            files = change(files)
        return files
    return tree


def on(pattern, change):
    """A file change as a tree change on the files matching pattern."""
    def tree(files):
        for path in list(files):
            if path.endswith(".ics") and fnmatch.fnmatch(path, pattern):
                new = change(path, files[path])
                if new is not None:
                    files[path] = new
        return files
    return tree


def ledger(fn):
    def tree(files):
        files["sequences.tsv"] = fn(files["sequences.tsv"].decode("utf-8")).encode("utf-8")
        return files
    return tree


def popolo(fn):
    def tree(files):
        doc = json.loads(files["popolo.json"])
        fn(doc)
        files["popolo.json"] = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
        return files
    return tree


def popolo_status(event_id, status):
    def fn(doc):
        for event in doc["events"]:
            if event["id"] == event_id:
                event["status"] = status
    return popolo(fn)


MEETING = "meeting-kdm-2026-04-10@"
ALLDAY_MEETING = "meeting-kdm-2026-05-22@"
DEADLINE = "deadline-kdm-2026-04-10-scenario-3@"
START = "start-teodor-isaksson"

CATALOGUE = [
    # --- named in the issue ------------------------------------------------------------
    Mutant("valarm-without-description", ("valarm",), "a VALARM with no DESCRIPTION",
           change=in_alarm(drop("DESCRIPTION"))),
    Mutant("valarm-without-trigger", ("valarm",), "a VALARM with no TRIGGER",
           change=in_alarm(drop("TRIGGER"))),
    Mutant("valarm-duration-without-repeat", ("valarm",), "a VALARM with DURATION but no REPEAT",
           change=in_alarm(after("TRIGGER", "DURATION:PT15M"))),
    Mutant("vtimezone-offset-+0500", ("vtimezone-event-instant",),
           "a wrong VTIMEZONE offset: the 08:30 meeting at 05:30Z for libical, ical.js, vobject",
           change=sub(r"^TZOFFSETTO:\+0200$", "TZOFFSETTO:+0500")),
    Mutant("vtimezone-daylight-offset-+0300", ("parsers-disagree",),
           "a wrong VTIMEZONE offset that icalendar and ical (zone by name) cannot see and vobject can",
           change=sub(r"^TZOFFSETTO:\+0200$", "TZOFFSETTO:+0300")),
    Mutant("vtimezone-wrong-rule", ("vtimezone-offset",), "daylight time from the last Sunday of April",
           change=sub(r"BYDAY=-1SU;BYMONTH=3$", "BYDAY=-1SU;BYMONTH=4")),
    Mutant("vtimezone-wrong-onset-hour", ("vtimezone-offset",), "daylight time starting at 03:00 local",
           change=sub(r"^DTSTART:19810329T020000$", "DTSTART:19810329T030000")),
    Mutant("vtimezone-without-daylight", ("vtimezone-offset",), "a VTIMEZONE with STANDARD only",
           change=drop_block("DAYLIGHT")),
    Mutant("method-request", ("method",), "METHOD:REQUEST (an invitation, not a feed)",
           change=lines(after("CALSCALE", "METHOD:REQUEST"))),
    Mutant("refresh-interval-without-value", ("refresh-interval",), "REFRESH-INTERVAL without VALUE=DURATION",
           change=sub(r"^REFRESH-INTERVAL;VALUE=DURATION:", "REFRESH-INTERVAL:")),
    Mutant("status-canceled", ("status",), "STATUS:CANCELED (US spelling, not RFC 5545)",
           change=in_event(MEETING, lambda b: [re.sub("^STATUS:.*", "STATUS:CANCELED", t) for t in b])),
    Mutant("no-last-modified", ("last-modified",), "events without LAST-MODIFIED",
           change=lines(drop("LAST-MODIFIED:"))),
    Mutant("version-1.0", ("version",), "VERSION:1.0 (vCalendar)", change=sub(r"^VERSION:2\.0$", "VERSION:1.0")),
    Mutant("unescaped-comma", ("text-unescaped",), "LOCATION:Mindpark, Helsingborg with a bare comma",
           change=sub(r"^(LOCATION:Mindpark)\\,", r"\1,")),
    Mutant("unescaped-semicolon", ("text-unescaped",), "a bare ; in SUMMARY",
           change=in_event(MEETING, lambda b: [t + "; extra" if t.startswith("SUMMARY:") else t for t in b])),
    Mutant("invalid-escape", ("text-bad-escape",), "\\x in DESCRIPTION",
           change=sub(r"\\nDistansdeltagande", r"\\xDistansdeltagande")),
    Mutant("fold-splits-escape", ("fold-splits-escape",), "a fold between \\ and the comma it escapes",
           change=raw(b"LOCATION:Mindpark\\, ", b"LOCATION:Mindpark\\\r\n , ")),
    Mutant("url-not-a-uri", ("url",), "URL:kalender hos familjen (not a URI)",
           change=in_event(MEETING, after("SEQUENCE", "URL:kalender hos familjen"))),
    Mutant("url-http-without-host", ("url",), "URL:https:/feeds/all.ics",
           change=lines(after("X-PUBLISHED-TTL", "URL:https:/feeds/all.ics"))),
    Mutant("vcalendar-without-components", ("calendar-empty",), "a VCALENDAR with nothing in it",
           files="bodies/eon.ics", change=drop_block("VTIMEZONE")),
    Mutant("same-uid-different-content", ("uid-content-differs",), "meetings.ics has another SUMMARY for a UID",
           files="meetings.ics",
           change=in_event(MEETING, lambda b: [t + " (flyttat)" if t.startswith("SUMMARY:") else t for t in b])),
    # --- bytes, UTF-8 and folding ------------------------------------------------------
    Mutant("line-over-75-octets", ("line-length",), "a folded line joined back to 100+ octets",
           files="all.ics", change=raw(b"Dagordning:\r\n \\n1.", b"Dagordning:\\n1.")),
    Mutant("lf-line-endings", ("crlf",), "LF instead of CRLF", files="all.ics", change=raw(b"\r\n", b"\n", -1)),
    Mutant("bare-cr-in-line", ("crlf",), "a CR inside a content line",
           files="all.ics", change=raw(b"SUMMARY:Kommundirekt", b"SUMMARY:Kommun\rdirekt")),
    Mutant("no-final-crlf", ("crlf",), "END:VCALENDAR without CRLF",
           files="all.ics", change=lambda p, d: d[:-2]),
    Mutant("latin-1", ("utf8",), "the feed in ISO-8859-1", files="all.ics",
           change=lambda p, d: d.decode("utf-8").encode("latin-1", errors="replace")),
    Mutant("byte-order-mark", ("utf8-bom",), "a UTF-8 BOM before BEGIN:VCALENDAR",
           files="all.ics", change=lambda p, d: b"\xef\xbb\xbf" + d),
    Mutant("fold-inside-character", ("fold-splits-character",), "a fold between the two bytes of ö",
           change=raw("SUMMARY:Kommundirektörsmöte\r\n".encode(),
                      b"SUMMARY:Kommundirekt\xc3\r\n \xb6rsm\xc3\xb6te\r\n")),
    Mutant("libical-fold-in-crlf", ("fold-slip",), "libical 3.0.16: CR CR LF SP LF",
           files="all.ics", change=raw(b"X-WR-TIMEZONE:Europe/Stockholm\r\n", b"X-WR-TIMEZONE:Europe/Stockholm\r\r\n \n")),
    Mutant("libical-empty-continuation", ("fold-slip",), "libical 3.0.16: an empty continuation line",
           files="all.ics", change=raw(b"Dagordning:\r\n", b"Dagordning:\r\n \r\n")),
    Mutant("continuation-without-space", ("content-line-syntax",), "a folded line that lost its leading space",
           files="all.ics", change=raw(b"Dagordning:\r\n \\n1.", b"Dagordning:\r\n\\n1.")),
    Mutant("empty-line", ("content-line-syntax",), "an empty line between properties",
           files="all.ics", change=raw(b"CALSCALE:GREGORIAN\r\n", b"CALSCALE:GREGORIAN\r\n\r\n")),
    Mutant("control-character", ("control-character",), "a BEL character in SUMMARY",
           change=in_event(MEETING, lambda b: [t + "\x07" if t.startswith("SUMMARY:") else t for t in b])),
    # --- structure and calendar properties ----------------------------------------------
    Mutant("missing-end-vevent", ("begin-end",), "a VEVENT never ended",
           files="all.ics", change=raw(b"END:VEVENT\r\n", b"")),
    Mutant("content-after-end", ("begin-end",), "a property after END:VCALENDAR",
           files="all.ics", change=lambda p, d: d + b"X-TRAILER:1\r\n"),
    Mutant("no-prodid", ("calendar-required",), "no PRODID", change=sub(r"^PRODID:.*", "X-PRODID:-")),
    Mutant("no-calendar-name", ("calendar-props",), "no NAME (RFC 7986)", change=sub(r"^NAME:", "X-NAME:")),
    Mutant("calscale-julian", ("calendar-props",), "CALSCALE:JULIAN", change=sub(r"^CALSCALE:.*", "CALSCALE:JULIAN")),
    Mutant("x-wr-timezone-elsewhere", ("calendar-props",), "X-WR-TIMEZONE naming a zone the file lacks",
           change=sub(r"^X-WR-TIMEZONE:.*", "X-WR-TIMEZONE:Europe/Berlin")),
    Mutant("x-wr-calname-comma", ("x-wr-text",), "a comma in X-WR-CALNAME (libical 3.0.16 leaves it bare)",
           files="meetings.ics", change=sub(r"^X-WR-CALNAME:Familjen Helsingborg: ", "X-WR-CALNAME:Familjen Helsingborg, ")),
    Mutant("method-publish-without-organizer", ("method",), "METHOD:PUBLISH, events without ORGANIZER",
           files="all.ics", change=lines(after("CALSCALE", "METHOD:PUBLISH"))),
    Mutant("refresh-interval-not-duration", ("refresh-interval",), "REFRESH-INTERVAL;VALUE=DURATION:1 hour",
           change=sub(r"^(REFRESH-INTERVAL;VALUE=DURATION:).*", r"\g<1>1 hour")),
    # --- events -------------------------------------------------------------------------
    Mutant("dtend-before-dtstart", ("dtend-order",), "the meeting ends at 07:30, before it starts",
           change=sub(r"^(DTEND;TZID=Europe/Stockholm:20260410T)103000", r"\g<1>073000")),
    Mutant("all-day-dtend-inclusive", ("all-day-dtend",), "all-day DTEND equal to DTSTART (not exclusive)",
           change=in_event(DEADLINE, lambda b: [re.sub("^DTEND;VALUE=DATE:.*", "DTEND;VALUE=DATE:20260430", t) for t in b])),
    Mutant("all-day-two-days", ("all-day-dtend",), "a one-day deadline spanning two days",
           change=in_event(DEADLINE, lambda b: [re.sub("^DTEND;VALUE=DATE:.*", "DTEND;VALUE=DATE:20260502", t) for t in b])),
    Mutant("dtstamp-not-utc", ("dtstamp-utc",), "DTSTAMP without Z", change=sub(r"^DTSTAMP:(\d{8}T\d{6})Z$", r"DTSTAMP:\1")),
    Mutant("tzid-without-vtimezone", ("tzid-without-vtimezone",), "TZID=Europe/Berlin with only Stockholm's VTIMEZONE",
           change=sub(r";TZID=Europe/Stockholm:", ";TZID=Europe/Berlin:")),
    Mutant("floating-dtstart", ("floating-time",), "DTSTART/DTEND without TZID (floating)",
           change=sub(r"^(DT(START|END));TZID=Europe/Stockholm:", r"\1:")),
    Mutant("duplicate-uid", ("duplicate-uid",), "one event twice in a feed", files="municipalities/bjuv.ics",
           change=lines(lambda t: t[:-1] + t[blocks(t, "VEVENT")[0][0]:blocks(t, "VEVENT")[0][1] + 1] + t[-1:])),
    Mutant("no-uid", ("event-required",), "a VEVENT without UID",
           files="all.ics", change=in_event(START, drop("UID:"))),
    Mutant("no-dtstamp", ("event-required",), "a VEVENT without DTSTAMP", change=in_event(START, drop("DTSTAMP:"))),
    Mutant("no-dtstart", ("event-required",), "a VEVENT without DTSTART", change=in_event(START, drop("DTSTART"))),
    Mutant("sequence-timestamp", ("sequence",), "SEQUENCE as a timestamp (Google rejects it)",
           change=in_event(MEETING, lambda b: [re.sub("^SEQUENCE:.*", "SEQUENCE:1775808000", t) for t in b])),
    Mutant("sequence-negative", ("sequence",), "SEQUENCE:-1",
           change=in_event(MEETING, lambda b: [re.sub("^SEQUENCE:.*", "SEQUENCE:-1", t) for t in b])),
    Mutant("summary-twice", ("property-repeated",), "two SUMMARY lines in one event",
           change=in_event(MEETING, lambda b: after("SUMMARY", "SUMMARY:Möte")(b))),
    Mutant("dtend-and-duration", ("dtend-and-duration",), "DTEND and DURATION together",
           change=in_event(MEETING, after("DTEND", "DURATION:PT2H"))),
    Mutant("date-with-time", ("value-type",), "VALUE=DATE with a DATE-TIME value",
           change=in_event(DEADLINE, lambda b: [re.sub("^(DTSTART;VALUE=DATE:.*)", r"\1T000000", t) for t in b])),
    Mutant("impossible-date", ("value-type",), "DTSTART 31 April",
           change=in_event(DEADLINE, lambda b: [re.sub("^DTSTART;VALUE=DATE:.*", "DTSTART;VALUE=DATE:20260431", t) for t in b])),
    Mutant("transp-invalid", ("value-type",), "TRANSP:FREE", change=sub(r"^TRANSP:.*", "TRANSP:FREE")),
    Mutant("dtend-type-differs", ("dtend-type",), "an all-day DTSTART with a timed DTEND",
           change=in_event(DEADLINE, lambda b: [re.sub("^DTEND;VALUE=DATE:(.*)", r"DTEND;TZID=Europe/Stockholm:\1T000000", t) for t in b])),
    Mutant("uid-from-time", ("uid-form",), "a UID made from the time, not the record",
           change=sub(r"^UID:meeting-kdm-2026-04-10@", "UID:20260410T083000-1@")),
    Mutant("valarm-bad-action", ("valarm",), "ACTION:POPUP", change=in_alarm(lambda b: [re.sub("^ACTION:.*", "ACTION:POPUP", t) for t in b])),
    Mutant("valarm-trigger-not-duration", ("valarm",), "TRIGGER:-15 hours",
           change=in_alarm(lambda b: [re.sub("^TRIGGER:.*", "TRIGGER:-15 hours", t) for t in b])),
    # --- time zones ---------------------------------------------------------------------
    Mutant("vtimezone-without-tzoffsetfrom", ("vtimezone-structure",), "an observance without TZOFFSETFROM",
           change=sub(r"^TZOFFSETFROM:\+0100$", "X-TZOFFSETFROM:+0100")),
    Mutant("vtimezone-rdate", ("vtimezone-compact",), "an extra RDATE: not one yearly pair (Outlook)",
           change=lines(after("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "RDATE:20270328T020000"))),
    # --- only a strict parser sees these ------------------------------------------------
    Mutant("rrule-bad-freq", ("parser-rejects",), "RRULE:FREQ=FORTNIGHTLY on an event",
           change=in_event(MEETING, after("DTEND", "RRULE:FREQ=FORTNIGHTLY"))),
    Mutant("geo-not-numbers", ("parser-rejects",), "GEO:Mindpark", change=in_event(MEETING, after("LOCATION", "GEO:Mindpark"))),
    Mutant("priority-not-integer", ("parser-rejects",), "PRIORITY:high", change=in_event(MEETING, after("STATUS", "PRIORITY:high"))),
    # --- across feeds, the ledger and the registry -------------------------------------
    Mutant("all-not-union", ("all-union",), "an event missing from all.ics only", files="all.ics",
           change=in_event(START, lambda b: [])),
    Mutant("meeting-in-deadlines-feed", ("kind-feed",), "a meeting in deadlines.ics",
           tree=add_event("deadlines.ics", lambda f: event_text(f, MEETING))),
    Mutant("municipality-feed-missing-event", ("municipality-feed",), "bjuv.ics lacks a deadline that concerns Bjuv",
           files="municipalities/bjuv.ics", change=in_event(DEADLINE, lambda b: [])),
    Mutant("municipality-feed-extra-event", ("municipality-feed",), "bjuv.ics holds a start date that does not concern Bjuv",
           tree=add_event("municipalities/bjuv.ics", lambda f: event_text(f, START))),
    Mutant("municipality-feed-missing", ("municipality-feed",), "svalov.ics not written",
           tree=lambda f: {k: v for k, v in f.items() if k != "municipalities/svalov.ics"}),
    Mutant("body-feed-missing-event", ("body-feed",), "kommundirektorerna.ics lacks a meeting",
           files="bodies/kommundirektorerna.ics", change=in_event(MEETING, lambda b: [])),
    Mutant("body-feed-extra-event", ("body-feed",), "eon.ics holds a meeting of the directors",
           tree=add_event("bodies/eon.ics", lambda f: event_text(f, MEETING))),
    Mutant("person-feed-missing-event", ("person-feed",), "agneta-fristedt.ics lacks a meeting of her body",
           files="people/agneta-fristedt.ics", change=in_event(MEETING, lambda b: [])),
    Mutant("person-feed-extra-event", ("person-feed",), "agneta-fristedt.ics holds a start date in a body she is not in",
           tree=add_event("people/agneta-fristedt.ics", lambda f: event_text(f, START))),
    Mutant("person-feed-missing", ("person-feed",), "teodor-isaksson.ics not written",
           tree=lambda f: {k: v for k, v in f.items() if k != "people/teodor-isaksson.ics"}),
    Mutant("person-feed-unknown", ("person-feed",), "a feed for someone the registry does not have",
           tree=lambda f: {**f, "people/nils-holgersson.ics": f["people/teodor-isaksson.ics"]}),
    Mutant("person-wording-without-ledger-line", ("uid-content-differs",),
           "agneta-fristedt.ics words a deadline as Bjuv's, but the ledger has no line for her wording",
           tree=ledger(lambda t: re.sub(r"^deadline-kdm-2026-04-10-scenario-3@\S+#people/agneta-fristedt\t[^\n]*\n", "", t, flags=re.M))),
    Mutant("person-wording-sequence-down", ("sequence-down",), "agneta-fristedt.ics's own wording below its ledger SEQUENCE",
           files="people/agneta-fristedt.ics",
           change=in_event(DEADLINE, lambda b: [re.sub("^SEQUENCE:(\\d+)", lambda m: f"SEQUENCE:{int(m.group(1)) - 1}", t) for t in b])),
    Mutant("sequence-down", ("sequence-down",), "the committed ledger has SEQUENCE 2, the feeds 0",
           tree=ledger(lambda t: re.sub(r"^(meeting-kdm-2026-04-10@\S+)\t(\d+)\t",
                                        lambda m: f"{m.group(1)}\t{int(m.group(2)) + 2}\t", t, flags=re.M))),
    Mutant("sequence-raised-not-in-ledger", ("sequence-ledger-mismatch",), "SEQUENCE one above the ledger's in the feeds",
           files="*.ics", change=in_event(MEETING, lambda b: [re.sub("^SEQUENCE:(\\d+)", lambda m: f"SEQUENCE:{int(m.group(1)) + 1}", t) for t in b])),
    Mutant("own-wording-without-ledger-line", ("uid-content-differs",),
           "bjuv.ics words a deadline its own way, but the ledger has no line for that wording",
           tree=ledger(lambda t: re.sub(r"^deadline-kdm-2026-04-10-scenario-3@\S+#municipalities/bjuv\t[^\n]*\n", "", t, flags=re.M))),
    Mutant("own-wording-sequence-down", ("sequence-down",), "bjuv.ics's own wording of a deadline below its ledger SEQUENCE",
           files="municipalities/bjuv.ics",
           change=in_event(DEADLINE, lambda b: [re.sub("^SEQUENCE:(\\d+)", lambda m: f"SEQUENCE:{int(m.group(1)) - 1}", t) for t in b])),
    Mutant("own-wording-in-shared-feed", ("uid-content-differs",), "deadlines.ics carries Bjuv's own wording of a deadline",
           files="deadlines.ics",
           change=in_event(DEADLINE, lambda b: [re.sub(r"Inga besked ännu[^\\]*|\d+ av \d+ har (?:svarat|lämnat besked)[^\\]*", "Bjuv har inte lämnat besked.", t) for t in b])),
    Mutant("ledger-missing-uid", ("ledger-missing",), "an event's UID not in sequences.tsv",
           tree=ledger(lambda t: re.sub(r"^start-teodor[^\n]*\n", "", t, flags=re.M))),
    Mutant("ledger-malformed", ("ledger-format",), "a ledger line with spaces for tabs",
           tree=ledger(lambda t: re.sub(r"^(start-teodor\S+)\t(\d+)\t", r"\1 \2 ", t, flags=re.M))),
    Mutant("cancelled-meeting-dropped", ("cancelled-dropped",), "a cancelled meeting removed instead of kept",
           tree=both(popolo_status("meeting/kdm-2026-05-22", "cancelled"),
                     on("*.ics", in_event(ALLDAY_MEETING, lambda b: [])))),
    Mutant("cancelled-meeting-confirmed", ("event-status",), "a cancelled meeting still STATUS:CONFIRMED",
           tree=popolo_status("meeting/kdm-2026-05-22", "cancelled")),
    Mutant("meeting-moved-in-feeds-only", ("event-time",), "the meeting an hour late in every feed",
           files="*.ics", change=sub(r"^(DT(START|END);TZID=Europe/Stockholm:20260410T)(\d\d)", lambda m: f"{m.group(1)}{int(m.group(3)) + 1:02d}")),
    Mutant("deadline-moved-in-feeds-only", ("event-time",), "a deadline a day early in every feed",
           files="*.ics", change=in_event(DEADLINE, lambda b: [t.replace(":20260430", ":20260429").replace(":20260501", ":20260430") for t in b])),
    Mutant("event-dropped-everywhere", ("event-missing",), "a start date missing from every feed",
           files="*.ics", change=in_event(START, lambda b: [])),
    Mutant("event-not-in-registry", ("event-unknown",), "an event the registry does not have",
           tree=both(add_event("all.ics", lambda f: [t.replace("teodor-isaksson", "nils-holgersson") for t in event_text(f, START)]),
                     add_event("start-dates.ics", lambda f: [t.replace("teodor-isaksson", "nils-holgersson") for t in event_text(f, START)]))),
    Mutant("popolo-unreadable", ("registry-source",), "popolo.json cut short",
           tree=lambda f: {**f, "popolo.json": f["popolo.json"][:100]}),
]

# Variants that must NOT be flagged: what the feeds may soon legitimately contain.
BENIGN = [
    Mutant("ledger-extra-columns", (), "sequences.tsv with a fourth column and more comments",
           tree=ledger(lambda t: "# revised\n" + re.sub(r"^([^#\n][^\n]*)$", r"\1\t2026-04-10", t, flags=re.M))),
    Mutant("url-property", (), "a valid URL on the calendar, and another valid one on an event",
           tree=both(on("*.ics", lines(after("X-PUBLISHED-TTL", "URL:https://kalender.example.se/feeds/all.ics"))),
                     on("*.ics", in_event(MEETING, lambda b: [re.sub("^URL:.*", "URL:https://kalender.example.se/organ/kommundirektorerna", t) for t in b])))),
    Mutant("archive-feed", (), "Exports/archive/2026.ics, a copy of all.ics",
           tree=lambda f: {**f, "archive/2026.ics": f["all.ics"]}),
]
