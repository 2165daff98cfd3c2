"""RFC 5545/7986 rules on the raw bytes and content lines: what lenient parsers let
through. Also builds the content-line tree the other checks use."""
import datetime
import re
import urllib.parse

from .model import Component, Problem, Prop, parse_content_line

DATE = re.compile(r"(\d{4})(\d{2})(\d{2})\Z")
DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)\Z")
DURATION = re.compile(r"[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)\Z")
UTC_OFFSET = re.compile(r"[+-](\d{2})(\d{2})(\d{2})?\Z")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+\Z")
UID_FORM = re.compile(r"(meeting|deadline|start)-[A-Za-z0-9][A-Za-z0-9._-]*@familjenhelsingborg\.se\Z")

# TEXT properties with one value (`,` must be escaped) and with a list (`,` separates).
SINGLE_TEXT = {"SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "NAME", "CONTACT", "TZNAME"}
LIST_TEXT = {"CATEGORIES", "RESOURCES"}
ONCE_IN_EVENT = {
    "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION",
    "STATUS", "SEQUENCE", "LAST-MODIFIED", "CREATED", "CLASS", "TRANSP", "URL", "ORGANIZER",
    "PRIORITY", "GEO", "RECURRENCE-ID",
}
ONCE_IN_CALENDAR = {"VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                    "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "X-WR-TIMEZONE", "URL"}


def parse_date(value):
    m = DATE.match(value)
    if not m:
        return None
    try:
        return datetime.date(*map(int, m.groups()))
    except ValueError:
        return None


def parse_date_time(value):
    """-> (naive datetime, is_utc) or None."""
    m = DATE_TIME.match(value)
    if not m:
        return None
    try:
        return datetime.datetime(*map(int, m.groups()[:6])), m.group(7) == "Z"
    except ValueError:
        return None


def parse_offset(value):
    m = UTC_OFFSET.match(value)
    if not m:
        return None
    seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3) or 0)
    return datetime.timedelta(seconds=-seconds if value[0] == "-" else seconds)


def check_bytes(where, data, problems):
    """Byte-level rules. Returns the logical lines as (physical line number, text)."""
    def problem(rule, line, message):
        problems.append(Problem(rule, f"{where}:{line}" if line else where, message))

    if data.startswith(b"\xef\xbb\xbf"):
        problem("utf8-bom", 1, "starts with a UTF-8 byte-order mark")
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        problem("utf8", None, f"not UTF-8: {error}")
    if b"\r\r\n \n" in data or b"\r\n \r\n" in data:
        problem("fold-slip", None, "libical folding slip (\\r\\r\\n \\n or \\r\\n \\r\\n) in the bytes")
    if not data.endswith(b"\r\n"):
        problem("crlf", None, "does not end with CRLF")
    physical = data.split(b"\r\n")
    if physical and physical[-1] == b"":
        physical.pop()
    logical = []  # [line number, bytearray]
    for number, line in enumerate(physical, start=1):
        if len(line) > 75:
            problem("line-length", number, f"{len(line)} octets (limit 75)")
        if b"\r" in line or b"\n" in line:
            problem("crlf", number, "bare CR or LF")
        if line[:1] in (b" ", b"\t"):
            if not logical:
                problem("content-line-syntax", number, "continuation line before any content line")
                continue
            piece = line[1:]
            previous = logical[-1]
            # The fold must not split a UTF-8 character: each physical line decodes alone.
            try:
                previous[2].decode("utf-8")
                piece.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    (bytes(previous[1]) + piece).decode("utf-8")
                    problem("fold-splits-character", number, "fold inside a multi-byte UTF-8 character")
                except UnicodeDecodeError:
                    pass
            trailing = len(previous[2]) - len(previous[2].rstrip(b"\\"))
            if trailing % 2 == 1:
                problem("fold-splits-escape", number, "fold between a backslash and the character it escapes")
            previous[1] += piece
            previous[2] = piece
        else:
            if line == b"":
                problem("content-line-syntax", number, "empty line")
                continue
            logical.append([number, bytearray(line), line])
    result = []
    for number, raw, _ in logical:
        text = bytes(raw).decode("utf-8", errors="replace")
        if re.search(r"[\x00-\x08\x0a-\x1f\x7f]", text.replace("\r", "").replace("\n", "")):
            problem("control-character", number, "control character in a content line")
        result.append((number, text))
    return result


