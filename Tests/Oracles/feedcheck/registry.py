"""What the registry says each feed must hold, derived without the Swift feed writer.

Source: Exports/popolo.json (municipalities, bodies, memberships with terms, staff
appointments, meetings with attendance and status, deadlines). popolo.json does not
carry a decision's actors, which decide which municipalities a deadline concerns; those
are read from Data/Decisions.swift (the secretariat's source) when Data/ is at hand.

The definition of "concerns" is SeatIndex's (Sources/Registry/Queries/SeatIndex.swift),
reimplemented here:
- a meeting concerns the municipalities with a seat in its body on its day, and those on
  its attendance list;
- a deadline concerns the municipalities the decision names, every municipality for
  `.everyMunicipality`, those a named person holds a seat for and those with a seat in a
  named body, on the deadline;
- a start date concerns the municipalities with a seat in the body on the first day,
  those the person holds a seat for then, and the municipality the body belongs to.
A body feed holds the meetings of the body, the deadlines decided at its meetings or
naming it as an actor, and the start dates in it.

A person's feed (PeopleIndex, Sources/Registry/Queries/PeopleIndex.swift) holds, with
"sits in" meaning a membership (for a municipality or not) or a staff appointment in
force on the event's day:
- the meetings of the bodies the person sits in;
- the deadlines of a body they sit in (the deciding body or an actor body), naming them,
  or naming a municipality they represent (every municipality: any they represent);
- the start dates in the bodies they sit in, and their own.
Everyone with a membership or appointment has a feed, except those whose Person record
in Data/ says `schedulePublished: false`. popolo.json does not list what an action asks
of municipalities beyond the decision's actors: a deadline that concerns a municipality
the person represents, and is not theirs by the rules above, may or may not be in it.
"""
import json
import re
import unicodedata

DOMAIN = "@familjenhelsingborg.se"
STRING_REST = re.compile(r'(?:[^"\\]|\\.)*"', re.S)  # the rest of a "..." literal


def slug(text):
    """Text.slug: fold case and diacritics to ASCII, words joined by hyphens."""
    special = {"æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ø": "o", "ð": "d", "đ": "d", "ħ": "h", "ł": "l", "ı": "i", "ŧ": "t"}
    folded = ""
    for c in text.lower():
        if c.isascii():
            folded += c
        elif c in special:
            folded += special[c]
        else:
            base = unicodedata.normalize("NFD", c)[0]
            folded += base if base.isascii() else c
    return "-".join(w for w in re.split(r"[^a-z0-9]+", folded) if w)


def _strip(prefixed, kind):
    return prefixed[len(kind) + 1:] if prefixed and prefixed.startswith(kind + "/") else None


def _in_term(m, day):
    return (m.get("start_date") is None or m["start_date"] <= day) and (m.get("end_date") is None or day <= m["end_date"])


def _swift_source(path):
    """A Data/ file without its whole-line comments (the examples at the top)."""
    return re.sub(r"(?m)^\s*//.*$", "", path.read_text(encoding="utf-8"))


def _swift_constants(data_dir):
    table = {}
    for path in sorted(data_dir.glob("*.swift")):
        for name, kind, raw in re.findall(r'static\s+let\s+(\w+)\s*=\s*(\w+)\.ID\("([^"]*)"\)', _swift_source(path)):
            table[(kind, name)] = raw
    return table


