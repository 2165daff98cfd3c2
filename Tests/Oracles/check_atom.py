#!/usr/bin/env python3
"""Checks Atom change logs (Exports/changes.atom, Exports/changes/*.atom).

Two oracles, both independent of the Swift writer:
  - feedparser (pip) must parse each file with bozo == 0;
  - a strict check of RFC 4287 with the standard library's XML parser: the Atom
    namespace; feed id, title, updated, author and link rel=self and rel=alternate;
    every entry's id, title, updated and link; ids that are tag: (RFC 4151) or urn: URIs,
    unique; updated in RFC 3339; entries newest first.

usage: check_atom.py FILE...   (prints "N files ok" or the problems; exit 1 on any)
"""
import re
import sys
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TAG_URI = re.compile(r"^tag:[A-Za-z0-9.-]+(@[A-Za-z0-9.-]+)?,\d{4}(-\d{2}(-\d{2})?)?:[^\s]*$")


def problems_in(path):
    problems = []
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        problems.append(f"feedparser reads it as {parsed.version!r}, not atom10")
    root = ET.parse(path).getroot()
    if root.tag != ATOM + "feed":
        return problems + [f"root is {root.tag}, not atom:feed"]

    def one(element, name, where):
        found = element.findall(ATOM + name)
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} <{name}> (want exactly 1)")
            return None
        return found[0]

    def check_id(element, where):
        ident = one(element, "id", where)
        if ident is not None:
            text = (ident.text or "").strip()
            if not (TAG_URI.match(text) or text.startswith("urn:")):
                problems.append(f"{where}: id {text!r} is not a tag: or urn: URI")
            return text
        return None

    def check_updated(element, where):
        updated = one(element, "updated", where)
        if updated is not None and not RFC3339.match((updated.text or "").strip()):
            problems.append(f"{where}: updated {updated.text!r} is not RFC 3339")
        return (updated.text or "").strip() if updated is not None else ""

    check_id(root, "feed")
    title = one(root, "title", "feed")
    if title is not None and not (title.text or "").strip():
        problems.append("feed: empty title")
    check_updated(root, "feed")
    feed_author = root.findall(ATOM + "author")
    for author in feed_author:
        if author.find(ATOM + "name") is None or not (author.find(ATOM + "name").text or "").strip():
            problems.append("feed: author without name")
    rels = [link.get("rel", "alternate") for link in root.findall(ATOM + "link")]
    for rel in ("self", "alternate"):
        if rel not in rels:
            problems.append(f"feed: no link rel={rel}")
    for link in root.findall(ATOM + "link"):
        if not re.match(r"^https?://", link.get("href", "")):
            problems.append(f"feed: link href {link.get('href')!r} is not absolute")
    ids = set()
    dates = []
    for index, entry in enumerate(root.findall(ATOM + "entry")):
        where = f"entry {index + 1}"
        ident = check_id(entry, where)
        if ident in ids:
            problems.append(f"{where}: id {ident} repeated")
        ids.add(ident)
        title = one(entry, "title", where)
        if title is not None and not (title.text or "").strip():
            problems.append(f"{where}: empty title")
        dates.append(check_updated(entry, where))
        if not feed_author and not entry.findall(ATOM + "author"):
            problems.append(f"{where}: no author (and the feed has none)")
        if not entry.findall(ATOM + "link") and entry.find(ATOM + "content") is None:
            problems.append(f"{where}: neither link nor content")
    if dates != sorted(dates, reverse=True):
        problems.append("entries are not newest first")
    if len(parsed.entries) != len(root.findall(ATOM + "entry")):
        problems.append("feedparser sees a different number of entries")
    return problems


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    bad = 0
    for path in paths:
        problems = problems_in(path)
        for problem in problems:
            print(f"{path}: {problem}")
        bad += bool(problems)
    print(f"{len(paths) - bad} files ok" + (f", {bad} with problems" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
