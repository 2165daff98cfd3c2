import Registry

extension Drafter {
    /// The meeting itself: time, place, attendance and agenda. A placeholder meeting of the
    /// same body on the same day (`time: .day`) is replaced and keeps its ID, and so its UID.
    mutating func draftMeeting() {
        guard let body = meetingBody() else {
            remarks.append(
                (parsed.titleLine, "Rubriken nämner inget organ i registret; inget möte föreslås."))
            return
        }
        self.body = body
        let placeholder = registry.meetings.first {
            $0.body == body && $0.time == .day(date) && $0.attendance.isEmpty
        }
        let prefix = isDirectorsMeeting ? "kdm" : body.rawValue
        let id =
            placeholder?.id
            ?? Meeting.ID(fresh("\(prefix)-\(date!)", kind: "möte") { registry[Meeting.ID($0)] != nil })
        meeting = id
        let attendance = parsed.attendees.compactMap { attendee($0) }
        let agenda = parsed.items.map { item in
            AgendaItem(
                item.number, item.title,
                summary: item.summary.isEmpty ? nil : item.summary.map(\.text).joined(separator: " "),
                presenters: item.presenters.compactMap { person($0.name, line: $0.line, item: item.number) })
        }
        let time: MeetingTime =
            parsed.time.map { .timed(date, from: $0.from, to: $0.to) } ?? .day(date)
        let title = placeholder?.title ?? registry.meetings.last { $0.body == body }?.title ?? meetingTitle()
        let remote = parsed.attendees.contains { $0.mode == .remote } ? "Teams" : nil
        let record = Meeting(
            id, of: body, title: title, time: time, place: parsed.place, remote: remote,
            attendance: attendance,
            agenda: agenda, source: source(nil), filePath: "utkast", line: drafts.count + 1)
        var notes: [String] = []
        if parsed.time == nil { notes.append("Protokollet anger ingen tid; mötet blir en heldag.") }
        if let placeholder {
            notes.append(
                "Ersätter platshållaren \(placeholder.id) (\(placeholder.location)); ID och UID behålls.")
        }
        drafts.append(
            Draft(
                .meeting(record), change: placeholder.map { .replace($0.location) } ?? .add,
                line: parsed.dateLine, notes: notes))
    }

    /// "Kommundirektörmöte i Familjen Helsingborg" gives "Kommundirektörmöte".
    func meetingTitle() -> String {
        let title = parsed.title ?? "Möte"
        guard let range = title.firstRange(of: " i ") else { return title }
        return String(title[..<range.lowerBound])
    }

    /// One line of the attendance list: the person (drafted when new), the municipality
    /// they came for, and a director's seat when the list is the directors' and the seat
    /// is empty.
    mutating func attendee(_ listed: ListedAttendee) -> Attendance? {
        guard let person = person(listed.name, line: listed.line, item: nil) else { return nil }
        var municipality: Municipality.ID?
        if let affiliation = listed.affiliation, case .unknown = names.body(affiliation) {
            switch names.municipality(affiliation) {
            case .exact(let id): municipality = id
            case .loose(let id, let name):
                municipality = id
                note(line: listed.line, "”\(affiliation)” tolkat som \(name).")
            case .unknown:
                remarks.append(
                    (listed.line, "”\(affiliation)” är varken en kommun eller ett organ i registret."))
            }
        }
        if let municipality {
            seat(person, for: municipality, line: listed.line)
        } else {
            staffSeat(person, line: listed.line)
        }
        return Attendance(person, for: municipality, listed.mode)
    }

    /// A seat in the meeting's body for someone listed for no municipality (the
    /// secretariat's officer) who holds none: the secretary when the address printed on
    /// the minutes is theirs, else a member, either way marked inferred.
    mutating func staffSeat(_ person: Person.ID, line: Int) {
        guard let body else { return }
        let drafted = drafts.contains {
            if case .membership(let m) = $0.record { m.person == person } else { false }
        }
        guard !drafted,
            !registry.memberships.contains(where: {
                $0.person == person && $0.body == body && $0.isInForce(on: date)
            })
        else { return }
        let name = registry[person]?.name ?? newPeople.first { $0.id == person }?.name ?? ""
        let local = parsed.email.map { String($0.prefix { $0 != "@" }) } ?? ""
        let isSecretary = !name.isEmpty && Text.slug(local.filter { !$0.isNumber }) == Text.slug(name)
        let reason =
            isSecretary
            ? "Protokollet anger ingen sekreterare; hans adress står överst i protokollet."
            : "Protokollet listar personen vid mötet men inte för någon kommun."
        let membership = Membership(
            person, in: body, as: isSecretary ? Role(key: "secretary", title: "sekreterare") : .member,
            source: source(nil), inferred: [Inferred("role", because: reason)], filePath: "utkast",
            line: drafts.count + 1)
        drafts.append(Draft(.membership(membership), line: line))
    }

    /// Notes `text` for the draft made from `line`, once it is made.
    mutating func note(line: Int, _ text: String) { pendingNotes.append((line, text)) }

    /// A director's seat for someone listed for a municipality at the directors' meeting,
    /// when no one holds it that day; when someone else does, a remark.
    mutating func seat(_ person: Person.ID, for municipality: Municipality.ID, line: Int) {
        guard isDirectorsMeeting, let body else { return }
        let holders = registry.memberships.filter {
            $0.body == body && $0.role == .director && $0.municipality == municipality
                && $0.isInForce(on: date)
        }
        if holders.contains(where: { $0.person == person }) { return }
        if let holder = holders.first {
            let name = registry[holder.person]?.name ?? holder.person.rawValue
            remarks.append(
                (line, "Listad för kommunen, där \(name) är kommundirektör; inget uppdrag föreslås."))
            return
        }
        let membership = Membership(
            person, in: body, as: .director, for: municipality, source: source(nil),
            inferred: [
                Inferred(
                    "role",
                    because:
                        "Protokollet anger inga titlar; personen är listad för kommunen vid kommundirektörmötet."
                )
            ], filePath: "utkast", line: drafts.count + 1)
        drafts.append(Draft(.membership(membership), line: line))
    }

    /// The person named `name`: matched in the registry (a loose match noted), or drafted
    /// as a new person citing the document and item.
    mutating func person(_ name: String, line: Int, item: Int?) -> Person.ID? {
        switch names.person(name, extra: newPeople) {
        case .exact(let id): return id
        case .loose(let id, let found):
            pendingNotes.append((line, "”\(name)” tolkat som \(found)."))
            return id
        case .unknown:
            guard MinutesParser.looksLikeName(name) else { return nil }
            let id = freshPersonID(name)
            let record = Person(
                id, name: name, source: source(item), filePath: "utkast", line: drafts.count + 1)
            newPeople.append(record)
            drafts.append(
                Draft(.person(record), line: line, notes: ["Ny person: \(name) finns inte i registret."]))
            return id
        }
    }

    /// `base`, or `base-2`, `base-3`, … : an ID that neither the registry (`taken`) nor an
    /// earlier draft of this import has.
    func fresh(_ base: String, kind: String, taken: (String) -> Bool) -> String {
        var candidate = base
        var counter = 2
        while taken(candidate) || drafts.contains(where: { $0.kindLabel == kind && $0.idText == candidate }) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    /// An ID from the name that no person in the registry or this import has.
    func freshPersonID(_ name: String) -> Person.ID {
        let base = Text.slug(name)
        var candidate = base
        var counter = 2
        while registry[Person.ID(candidate)] != nil
            || newPeople.contains(where: { $0.id.rawValue == candidate })
        {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return Person.ID(candidate)
    }
}