def decision_actors(data_dir, problems_out):
    """Decision ID -> list of ('person'|'body'|'municipality'|'every', raw ID)."""
    constants = _swift_constants(data_dir)
    result = {}
    for path in sorted(data_dir.glob("*.swift")):
        text = _swift_source(path)
        for match in re.finditer(r"\bDecision\(\s*\.(\w+)\s*,", text):
            depth, i = 1, match.end()
            while depth and i < len(text):  # to the matching parenthesis, skipping strings
                c = text[i]
                if c == '"':  # skip the string literal, escaped quotes included
                    literal = STRING_REST.match(text, i + 1)
                    if literal is None:
                        break
                    i = literal.end() - 1
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                i += 1
            block = text[match.end():i]
            decision = constants.get(("Decision", match.group(1)))
            if decision is None:
                problems_out.append(f"{path.name}: Decision .{match.group(1)} has no ID constant")
                continue
            actors = []
            found = re.search(r"\bactors:\s*\[([^\]]*)\]", block)
            for item in re.findall(r"\.(\w+)(?:\(\s*\.(\w+)\s*\))?", found.group(1) if found else ""):
                kind, name = item
                if kind == "everyMunicipality":
                    actors.append(("every", None))
                    continue
                type_name = {"person": "Person", "body": "Body", "municipality": "Municipality"}.get(kind)
                raw = constants.get((type_name, name))
                if raw is None:
                    problems_out.append(f"{path.name}: actor .{kind}(.{name}) of {decision} not understood")
                    continue
                actors.append((kind, raw))
            result[decision] = actors
    return result


def unpublished_people(data_dir):
    """Person IDs whose record in Data/ says `schedulePublished: false`."""
    constants = _swift_constants(data_dir)
    found = set()
    for path in sorted(data_dir.glob("*.swift")):
        for match in re.finditer(r"\bPerson\(\s*\.(\w+)\s*,([^()]|\([^()]*\))*?schedulePublished:\s*false",
                                 _swift_source(path)):
            found.add(constants.get(("Person", match.group(1)), match.group(1)))
    return found


