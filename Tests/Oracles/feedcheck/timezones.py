"""The file's own VTIMEZONE, evaluated by hand (no parser, no libical) and compared with
the system's zoneinfo: at every hour of the years the feeds span plus the next five, and
at every event's local start and end."""
import bisect
import calendar as cal
import datetime
import zoneinfo

from .model import Problem
from .rawrules import parse_date_time, parse_offset

UTC = datetime.timezone.utc
WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


class Evaluator:
    """UTC offsets of a VTIMEZONE: onsets of each observance, sorted in UTC."""

    def __init__(self, zone, last_year):
        self.onsets = []  # (utc naive, offset_to)
        self.first_from = None
        self.ok = True
        for obs in zone.sub("STANDARD") + zone.sub("DAYLIGHT"):
            try:
                start = parse_date_time(obs.get("DTSTART").value)[0]
                offset_from = parse_offset(obs.get("TZOFFSETFROM").value)
                offset_to = parse_offset(obs.get("TZOFFSETTO").value)
            except (AttributeError, TypeError):
                self.ok = False
                continue
            if offset_from is None or offset_to is None:
                self.ok = False
                continue
            locals_ = [start]
            for rule in obs.all("RRULE"):
                locals_ += self.expand(rule.value, start, last_year)
            for rdate in obs.all("RDATE"):
                for value in rdate.value.split(","):
                    parsed = parse_date_time(value)
                    if parsed:
                        locals_.append(parsed[0])
            for local in set(locals_):
                self.onsets.append((local - offset_from, offset_to, offset_from))
        self.onsets.sort()
        self.times = [o[0] for o in self.onsets]
        self.offsets = sorted({o[1] for o in self.onsets})

    def expand(self, rrule, start, last_year):
        parts = dict(p.split("=", 1) for p in rrule.split(";") if "=" in p)
        if parts.get("FREQ") != "YEARLY":
            self.ok = False
            return []
        until = parse_date_time(parts["UNTIL"])[0] if "UNTIL" in parts and parse_date_time(parts["UNTIL"]) else None
        months = [int(m) for m in parts.get("BYMONTH", str(start.month)).split(",")]
        days = parts.get("BYDAY", "").split(",") if "BYDAY" in parts else [None]
        result = []
        for year in range(start.year, last_year + 1):
            for month in months:
                for byday in days:
                    if byday is None:
                        day = start.day
                    else:
                        n, weekday = int(byday[:-2] or 0), WEEKDAYS[byday[-2:]]
                        matches = [d for d in range(1, cal.monthrange(year, month)[1] + 1)
                                   if datetime.date(year, month, d).weekday() == weekday]
                        if n == 0 or abs(n) > len(matches):
                            self.ok = False
                            continue
                        day = matches[n - 1] if n > 0 else matches[n]
                    local = datetime.datetime(year, month, day, start.hour, start.minute, start.second)
                    if local >= start and (until is None or local <= until):
                        result.append(local)
        return result

    def offset_at(self, utc):
        """The offset in force at a naive UTC instant."""
        i = bisect.bisect_right(self.times, utc)
        if i == 0:
            return self.onsets[0][2] if self.onsets else None
        return self.onsets[i - 1][1]

    def to_utc(self, local):
        """A local time to UTC the way RFC 5545 clients do: of the offsets that fit, the
        earlier instant; in a gap, the offset in force before it."""
        fitting = [o for o in self.offsets if self.offset_at(local - o) == o]
        if fitting:
            return local - max(fitting)
        before = self.offset_at(local - max(self.offsets) - datetime.timedelta(hours=1))
        return local - before


_cache = {}


def check_zone(where, zone, years, problems):
    """Compare a VTIMEZONE with zoneinfo at every hour of `years` (first, last)."""
    tzid = zone.get("TZID").value if zone.get("TZID") else None
    key = (tuple(p.raw for c in [zone] + zone.children for p in c.props), tuple(c.name for c in zone.children), years)
    if key not in _cache:
        _cache[key] = _compare(zone, tzid, years)
    evaluator, message = _cache[key]
    if message:
        problems.append(Problem("vtimezone-offset", f"{where}:{zone.line}", message))
    return evaluator


_reference = {}


def _hours(tzid, years):
    """(naive UTC hour, zoneinfo's offset) for every hour of the years; computed once."""
    if (tzid, years) not in _reference:
        reference = zoneinfo.ZoneInfo(tzid)
        t = datetime.datetime(years[0], 1, 1, tzinfo=UTC)
        end = datetime.datetime(years[1] + 1, 1, 1, tzinfo=UTC)
        hour, hours = datetime.timedelta(hours=1), []
        while t < end:
            hours.append((t.replace(tzinfo=None), t.astimezone(reference).utcoffset()))
            t += hour
        _reference[(tzid, years)] = hours
    return _reference[(tzid, years)]


def _compare(zone, tzid, years):
    try:
        zoneinfo.ZoneInfo(tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None, f"TZID {tzid} is not in the system zoneinfo: cannot be checked"
    evaluator = Evaluator(zone, years[1])
    if not evaluator.ok or not evaluator.onsets:
        return None, f"VTIMEZONE {tzid} has rules this evaluator cannot read"
    wrong = [(t, evaluator.offset_at(t), theirs) for t, theirs in _hours(tzid, years)
             if evaluator.offset_at(t) != theirs]
    if wrong:
        t, mine, theirs = wrong[0]
        return evaluator, (f"VTIMEZONE {tzid} gives {mine} at {t:%Y-%m-%d %H:%M}Z, zoneinfo {theirs}; "
                           f"wrong at {len(wrong)} of the hours {years[0]}-{years[1]}")
    return evaluator, None


def check_instants(where, events, evaluators, problems):
    """Each event's local DTSTART/DTEND through the file's VTIMEZONE and through zoneinfo."""
    for event in events:
        for key in ("start", "end"):
            value = event[key]
            if not value or value[0] != "time" or value[2] in (None, "UTC"):
                continue
            evaluator = evaluators.get(value[2])
            if evaluator is None:
                continue
            try:
                reference = value[1].replace(tzinfo=zoneinfo.ZoneInfo(value[2])).astimezone(UTC).replace(tzinfo=None)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
            mine = evaluator.to_utc(value[1])
            if mine != reference:
                problems.append(Problem(
                    "vtimezone-event-instant", f"{where}:{event['component'].line}",
                    f"{event['uid']} {key} {value[1]:%Y-%m-%d %H:%M} {value[2]}: the file's VTIMEZONE "
                    f"says {mine:%Y-%m-%d %H:%M}Z, zoneinfo {reference:%Y-%m-%d %H:%M}Z"))