def build_tree(where, logical, problems):
    """Content lines -> the VCALENDAR component (or None)."""
    root = None
    stack = []
    for number, text in logical:
        parsed = parse_content_line(text)
        if parsed is None:
            problems.append(Problem("content-line-syntax", f"{where}:{number}", f"not NAME:VALUE: {text[:40]!r}"))
            continue
        name, params, value = parsed
        if name == "BEGIN":
            component = Component(value.upper(), number)
            if stack:
                stack[-1].children.append(component)
            elif root is None:
                root = component
            else:
                problems.append(Problem("begin-end", f"{where}:{number}", "a second top-level component"))
            stack.append(component)
        elif name == "END":
            if not stack or stack[-1].name != value.upper():
                expected = stack[-1].name if stack else "nothing"
                problems.append(Problem("begin-end", f"{where}:{number}", f"END:{value} closes {expected}"))
                if stack and any(c.name == value.upper() for c in stack):
                    while stack and stack[-1].name != value.upper():
                        stack.pop()
                    stack.pop()
            else:
                stack.pop()
        elif not stack:
            problems.append(Problem("begin-end", f"{where}:{number}", f"{name} outside any component"))
        else:
            stack[-1].props.append(Prop(number, name, params, value, text))
    if stack:
        problems.append(Problem("begin-end", where, f"{stack[-1].name} never ended"))
    if root is None or root.name != "VCALENDAR":
        problems.append(Problem("begin-end", where, "no VCALENDAR"))
        return None
    return root


def text_escapes(prop, single, problems, where):
    value, i = prop.value, 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                problems.append(Problem("text-bad-escape", f"{where}:{prop.line}",
                                        f"{prop.name}: invalid escape {value[i:i + 2]!r}"))
            i += 2
            continue
        if c == ";" or (c == "," and single):
            problems.append(Problem("text-unescaped", f"{where}:{prop.line}", f"{prop.name}: unescaped {c!r}"))
        i += 1


def check_text(component, where, problems):
    for prop in component.props:
        if prop.name in SINGLE_TEXT:
            text_escapes(prop, True, problems, where)
        elif prop.name in LIST_TEXT:
            text_escapes(prop, False, problems, where)
        elif prop.name.startswith("X-WR-") and re.search(r"[,;\\]", prop.value):
            problems.append(Problem("x-wr-text", f"{where}:{prop.line}",
                                    f"{prop.name} carries , ; or \\ (libical 3.0.16 leaves them unescaped)"))
    for child in component.children:
        check_text(child, where, problems)


def check_url(prop, where, problems):
    value = prop.value
    ok = bool(URI.match(value))
    if ok and value.lower().startswith(("http:", "https:")):
        parts = urllib.parse.urlsplit(value)
        ok = bool(parts.netloc) and " " not in value
    if not ok:
        problems.append(Problem("url", f"{where}:{prop.line}", f"URL is not a URI: {value[:40]!r}"))


def date_or_time(prop, where, problems, zones):
    """DTSTART/DTEND -> ('date', date) | ('time', naive, tzid or 'UTC') | None."""
    loc = f"{where}:{prop.line}"
    kind = (prop.params.get("VALUE") or ["DATE-TIME"])[0].upper()
    tzid = (prop.params.get("TZID") or [None])[0]
    if kind == "DATE":
        day = parse_date(prop.value)
        if day is None:
            problems.append(Problem("value-type", loc, f"{prop.name};VALUE=DATE:{prop.value} is not a DATE"))
            return None
        return ("date", day)
    if kind != "DATE-TIME":
        problems.append(Problem("value-type", loc, f"{prop.name} has VALUE={kind}"))
        return None
    parsed = parse_date_time(prop.value)
    if parsed is None:
        problems.append(Problem("value-type", loc, f"{prop.name}:{prop.value} is not a DATE-TIME"))
        return None
    moment, utc = parsed
    if utc and tzid:
        problems.append(Problem("value-type", loc, f"{prop.name} is UTC and has a TZID"))
    if tzid and tzid not in zones:
        problems.append(Problem("tzid-without-vtimezone", loc, f"TZID {tzid} has no VTIMEZONE in the file"))
    if not utc and not tzid:
        problems.append(Problem("floating-time", loc, f"{prop.name}:{prop.value} is floating"))
    return ("time", moment, "UTC" if utc else tzid)


