#!/usr/bin/env python3
"""The export benchmark's peer: python `icalendar`, the library a user would otherwise
reach for, writing the same events with the same properties as Samverkan.

Usage: export_icalendar.py EVENTS.tsv OUT.ics   (TSV columns as in libical_floor.c)
"""
import datetime
import sys
import zoneinfo

import icalendar

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")


def unescape(text):
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            index += 1
            char = {"n": "\n", "t": "\t"}.get(text[index], text[index])
        out.append(char)
        index += 1
    return "".join(out)


def moment(text):
    if "T" in text:
        return datetime.datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=ZONE)
    return datetime.datetime.strptime(text, "%Y%m%d").date()


def main():
    source, target = sys.argv[1], sys.argv[2]
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//Samverkan//python icalendar peer//SV")
    calendar.add("name", "Familjen Helsingborg")
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            fields = [unescape(field) for field in line.rstrip("\n").split("\t")]
            if len(fields) != 12:
                continue
            uid, start, end, summary, description, location, status, sequence, stamp, category, minutes, alarm_text = fields
            event = icalendar.Event()
            event.add("uid", uid)
            stamp_time = datetime.datetime.strptime(stamp, "%Y%m%d").replace(tzinfo=datetime.timezone.utc)
            event.add("dtstamp", stamp_time)
            event.add("last-modified", stamp_time)
            event.add("sequence", int(sequence))
            begin = moment(start)
            event.add("dtstart", begin)
            event.add("dtend", moment(end))
            if not isinstance(begin, datetime.datetime):
                event.add("transp", "TRANSPARENT")
            event.add("summary", summary)
            event.add("description", description)
            if location:
                event.add("location", location)
            event.add("categories", [category])
            event.add("status", status)
            if int(minutes) > 0:
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("trigger", datetime.timedelta(minutes=-int(minutes)))
                alarm.add("description", alarm_text)
                event.add_component(alarm)
            calendar.add_component(event)
    calendar.add_missing_timezones()
    with open(target, "wb") as out:
        out.write(calendar.to_ical())


if __name__ == "__main__":
    main()
