"""Consistency across feeds, with the SEQUENCE ledger and with the registry."""
import datetime

from .model import Problem
from .rawrules import event_content, to_utc

KIND_FEEDS = {"meetings.ics": "meeting-", "deadlines.ics": "deadline-", "start-dates.ics": "start-"}


def parse_ledger(data, problems):
    """sequences.tsv: UID, SEQUENCE, fingerprint (first three tab-separated columns);
    extra columns and `#` comments are ignored."""
    ledger = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(Problem("ledger-format", "sequences.tsv", "not UTF-8"))
        return ledger
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 3 or not columns[1].isdigit() or not columns[0]:
            problems.append(Problem("ledger-format", f"sequences.tsv:{number}", f"not UID<TAB>SEQUENCE<TAB>fingerprint: {line[:60]!r}"))
            continue
        if columns[0] in ledger:
            problems.append(Problem("ledger-format", f"sequences.tsv:{number}", f"{columns[0]} twice"))
        ledger[columns[0]] = int(columns[1])
    return ledger


def uids(result):
    return {e["uid"] for e in result.events if e["uid"]}


def variant_key(uid, path):
    """The ledger line of a municipality's or person's own wording of an event:
    `UID#municipalities/SLUG` for an event in municipalities/SLUG.ics, `UID#people/SLUG`
    for one in people/SLUG.ics."""
    if not path.startswith(("municipalities/", "people/")) or not path.endswith(".ics"):
        return None
    return f"{uid}#{path[:-len('.ics')]}"


