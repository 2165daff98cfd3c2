"""Feed checks that look at what a calendar client would see, independent of libical.

- `rawrules`: RFC 5545/7986 rules on the raw bytes and content lines (the ones parsers
  are lenient about), plus the project's own rules for a subscribed feed.
- `timezones`: the file's own VTIMEZONE evaluated by hand against the system zoneinfo.
- `parsers`: python `icalendar`, `vobject` and `ical` read each file; every DTSTART/DTEND
  is converted to UTC and compared across the three.
- `crossfeed`: one UID, one content everywhere; all.ics is the union of the kind feeds;
  municipality and body feeds hold exactly what the registry says concerns them; the
  SEQUENCE ledger; every registry event present with its time and status.

Every problem names the rule that found it (`RULES`), so the mutation harness can demand
that a planted defect is caught by the rule meant to catch it.
"""
from .model import RULES, Problem  # noqa: F401
from .tree import check_tree, load_tree  # noqa: F401
