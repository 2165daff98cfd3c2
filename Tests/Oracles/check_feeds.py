#!/usr/bin/env python3
"""Reads every .ics file under a folder with two parsers that share no code with
libical -- python `icalendar` and `vobject` (validating) -- and checks the bytes.

Usage: check_feeds.py DIR [--expect-events N]
Prints one line per problem and exits 1 if there is any; prints a summary otherwise.
"""
import datetime
import pathlib
import sys

import icalendar
import vobject


def check_bytes(path, data, problems):
    if b"\r\r\n \n" in data or b"\r\n \r\n" in data:
        problems.append(f"{path}: libical folding slip left in the bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{path}: not UTF-8: {error}")
    if not data.endswith(b"\r\n"):
        problems.append(f"{path}: does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if len(line) > 75:
            problems.append(f"{path}:{number}: {len(line)} octets (limit 75)")
        if b"\r" in line or b"\n" in line:
            problems.append(f"{path}:{number}: bare CR or LF")


def check_icalendar(path, data, problems):
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    uids = []
    for event in calendar.walk("VEVENT"):
        uids.append(str(event["UID"]))
        for name in ("DTSTART", "DTEND"):
            prop = event.get(name)
            if prop is None:
                problems.append(f"{path}: {event['UID']} has no {name}")
                continue
            value = prop.dt
            if isinstance(value, datetime.datetime):
                # icalendar turns an unknown TZID into a floating time: insist on a zone.
                if value.tzinfo is None:
                    problems.append(f"{path}: {event['UID']} {name} is floating")
                tzid = prop.params.get("TZID")
                if tzid and tzid not in zones:
                    problems.append(f"{path}: TZID {tzid} has no VTIMEZONE")
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if not end > start:
            problems.append(f"{path}: {event['UID']} ends at or before its start")
        if event.get("SEQUENCE") is None or int(event["SEQUENCE"]) < 0:
            problems.append(f"{path}: {event['UID']} has no valid SEQUENCE")
        stamp = event["DTSTAMP"].dt
        if stamp.utcoffset() != datetime.timedelta(0):
            problems.append(f"{path}: {event['UID']} DTSTAMP is not UTC")
    if len(uids) != len(set(uids)):
        problems.append(f"{path}: duplicate UIDs")
    for name in ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        if calendar.get(name) is None:
            problems.append(f"{path}: calendar has no {name}")
    return len(uids)


def check_vobject(path, text, problems):
    calendar = vobject.readOne(text, validate=True)
    count = 0
    for event in getattr(calendar, "vevent_list", []):
        count += 1
        for name in ("uid", "dtstamp", "dtstart"):
            if not hasattr(event, name):
                problems.append(f"{path}: vobject finds no {name.upper()}")
    return count


def main():
    root = pathlib.Path(sys.argv[1])
    files = sorted(root.rglob("*.ics"))
    problems = []
    events = 0
    for path in files:
        data = path.read_bytes()
        check_bytes(path, data, problems)
        try:
            a = check_icalendar(path, data, problems)
            b = check_vobject(path, data.decode("utf-8"), problems)
        except Exception as error:  # a parser that gives up is a finding, not a crash
            problems.append(f"{path}: {type(error).__name__}: {error}")
            continue
        if a != b:
            problems.append(f"{path}: icalendar sees {a} events, vobject {b}")
        events += a
    if not files:
        problems.append(f"{root}: no .ics files")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{len(files)} files, {events} events: icalendar and vobject agree, bytes ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