def check(results, ledger_bytes, expectation, problems):
    """results: feed path -> FileResult. expectation: registry.Expectation or None."""
    ledger = parse_ledger(ledger_bytes, problems) if ledger_bytes is not None else None

    def own_wording(uid, path):
        """A municipality's or person's feed may word an event its own way (a deadline that
        says whether the municipality has answered): the ledger then has a line for it.
        Without a ledger, only a deadline in such a feed may."""
        key = variant_key(uid, path)
        if key is None:
            return None
        if ledger is not None:
            return key if key in ledger else None
        return key if uid.startswith("deadline-") else None

    # One UID, one content, everywhere (a municipality's own wording: one content in its feed).
    contents = {}
    for path, result in sorted(results.items()):
        for event in result.events:
            if event["uid"]:
                scope = (event["uid"], own_wording(event["uid"], path))
                contents.setdefault(scope, {}).setdefault(event_content(event["component"]), []).append(path)
    for (uid, _), versions in sorted(contents.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        if len(versions) > 1:
            groups = sorted(versions.values(), key=len)
            problems.append(Problem("uid-content-differs", groups[0][0],
                                    f"{uid} differs from the same event in {groups[-1][0]} ({len(versions)} versions)"))

    # all.ics is the union of the kind feeds; each kind feed holds its kind.
    if "all.ics" in results and all(k in results for k in KIND_FEEDS):
        union = set().union(*(uids(results[k]) for k in KIND_FEEDS))
        everything = uids(results["all.ics"])
        for uid in sorted(everything - union):
            problems.append(Problem("all-union", "all.ics", f"{uid} is in no kind feed"))
        for uid in sorted(union - everything):
            problems.append(Problem("all-union", "all.ics", f"{uid} of a kind feed is missing"))
    for feed, prefix in KIND_FEEDS.items():
        if feed in results:
            for uid in sorted(uids(results[feed])):
                if not uid.startswith(prefix):
                    problems.append(Problem("kind-feed", feed, f"{uid} is not a {prefix[:-1]} event"))
    if "all.ics" in results:
        everything = uids(results["all.ics"])
        for path in sorted(results):
            if path.startswith(("municipalities/", "bodies/", "people/")):
                for uid in sorted(uids(results[path]) - everything):
                    rule = {"m": "municipality-feed", "b": "body-feed", "p": "person-feed"}[path[0]]
                    problems.append(Problem(rule, path, f"{uid} is not in all.ics"))

    # The SEQUENCE ledger.
    if ledger is not None:
        for path, result in sorted(results.items()):
            for event in result.events:
                uid, sequence = event["uid"], event["sequence"]
                if uid is None or sequence is None:
                    continue
                key = own_wording(uid, path)
                if key is not None:
                    uid = key
                if uid not in ledger:
                    problems.append(Problem("ledger-missing", path, f"{uid} is not in sequences.tsv"))
                elif sequence < ledger[uid]:
                    problems.append(Problem("sequence-down", path, f"{uid} SEQUENCE {sequence} is below the ledger's {ledger[uid]}"))
                elif sequence != ledger[uid]:
                    problems.append(Problem("sequence-ledger-mismatch", path, f"{uid} SEQUENCE {sequence}, ledger {ledger[uid]}"))

    if expectation is None:
        return
    for message in expectation.problems:
        problems.append(Problem("registry-source", "popolo.json/Data", message))

    # Each municipality's, body's and person's feed holds exactly what is theirs.
    scoped(results, expectation.municipality_feeds(), "municipality-feed", "municipalities/",
           ("concerns it but is missing", "does not concern it", "no such municipality in the registry"), problems)
    scoped(results, expectation.body_feeds(), "body-feed", "bodies/",
           ("belongs to it but is missing", "does not belong to it", "no such body in the registry"), problems)
    scoped(results, expectation.personal_feeds(), "person-feed", "people/",
           ("is theirs but is missing", "is not theirs", "no such person with a published schedule"), problems)

    # Every registry event is in all.ics, at the registry's time, with its status.
    if "all.ics" not in results:
        return
    events = {e["uid"]: e for e in results["all.ics"].events if e["uid"]}
    for uid, truth in sorted(expectation.events.items()):
        event = events.get(uid)
        if event is None:
            if truth["status"] == "cancelled":
                problems.append(Problem("cancelled-dropped", "all.ics", f"{uid} is cancelled in the registry and was dropped, not kept"))
            else:
                problems.append(Problem("event-missing", "all.ics", f"{uid} is in the registry but not in the feed"))
            continue
        cancelled = event["status"] == "CANCELLED"
        if cancelled != (truth["status"] == "cancelled"):
            problems.append(Problem("event-status", "all.ics", f"{uid} STATUS:{event['status']}, registry says {truth['status']}"))
        for key in ("start", "end"):
            value, want = event[key], truth[key]
            if key == "end" and want is None:
                if truth["kind"] != "meeting" or len(truth["start"]) == 10:
                    continue
            if value is None:
                continue
            if len(want or "") > 10:
                got = to_utc(value) if value[0] == "time" else None
                need = datetime.datetime.fromisoformat(want).astimezone(datetime.timezone.utc)
                if got != need:
                    problems.append(Problem("event-time", "all.ics", f"{uid} {key} {got} in UTC, registry {need}"))
            elif key == "start":
                if value[0] != "date" or value[1].isoformat() != want:
                    problems.append(Problem("event-time", "all.ics", f"{uid} starts {value[1]}, registry {want} (all day)"))
    for uid in sorted(set(events) - set(expectation.events)):
        problems.append(Problem("event-unknown", "all.ics", f"{uid} is not in the registry"))


def scoped(results, feeds, rule, folder, wording, problems):
    """Each feed of `feeds` (path -> (expected UIDs, UIDs that may or may not be in it))
    holds exactly its expected UIDs, and `folder` has no feed `feeds` lacks."""
    missing, extra, unknown_feed = wording
    for path, (expected, unknown) in sorted(feeds.items()):
        if path not in results:
            problems.append(Problem(rule, path, "feed missing"))
            continue
        have = uids(results[path]) - unknown
        for uid in sorted(expected - have):
            problems.append(Problem(rule, path, f"{uid} {missing}"))
        for uid in sorted(have - expected):
            problems.append(Problem(rule, path, f"{uid} {extra}"))
    for path in sorted(results):
        if path.startswith(folder) and path not in feeds:
            problems.append(Problem(rule, path, unknown_feed))
