#!/usr/bin/env python3
"""Checks every .ics file under a folder the way a calendar client would see it, with
code that shares nothing with libical (the `feedcheck` package beside this file):

- RFC 5545/7986 rules on the raw bytes and content lines (folding, escaping, required
  properties and value types, VALARM, METHOD), and the project's rules for a feed;
- the file's own VTIMEZONE evaluated by hand against the system zoneinfo;
- python `icalendar`, `vobject` (validating) and `ical` read each file and agree on every
  event's UTC start and end;
- across the folder: one UID, one content; all.ics the union of the kind feeds; and,
  when popolo.json and sequences.tsv are there, each municipality and body feed holding
  exactly what concerns it, the SEQUENCE ledger, every registry event present.

Usage: check_feeds.py DIR [--expect-events N] [--data DATA_DIR]
DATA_DIR is the registry's Data/ (for the actors of decisions, which popolo.json lacks);
by default DIR/../Data when it exists.
Prints one line per problem (`path:line: [rule] message`) and exits 1 if there is any;
prints a summary otherwise.
"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import feedcheck  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--expect-events", type=int, help="the number of events over all files")
    parser.add_argument("--data", help="the registry's Data/ folder")
    args = parser.parse_args()
    root = pathlib.Path(args.dir)
    data_dir = pathlib.Path(args.data) if args.data else root.resolve().parent / "Data"
    problems, stats = feedcheck.check_tree(feedcheck.load_tree(root), data_dir if data_dir.is_dir() else None)
    if args.expect_events is not None and stats["events"] != args.expect_events:
        problems.append(feedcheck.Problem("event-required", str(root),
                                          f"{stats['events']} events, expected {args.expect_events}"))
    for problem in problems:
        print(problem)
    if problems:
        return 1
    for note in stats["notes"]:
        print(f"note: {note}")
    print(f"{stats['files']} files, {stats['events']} events: icalendar and vobject agree, and ical; "
          f"bytes, RFC 5545 rules, VTIMEZONE and cross-feed checks ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
