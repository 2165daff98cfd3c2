"""Three parsers that share no code with libical (or each other): python `icalendar`,
`vobject` (validating) and `ical` (the strict one Home Assistant uses). Each reads the
file; every DTSTART/DTEND is converted to UTC and the three must agree."""
import datetime
import re
import warnings

from .model import Problem

UTC = datetime.timezone.utc
_vobject_zones = None


def _normal(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return ("floating", value.isoformat())
        return ("utc", value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    if isinstance(value, datetime.date):
        return ("date", value.isoformat())
    return ("none", repr(value))


def read_icalendar(data):
    import icalendar
    calendar = icalendar.Calendar.from_ical(data)
    result = {}
    for event in calendar.walk("VEVENT"):
        start, end = event.get("DTSTART"), event.get("DTEND")
        result.setdefault(str(event.get("UID")), []).append(
            (_normal(start.dt if start is not None else None), _normal(end.dt if end is not None else None)))
    return result


def read_vobject(data):
    import vobject
    import vobject.icalendar
    global _vobject_zones
    # vobject keeps the first VTIMEZONE it met for a TZID for the rest of the process
    # (a module-level map): forget it whenever the file's VTIMEZONEs differ from the last
    # file's, so that each file is read with its own VTIMEZONE.
    zones = re.findall(rb"BEGIN:VTIMEZONE.*?END:VTIMEZONE", data, re.S)
    if zones != _vobject_zones:
        vobject.icalendar.__dict__["__tzidMap"].clear()
        _vobject_zones = zones
    calendar = vobject.readOne(data.decode("utf-8"), validate=True)
    result = {}
    for event in getattr(calendar, "vevent_list", []):
        start = event.dtstart.value if hasattr(event, "dtstart") else None
        end = event.dtend.value if hasattr(event, "dtend") else None
        uid = event.uid.value if hasattr(event, "uid") else "None"
        result.setdefault(uid, []).append((_normal(start), _normal(end)))
    return result


def read_ical(data):
    from ical.calendar_stream import IcsCalendarStream
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    result = {}
    for event in calendar.events:
        result.setdefault(str(event.uid), []).append((_normal(event.dtstart), _normal(event.dtend)))
    return result


READERS = (("icalendar", read_icalendar), ("vobject", read_vobject), ("ical", read_ical))


def check(where, data, problems):
    """Returns the number of events the parsers agree on (or None)."""
    seen = {}
    for name, reader in READERS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                seen[name] = reader(data)
        except Exception as error:  # a parser that gives up is a finding, not a crash
            text = str(error).replace("\n", " ")[:160]
            problems.append(Problem("parser-rejects", where, f"{name} rejects the file: {type(error).__name__}: {text}"))
    for name, events in seen.items():
        for uid, instants in events.items():
            for start, end in instants:
                if "floating" in (start[0], end[0]):
                    problems.append(Problem("floating-time", where, f"{name} reads {uid} as a floating time"))
    if len(seen) < 2:
        return None
    names = list(seen)
    reference = seen[names[0]]
    agree = True
    for name in names[1:]:
        other = seen[name]
        for uid in sorted(set(reference) | set(other)):
            a, b = sorted(reference.get(uid, [])), sorted(other.get(uid, []))
            if a != b:
                agree = False
                problems.append(Problem("parsers-disagree", where,
                                        f"{uid}: {names[0]} reads {_show(a)}, {name} reads {_show(b)}"))
    if not agree:
        return None
    return sum(len(v) for v in reference.values())


def _show(instants):
    if not instants:
        return "no such event"
    return "; ".join(f"{s[1]} to {e[1]}" for s, e in instants)