class Expectation:
    """UIDs each municipality and body feed must hold, and the registry's events."""

    def __init__(self, popolo_bytes, data_dir=None):
        self.notes = []
        self.problems = []
        doc = json.loads(popolo_bytes)
        orgs = doc.get("organizations", [])
        self.municipalities = {_strip(o["id"], "municipality"): o for o in orgs if o.get("classification") == "municipality"}
        self.bodies = {_strip(o["id"], "body"): o for o in orgs if o["id"].startswith("body/")}
        seats = [m for m in doc.get("memberships", []) if m["id"].startswith("membership/") and m.get("on_behalf_of_id")]
        appointments = [m for m in doc.get("memberships", []) if m["id"].startswith("appointment/")]

        def in_body(body, day):
            return {_strip(m["on_behalf_of_id"], "municipality") for m in seats
                    if _strip(m["organization_id"], "body") == body and _in_term(m, day)}

        def of_person(person, day):
            return {_strip(m["on_behalf_of_id"], "municipality") for m in seats
                    if _strip(m["person_id"], "person") == person and _in_term(m, day)}

        self._people_source(doc, data_dir)
        actors = None
        deadlines = [e for e in doc.get("events", []) if e.get("classification") == "deadline"]
        if deadlines and all("actors" in e for e in deadlines):
            # The export lists each decision's actors with its deadline: no need to read Data/.
            actors = {}
            for e in deadlines:
                listed = []
                for actor in e["actors"]:
                    if actor == "every-municipality":
                        listed.append(("every", None))
                    else:
                        kind, _, ident = actor.partition("/")
                        listed.append((kind, ident))
                actors[e["id"].split("/", 1)[1]] = listed
                self.actors = actors
        elif data_dir is not None and (data_dir / "Decisions.swift").exists():
            actors = decision_actors(data_dir, self.problems)
            self.actors = actors
        else:
            self.notes.append("Data/ not found: deadlines are left out of the municipality-feed expectation")

        # events: uid -> dict(kind, day, start, end, status, municipalities or None, bodies)
        self.events = {}
        for e in doc.get("events", []):
            kind = e.get("classification")
            raw = e["id"].split("/", 1)[1]
            day = e.get("start_date", "")
            if len(day) < 10:
                continue  # known only by month: no calendar event
            day = day[:10]
            body = _strip(e.get("organization_id"), "body")
            if kind == "meeting":
                concerned = in_body(body, day) if body else set()
                concerned |= {_strip(a["on_behalf_of_id"], "municipality") for a in e.get("attendees") or [] if a.get("on_behalf_of_id")}
                bodies = {body} if body else set()
                uid = f"meeting-{raw}{DOMAIN}"
            elif kind == "deadline":
                bodies = {body} if body else set()
                concerned = None
                if actors is not None:
                    concerned = set()
                    if raw not in actors:
                        self.problems.append(f"deadline {raw} is in popolo.json but not in Data/")
                    for actor, ident in actors.get(raw, []):
                        if actor == "every":
                            concerned |= set(self.municipalities)
                        elif actor == "municipality":
                            concerned.add(ident)
                        elif actor == "person":
                            concerned |= of_person(ident, day)
                        elif actor == "body":
                            concerned |= in_body(ident, day)
                            bodies.add(ident)
                uid = f"deadline-{raw}{DOMAIN}"
            else:
                self.problems.append(f"event {e['id']} of unknown classification {kind}")
                continue
            self.events[uid] = {"kind": kind, "day": day, "start": e.get("start_date"), "end": e.get("end_date"),
                                "status": e.get("status"), "municipalities": concerned, "bodies": bodies}
        for a in appointments:
            raw = a["id"].split("/", 1)[1]
            body, person, day = _strip(a["organization_id"], "body"), _strip(a["person_id"], "person"), a["start_date"]
            concerned = in_body(body, day) | of_person(person, day)
            owner = _strip(self.bodies.get(body, {}).get("parent_id"), "municipality")
            if owner:
                concerned.add(owner)
            self.events[f"start-{raw}{DOMAIN}"] = {"kind": "start", "day": day, "start": day, "end": None,
                                                   "status": "scheduled", "municipalities": concerned, "bodies": {body}}

    def _people_source(self, doc, data_dir):
        self.actors = None
        self.terms = [(_strip(m["person_id"], "person"), _strip(m["organization_id"], "body"),
                       _strip(m.get("on_behalf_of_id"), "municipality"), m)
                      for m in doc.get("memberships", []) if m["id"].startswith(("membership/", "appointment/"))]
        hidden = unpublished_people(data_dir) if data_dir is not None and data_dir.exists() else set()
        self.people = sorted({person for person, _, _, _ in self.terms} - hidden)

    def personal_feeds(self):
        """feed path -> (expected UIDs, UIDs that may or may not belong)."""
        result = {}
        for person in self.people:
            mine = [(body, municipality, m) for p, body, municipality, m in self.terms if p == person]
            expected, unknown = set(), set()
            for uid, event in self.events.items():
                day = event["day"]
                bodies = {body for body, _, m in mine if _in_term(m, day)}
                represents = {municipality for _, municipality, m in mine if municipality and _in_term(m, day)}
                raw = uid.split("-", 1)[1][:-len(DOMAIN)]
                if event["kind"] == "meeting":
                    held = bool(bodies & event["bodies"])
                elif event["kind"] == "start":
                    held = bool(bodies & event["bodies"]) or raw.startswith(person + ".")
                else:
                    held = bool(bodies & event["bodies"])
                    for actor, ident in (self.actors or {}).get(raw, []):
                        held |= (actor == "person" and ident == person) or (actor == "every" and bool(represents))
                        held |= actor == "municipality" and ident in represents
                    if not held and (event["municipalities"] is None or represents & event["municipalities"]):
                        unknown.add(uid)
                if held:
                    expected.add(uid)
            result[f"people/{person}.ics"] = (expected, unknown)
        return result

    def municipality_feeds(self):
        """feed path -> (expected UIDs, UIDs whose concern is unknown)."""
        result = {}
        for ident, org in self.municipalities.items():
            expected, unknown = set(), set()
            for uid, event in self.events.items():
                if event["municipalities"] is None:
                    unknown.add(uid)
                elif ident in event["municipalities"]:
                    expected.add(uid)
            result[f"municipalities/{slug(org['name'])}.ics"] = (expected, unknown)
        return result

    def body_feeds(self):
        """feed path -> (expected UIDs, UIDs that may or may not belong: deadlines whose
        actor bodies are unknown without Data/)."""
        result = {}
        for ident in self.bodies:
            expected = {u for u, e in self.events.items() if ident in e["bodies"]}
            unknown = {u for u, e in self.events.items()
                       if e["kind"] == "deadline" and e["municipalities"] is None and u not in expected}
            result[f"bodies/{slug(ident)}.ics"] = (expected, unknown)
        return result