def to_utc(value):
    """A ('time', naive, zone) to an aware UTC datetime using zoneinfo, or None."""
    import zoneinfo
    _, moment, zone = value
    if zone == "UTC":
        return moment.replace(tzinfo=datetime.timezone.utc)
    if zone is None:
        return None
    try:
        return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(datetime.timezone.utc)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def check_alarm(alarm, where, problems):
    loc = f"{where}:{alarm.line}"
    def bad(message):
        problems.append(Problem("valarm", loc, message))
    for name in ("ACTION", "TRIGGER", "DURATION", "REPEAT", "DESCRIPTION", "SUMMARY"):
        if len(alarm.all(name)) > 1:
            bad(f"VALARM has {name} more than once")
    action = alarm.get("ACTION")
    if action is None:
        bad("VALARM without ACTION")
    elif action.value.upper() not in ("AUDIO", "DISPLAY", "EMAIL"):
        bad(f"VALARM ACTION:{action.value} is not AUDIO, DISPLAY or EMAIL")
    trigger = alarm.get("TRIGGER")
    if trigger is None:
        bad("VALARM without TRIGGER")
    else:
        kind = (trigger.params.get("VALUE") or ["DURATION"])[0].upper()
        if kind == "DURATION" and not DURATION.match(trigger.value):
            bad(f"TRIGGER:{trigger.value} is not a duration")
        elif kind == "DATE-TIME" and not (parse_date_time(trigger.value) or (0, False))[1]:
            bad(f"TRIGGER;VALUE=DATE-TIME:{trigger.value} is not a UTC DATE-TIME")
        elif kind not in ("DURATION", "DATE-TIME"):
            bad(f"TRIGGER has VALUE={kind}")
    if action is not None and action.value.upper() in ("DISPLAY", "EMAIL") and alarm.get("DESCRIPTION") is None:
        bad(f"{action.value} VALARM without DESCRIPTION")
    if action is not None and action.value.upper() == "EMAIL" and (alarm.get("SUMMARY") is None or alarm.get("ATTENDEE") is None):
        bad("EMAIL VALARM without SUMMARY and ATTENDEE")
    duration, repeat = alarm.get("DURATION"), alarm.get("REPEAT")
    if (duration is None) != (repeat is None):
        bad("VALARM has DURATION without REPEAT or REPEAT without DURATION")
    if duration is not None and not DURATION.match(duration.value):
        bad(f"VALARM DURATION:{duration.value} is not a duration")
    if repeat is not None and not repeat.value.isdigit():
        bad(f"VALARM REPEAT:{repeat.value} is not an integer")


def check_vtimezone_structure(zone, where, problems):
    loc = f"{where}:{zone.line}"
    if zone.get("TZID") is None:
        problems.append(Problem("vtimezone-structure", loc, "VTIMEZONE without TZID"))
    observances = zone.sub("STANDARD") + zone.sub("DAYLIGHT")
    if not observances:
        problems.append(Problem("vtimezone-structure", loc, "VTIMEZONE without STANDARD or DAYLIGHT"))
    for obs in observances:
        for name in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
            prop = obs.get(name)
            if prop is None or len(obs.all(name)) > 1:
                problems.append(Problem("vtimezone-structure", f"{where}:{obs.line}", f"{obs.name} needs one {name}"))
            elif name == "DTSTART" and (parse_date_time(prop.value) is None or parse_date_time(prop.value)[1]):
                problems.append(Problem("vtimezone-structure", f"{where}:{prop.line}", f"{obs.name} DTSTART is not a local DATE-TIME"))
            elif name != "DTSTART" and parse_offset(prop.value) is None:
                problems.append(Problem("vtimezone-structure", f"{where}:{prop.line}", f"{name}:{prop.value} is not a UTC offset"))
    # Outlook reads one yearly standard/daylight pair with one BYDAY each.
    if len(zone.sub("STANDARD")) > 1 or len(zone.sub("DAYLIGHT")) > 1:
        problems.append(Problem("vtimezone-compact", loc, "more than one STANDARD or DAYLIGHT"))
    for obs in observances:
        rules = obs.all("RRULE")
        if obs.all("RDATE") or len(rules) > 1:
            problems.append(Problem("vtimezone-compact", f"{where}:{obs.line}", f"{obs.name} has RDATE or several RRULEs"))
        for rule in rules:
            parts = dict(p.split("=", 1) for p in rule.value.split(";") if "=" in p)
            if (parts.get("FREQ") != "YEARLY" or "," in parts.get("BYDAY", ",")
                    or "," in parts.get("BYMONTH", ",") or set(parts) - {"FREQ", "BYDAY", "BYMONTH", "UNTIL"}):
                problems.append(Problem("vtimezone-compact", f"{where}:{rule.line}",
                                        f"{obs.name} RRULE:{rule.value} is not one yearly BYMONTH/BYDAY rule"))


