"""Checks on one file (cached by its bytes) and on a whole export tree."""
import datetime
import pathlib
from dataclasses import dataclass, field

from . import crossfeed, parsers, rawrules, timezones
from .model import Problem
from .registry import Expectation


@dataclass
class FileResult:
    problems: list = field(default_factory=list)
    events: list = field(default_factory=list)
    zones: dict = field(default_factory=dict)
    parsed: int = None


_file_cache = {}


def check_file(path, data):
    key = (path, data)
    if key in _file_cache:
        return _file_cache[key]
    result = FileResult()
    logical = rawrules.check_bytes(path, data, result.problems)
    calendar = rawrules.build_tree(path, logical, result.problems)
    if calendar is not None:
        result.zones, result.events = rawrules.check_calendar(path, calendar, result.problems)
    result.parsed = parsers.check(path, data, result.problems)
    _file_cache[key] = result
    return result


def years_of(results):
    years = set()
    for result in results.values():
        for event in result.events:
            for key in ("start", "end"):
                if event[key]:
                    years.add(event[key][1].year)
    if not years:
        years.add(datetime.date.today().year)
    return min(years), max(years) + 5


def load_tree(root):
    """Every .ics under root, with sequences.tsv and popolo.json when present."""
    root = pathlib.Path(root)
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.ics"))}
    for name in ("sequences.tsv", "popolo.json"):
        if (root / name).exists():
            files[name] = (root / name).read_bytes()
    return files


def check_tree(files, data_dir=None):
    """files: relative path -> bytes. Returns (problems, stats)."""
    problems = []
    feeds = {path: data for path, data in files.items() if path.endswith(".ics")}
    results = {path: check_file(path, data) for path, data in sorted(feeds.items())}
    for result in results.values():
        problems.extend(result.problems)
    years = years_of(results)
    for path, result in results.items():
        evaluators = {tzid: timezones.check_zone(path, zone, years, problems) for tzid, zone in result.zones.items()}
        timezones.check_instants(path, result.events, {k: v for k, v in evaluators.items() if v}, problems)
    expectation, notes = None, []
    if "popolo.json" in files:
        try:
            expectation = Expectation(files["popolo.json"], pathlib.Path(data_dir) if data_dir else None)
            notes = expectation.notes
        except (ValueError, KeyError, TypeError) as error:
            problems.append(Problem("registry-source", "popolo.json", f"cannot read: {type(error).__name__}: {error}"))
    if not feeds:
        problems.append(Problem("calendar-empty", ".", "no .ics files"))
    crossfeed.check(results, files.get("sequences.tsv"), expectation, problems)
    stats = {"files": len(feeds), "events": sum(r.parsed or 0 for r in results.values()),
             "years": years, "notes": notes}
    return problems, stats

