#!/usr/bin/env python3
"""Reads every .ics file in a folder with python `icalendar` (no code shared with
libical) and prints the text a subscriber would read, as JSON, for the round-trip
property test in Tests/ExportFilesTests/TextRoundTripTests.swift to compare.

Usage: roundtrip.py DIR
Output: {"FILE.ics": {"name", "description", "calendarName", "errors",
         "events": [{"uid", "summary", "description", "location", "alarms": [...]}]}}
A missing property is null. Exits 1 if a file cannot be parsed at all.
"""
import json
import pathlib
import sys

import icalendar


def text(component, name):
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        raise ValueError(f"{name} appears {len(value)} times")
    if isinstance(value, icalendar.prop.vUnknown):
        # icalendar 7.3 does not know NAME (RFC 7986) or X-WR-CALNAME and hands back the
        # escaped text as written; both are TEXT, so undo RFC 5545 TEXT escapes with
        # icalendar's own single-pass unescaper (the one its TEXT properties use).
        return icalendar.parser.unescape_backslash(str(value))
    return str(value)


def read(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    errors = [f"{component.name}: {error}" for component in calendar.walk() for error in component.errors]
    events = []
    for event in calendar.walk("VEVENT"):
        events.append(
            {
                "uid": text(event, "UID"),
                "summary": text(event, "SUMMARY"),
                "description": text(event, "DESCRIPTION"),
                "location": text(event, "LOCATION"),
                "alarms": [text(alarm, "DESCRIPTION") for alarm in event.subcomponents if alarm.name == "VALARM"],
            }
        )
    return {
        "name": text(calendar, "NAME"),
        "description": text(calendar, "DESCRIPTION"),
        "calendarName": text(calendar, "X-WR-CALNAME"),
        "errors": errors,
        "events": events,
    }


def main():
    root = pathlib.Path(sys.argv[1])
    result = {}
    failed = False
    for path in sorted(root.glob("*.ics")):
        try:
            result[path.name] = read(path)
        except Exception as error:  # report which file, keep going
            print(f"{path.name}: {type(error).__name__}: {error}", file=sys.stderr)
            failed = True
    json.dump(result, sys.stdout, ensure_ascii=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