def check_calendar(where, calendar, problems):
    """Rules on the VCALENDAR tree. Returns the VEVENTs as dicts for later checks."""
    def problem(rule, line, message):
        problems.append(Problem(rule, f"{where}:{line}" if line else where, message))

    for name in ONCE_IN_CALENDAR:
        if len(calendar.all(name)) > 1:
            problem("property-repeated", calendar.all(name)[1].line, f"calendar has {name} more than once")
    version = calendar.all("VERSION")
    if len(version) != 1 or version[0].value != "2.0":
        problem("version", version[0].line if version else None, f"VERSION must be 2.0 once, is {[v.value for v in version]}")
    if len(calendar.all("PRODID")) != 1:
        problem("calendar-required", None, "calendar needs exactly one PRODID")
    for name in ("NAME", "X-WR-CALNAME"):
        if calendar.get(name) is None or not calendar.get(name).value:
            problem("calendar-props", None, f"calendar has no {name}")
    calscale = calendar.get("CALSCALE")
    if calscale is not None and calscale.value.upper() != "GREGORIAN":
        problem("calendar-props", calscale.line, f"CALSCALE:{calscale.value}")
    hint = calendar.get("X-WR-TIMEZONE")
    if hint is not None and hint.value not in {z.get("TZID").value for z in calendar.sub("VTIMEZONE") if z.get("TZID")}:
        problem("calendar-props", hint.line, f"X-WR-TIMEZONE:{hint.value} names no VTIMEZONE of the file")
    refresh = calendar.get("REFRESH-INTERVAL")
    if refresh is None:
        problem("refresh-interval", None, "calendar has no REFRESH-INTERVAL")
    else:
        if [v.upper() for v in refresh.params.get("VALUE", [])] != ["DURATION"]:
            problem("refresh-interval", refresh.line, "REFRESH-INTERVAL needs VALUE=DURATION (RFC 7986)")
        if not DURATION.match(refresh.value):
            problem("refresh-interval", refresh.line, f"REFRESH-INTERVAL:{refresh.value} is not a duration")
    ttl = calendar.get("X-PUBLISHED-TTL")
    if ttl is None or not DURATION.match(ttl.value):
        problem("refresh-interval", ttl.line if ttl else None, "X-PUBLISHED-TTL missing or not a duration")
    for url in calendar.all("URL"):
        check_url(url, where, problems)
    method = calendar.get("METHOD")
    events = calendar.sub("VEVENT")
    if method is not None:
        if method.value.upper() != "PUBLISH":
            problem("method", method.line, f"METHOD:{method.value} (a subscribed feed has none, or PUBLISH)")
        elif any(e.get("ORGANIZER") is None for e in events):
            problem("method", method.line, "METHOD:PUBLISH but an event has no ORGANIZER (iTIP)")
    if not calendar.children:
        problem("calendar-empty", calendar.line, "VCALENDAR with no components")
    for child in calendar.children:
        for grandchild in child.children:
            if child.name == "VEVENT" and grandchild.name != "VALARM":
                problem("begin-end", grandchild.line, f"{grandchild.name} inside VEVENT")
    check_text(calendar, where, problems)

    zones = {}
    for zone in calendar.sub("VTIMEZONE"):
        check_vtimezone_structure(zone, where, problems)
        if zone.get("TZID") is not None:
            zones[zone.get("TZID").value] = zone

    uids, result = {}, []
    for event in events:
        loc = event.line
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
            if event.get(name) is None and not (name == "DTEND" and event.get("DURATION") is not None):
                problem("event-required", loc, f"VEVENT without {name}")
        for name in ONCE_IN_EVENT:
            if len(event.all(name)) > 1:
                problem("property-repeated", event.all(name)[1].line, f"VEVENT has {name} more than once")
        uid = event.get("UID").value if event.get("UID") else None
        if uid is not None:
            if uid in uids:
                problem("duplicate-uid", loc, f"UID {uid} also at line {uids[uid]}")
            uids.setdefault(uid, loc)
            if not UID_FORM.match(uid):
                problem("uid-form", event.get("UID").line, f"UID {uid} is not KIND-ID@familjenhelsingborg.se")
        for name, rule in (("DTSTAMP", "dtstamp-utc"), ("LAST-MODIFIED", "last-modified"), ("CREATED", "value-type")):
            prop = event.get(name)
            if prop is None:
                if name == "LAST-MODIFIED":
                    problem("last-modified", loc, f"VEVENT {uid} without LAST-MODIFIED")
                continue
            parsed = parse_date_time(prop.value)
            if parsed is None or not parsed[1] or prop.params.get("TZID") or prop.params.get("VALUE"):
                problem(rule, prop.line, f"{name}:{prop.value} is not a UTC DATE-TIME")
        sequence = event.get("SEQUENCE")
        if sequence is not None and not (sequence.value.isdigit() and int(sequence.value) < 10000):
            problem("sequence", sequence.line, f"SEQUENCE:{sequence.value} is not a small non-negative integer")
        status = event.get("STATUS")
        if status is not None and status.value not in ("TENTATIVE", "CONFIRMED", "CANCELLED"):
            problem("status", status.line, f"STATUS:{status.value}")
        transp = event.get("TRANSP")
        if transp is not None and transp.value not in ("OPAQUE", "TRANSPARENT"):
            problem("value-type", transp.line, f"TRANSP:{transp.value}")
        for url in event.all("URL"):
            check_url(url, where, problems)
        if event.get("DTEND") is not None and event.get("DURATION") is not None:
            problem("dtend-and-duration", loc, f"VEVENT {uid} has both DTEND and DURATION")
        start = date_or_time(event.get("DTSTART"), where, problems, zones) if event.get("DTSTART") else None
        end = date_or_time(event.get("DTEND"), where, problems, zones) if event.get("DTEND") else None
        if start and end:
            if start[0] != end[0]:
                problem("dtend-type", event.get("DTEND").line, f"{uid}: DTSTART is a {start[0]}, DTEND a {end[0]}")
            elif start[0] == "date":
                if end[1] <= start[1]:
                    problem("dtend-order", event.get("DTEND").line, f"{uid}: DTEND {end[1]} not after DTSTART {start[1]}")
                if end[1] != start[1] + datetime.timedelta(days=1):
                    problem("all-day-dtend", event.get("DTEND").line,
                            f"{uid}: all-day DTEND {end[1]} is not the day after DTSTART {start[1]} (exclusive)")
            else:
                a, b = to_utc(start), to_utc(end)
                if a is None or b is None:
                    a, b = start[1], end[1]
                if b <= a:
                    problem("dtend-order", event.get("DTEND").line, f"{uid}: DTEND {end[1]} not after DTSTART {start[1]}")
        for alarm in event.sub("VALARM"):
            check_alarm(alarm, where, problems)
        result.append({"uid": uid, "start": start, "end": end, "component": event,
                       "status": status.value if status else None,
                       "sequence": int(sequence.value) if sequence is not None and sequence.value.isdigit() else None})
    return zones, result


def event_content(event):
    """A VEVENT's logical lines, for comparing the same UID across feeds."""
    lines = [p.raw for p in event.props]
    for child in event.children:
        lines.append(f"BEGIN:{child.name}")
        lines.extend(event_content(child))
        lines.append(f"END:{child.name}")
    return tuple(lines)
