"""Problems, rule names, and a small content-line model of an iCalendar file."""
import re
from dataclasses import dataclass, field

# Every rule the checks can report, with what it guards. The mutation harness requires
# each rule to be the expected catcher of at least one mutant.
RULES = {
    # bytes and folding (RFC 5545 3.1)
    "utf8": "the file is UTF-8",
    "utf8-bom": "no byte-order mark before BEGIN:VCALENDAR",
    "crlf": "every line ends with CRLF; no bare CR or LF",
    "line-length": "physical lines of at most 75 octets",
    "fold-slip": "no libical 3.0.16 folding slip (CR CR LF SP LF, or an empty continuation)",
    "fold-splits-character": "a fold never splits a multi-byte UTF-8 character",
    "fold-splits-escape": "a fold never splits a backslash escape",
    "content-line-syntax": "every logical line is NAME;PARAMS:VALUE",
    "control-character": "no control characters in values",
    # structure and calendar properties
    "begin-end": "one VCALENDAR, BEGIN/END balanced, nothing after END:VCALENDAR",
    "calendar-empty": "a VCALENDAR holds at least one component",
    "version": "VERSION:2.0, once",
    "calendar-required": "PRODID once",
    "calendar-props": "NAME, X-WR-CALNAME, CALSCALE GREGORIAN, X-WR-TIMEZONE hint",
    "method": "METHOD absent, or PUBLISH with ORGANIZER on every event",
    "refresh-interval": "REFRESH-INTERVAL;VALUE=DURATION and X-PUBLISHED-TTL are durations",
    "x-wr-text": "X-WR-* values carry no , ; or \\ (libical 3.0.16 does not escape them)",
    # events
    "event-required": "UID, DTSTAMP, DTSTART, DTEND, SUMMARY, SEQUENCE on every event",
    "property-repeated": "properties allowed once appear once",
    "last-modified": "LAST-MODIFIED present, a UTC DATE-TIME",
    "dtstamp-utc": "DTSTAMP is a UTC DATE-TIME",
    "value-type": "DATE, DATE-TIME, TRANSP values well formed and of the declared type",
    "floating-time": "no floating DTSTART/DTEND",
    "tzid-without-vtimezone": "every TZID used has a VTIMEZONE in the file",
    "dtend-type": "DTSTART and DTEND have the same value type",
    "dtend-and-duration": "DTEND and DURATION never both",
    "dtend-order": "DTEND after DTSTART",
    "all-day-dtend": "an all-day DTEND is exclusive: the day after DTSTART",
    "sequence": "SEQUENCE a small non-negative integer (never a timestamp)",
    "status": "STATUS is TENTATIVE, CONFIRMED or CANCELLED",
    "url": "URL is a URI",
    "uid-form": "UID derived from the record: KIND-ID@familjenhelsingborg.se",
    "duplicate-uid": "no UID twice in one feed",
    "text-unescaped": "TEXT values escape , and ;",
    "text-bad-escape": "TEXT escapes are only \\\\ \\; \\, \\n \\N",
    "valarm": "VALARM: ACTION, TRIGGER, DESCRIPTION for DISPLAY, DURATION with REPEAT",
    # time zones
    "vtimezone-structure": "VTIMEZONE: TZID, observances with DTSTART, TZOFFSETFROM, TZOFFSETTO",
    "vtimezone-compact": "one yearly STANDARD/DAYLIGHT pair, one BYDAY each (Outlook)",
    "vtimezone-offset": "the file's VTIMEZONE gives zoneinfo's offset at every hour",
    "vtimezone-event-instant": "each event's local time maps to zoneinfo's instant via the VTIMEZONE",
    # parsers
    "parser-rejects": "icalendar, vobject (validating) and ical all read the file",
    "parsers-disagree": "icalendar, vobject and ical see the same events at the same UTC instants",
    # across feeds
    "uid-content-differs": "one UID, one content, in every feed (a municipality's own wording: one in its feed)",
    "all-union": "all.ics is exactly the union of the kind feeds",
    "kind-feed": "a kind feed holds only its kind",
    "municipality-feed": "a municipality feed holds exactly what concerns the municipality",
    "body-feed": "a body feed holds exactly the events of the body",
    "person-feed": "a person's feed holds exactly their bodies' and their own events, while they sit there",
    "ledger-format": "sequences.tsv lines are UID, SEQUENCE, fingerprint",
    "ledger-missing": "every event's UID is in the SEQUENCE ledger",
    "sequence-down": "no SEQUENCE lower than the committed ledger's",
    "sequence-ledger-mismatch": "SEQUENCE equals the committed ledger's",
    "event-missing": "every registry event with a day is in all.ics",
    "cancelled-dropped": "a cancelled meeting stays in the feeds with STATUS:CANCELLED",
    "event-unknown": "every event in all.ics comes from the registry",
    "event-time": "an event's UTC start/end equal the registry's",
    "event-status": "STATUS:CANCELLED exactly when the registry says cancelled",
    "registry-source": "popolo.json and Data/ read as expected",
}


@dataclass
class Problem:
    rule: str
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: [{self.rule}] {self.message}"


@dataclass
class Prop:
    line: int  # physical line number where the logical line starts
    name: str
    params: dict  # upper-case name -> list of values
    value: str
    raw: str  # the whole logical line


@dataclass
class Component:
    name: str
    line: int
    props: list = field(default_factory=list)
    children: list = field(default_factory=list)

    def all(self, name):
        return [p for p in self.props if p.name == name]

    def get(self, name):
        found = self.all(name)
        return found[0] if found else None

    def sub(self, name):
        return [c for c in self.children if c.name == name]

    def walk(self, name):
        for child in self.children:
            if child.name == name:
                yield child
            yield from child.walk(name)


NAME = re.compile(r"[A-Za-z0-9-]+")
PARAM_VALUE = re.compile(r'"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*')


def parse_content_line(text):
    """NAME;P=V,V;P="Q":VALUE -> (name, params, value), or None if malformed."""
    m = NAME.match(text)
    if not m:
        return None
    name, pos, params = m.group(0).upper(), m.end(), {}
    while pos < len(text) and text[pos] == ";":
        m = NAME.match(text, pos + 1)
        if not m or m.end() >= len(text) or text[m.end()] != "=":
            return None
        pname, pos, values = m.group(0).upper(), m.end() + 1, []
        while True:
            v = PARAM_VALUE.match(text, pos)
            values.append(v.group(0).strip('"'))
            pos = v.end()
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            break
        params[pname] = values
    if pos >= len(text) or text[pos] != ":":
        return None
    return name, params, text[pos + 1 :]
