import Registry

/// Each kind of draft's correctable fields, set from the reviewer's value.
extension CorrectionContext {
    func setting(_ field: String, _ value: String, of r: Membership) throws(CorrectionError)
        -> (Draft.Record, String)
    {
        switch field {
        case "person":
            let (id, shown) = try person(value)
            return (.membership(r.with(person: id)), shown)
        case "municipality":
            let (id, shown) = try municipality(value)
            return (.membership(r.with(municipality: id)), shown)
        case "from":
            let day = try optionalDay(value)
            return (.membership(r.with(from: .some(day))), day?.swedishText ?? "ingen")
        default:
            let day = try optionalDay(value)
            return (.membership(r.with(to: .some(day))), day?.swedishText ?? "ingen")
        }
    }

    func setting(_ field: String, _ value: String, of r: StaffAppointment) throws(CorrectionError)
        -> (Draft.Record, String)
    {
        switch field {
        case "person":
            let (id, shown) = try person(value)
            return (.staff(r.with(person: id)), shown)
        case "title": return (.staff(r.with(title: value)), value)
        case "starts":
            let day = try day(value)
            return (.staff(r.with(starts: day)), day.swedishText)
        case "ends":
            let day = try optionalDay(value)
            return (.staff(r.with(ends: .some(day))), day?.swedishText ?? "ingen")
        default:
            let (id, shown) = try body(value)
            return (.staff(r.with(body: id)), shown)
        }
    }

    func setting(_ field: String, _ value: String, of r: Meeting) throws(CorrectionError) -> (
        Draft.Record, String
    ) {
        switch field {
        case "day":
            let day = try day(value)
            let time: MeetingTime =
                switch r.time {
                case .timed(_, let from, let to): .timed(day, from: from, to: to)
                case .day, .month: .day(day)
                }
            return (.meeting(r.with(time: time)), day.swedishText)
        case "time":
            if Text.fold(value) == "heldag" {
                return (.meeting(r.with(time: .day(r.time.sortDay))), "heldag")
            }
            guard let range = SwedishDates.timeRange(in: value) else {
                throw CorrectionError("”\(value)” är ingen tid från–till")
            }
            let shown = "\(range.from.swedishText)–\(range.to.swedishText)"
            return (.meeting(r.with(time: .timed(r.time.sortDay, from: range.from, to: range.to))), shown)
        case "title": return (.meeting(r.with(title: value)), value)
        default:
            let place = CorrectionContext.isNone(value) ? nil : value
            return (.meeting(r.with(place: .some(place))), place ?? "ingen")
        }
    }

    func setting(_ field: String, _ value: String, of r: Decision) throws(CorrectionError) -> (
        Draft.Record, String
    ) {
        switch field {
        case "text": return (.decision(r.with(text: value)), value)
        case "title": return (.decision(r.with(title: value)), value)
        case "deadline":
            let day = try optionalDay(value)
            return (.decision(r.with(deadline: .some(day))), day?.swedishText ?? "ingen")
        default:
            guard let item = Int(value), item > 0 else {
                throw CorrectionError("”\(value)” är inget punktnummer")
            }
            return (.decision(r.with(item: item)), "\(item)")
        }
    }

    func setting(_ field: String, _ value: String, of r: ActionRequest) throws(CorrectionError)
        -> (Draft.Record, String)
    {
        switch field {
        case "what": return (.request(r.with(what: value)), value)
        case "by":
            let day = try day(value)
            return (.request(r.with(by: day)), day.swedishText)
        case "kind":
            let kind = try kind(value)
            return (.request(r.with(kind: kind)), kind == .offer ? "erbjudande" : "begäran")
        default:
            let parties = try asked(value)
            let shown =
                switch parties {
                case .everyMunicipality: "varje kommun"
                case .parties(let list):
                    list.map { $0.key.split(separator: "/").last.map(String.init) ?? "" }
                        .joined(separator: ", ")
                }
            return (.request(r.with(asked: parties)), shown)
        }
    }

    func setting(_ field: String, _ value: String, of r: ActionResponse) throws(CorrectionError)
        -> (Draft.Record, String)
    {
        switch field {
        case "party":
            let (id, shown) = try municipality(value)
            return (.response(r.with(party: .municipality(id))), shown)
        case "answer":
            let answer = try answer(value, was: r.answer)
            return (.response(r.with(answer: answer)), answer.label)
        default:
            // An answer is reported after it came: a date without a year lies before the meeting.
            let day = try day(value, .backward)
            return (.response(r.with(on: day)), day.swedishText)
        }
    }

    func setting(_ field: String, _ value: String, of r: Body) throws(CorrectionError) -> (
        Draft.Record, String
    ) {
        let start = try optionalDay(value).map { Lifecycle.Start.on($0) }
        let old = r.lifecycle
        let lifecycle =
            field == "active"
            ? Lifecycle(proposed: old.proposed, active: start, closed: old.closed)
            : Lifecycle(proposed: old.proposed, active: old.active, closed: start)
        return (.body(r.with(lifecycle: lifecycle)), start?.day?.swedishText ?? "ingen")
    }
}

/// Copies of records with some fields changed, keeping where they come from.
extension Document {
    func with(title: String? = nil, date: Day? = nil) -> Document {
        Document(
            id, title: title ?? self.title, date: date ?? self.date, url: url, filePath: location.filePath,
            line: location.line)
    }
}

extension Person {
    func with(name: String) -> Person {
        Person(
            id, name: name, email: email, phone: phone, note: note, schedulePublished: schedulePublished,
            source: source, filePath: location.filePath, line: location.line)
    }
}

extension Membership {
    func with(
        person: Person.ID? = nil, municipality: Municipality.ID? = nil, from: Day?? = nil, to: Day?? = nil,
        inferred: [Inferred]? = nil
    ) -> Membership {
        Membership(
            person ?? self.person, in: body, as: role, for: municipality ?? self.municipality,
            from: from ?? self.from, to: to ?? self.to, acting: acting, shared: shared, source: source,
            inferred: inferred ?? self.inferred, filePath: location.filePath, line: location.line)
    }
}

extension StaffAppointment {
    func with(
        person: Person.ID? = nil, body: Body.ID? = nil, title: String? = nil, starts: Day? = nil,
        ends: Day?? = nil, inferred: [Inferred]? = nil
    ) -> StaffAppointment {
        StaffAppointment(
            person ?? self.person, in: body ?? self.body, title: title ?? self.title,
            starts: starts ?? self.starts,
            ends: ends ?? self.ends, source: source, inferred: inferred ?? self.inferred,
            filePath: location.filePath, line: location.line)
    }
}

extension Meeting {
    func with(
        title: String? = nil, time: MeetingTime? = nil, place: String?? = nil, inferred: [Inferred]? = nil
    ) -> Meeting {
        Meeting(
            id, of: body, title: title ?? self.title, time: time ?? self.time, place: place ?? self.place,
            remote: remote, status: status, attendance: attendance, agenda: agenda, source: source,
            inferred: inferred ?? self.inferred, filePath: location.filePath, line: location.line)
    }
}

extension Decision {
    func with(
        item: Int? = nil, title: String? = nil, text: String? = nil, deadline: Day?? = nil,
        inferred: [Inferred]? = nil
    ) -> Decision {
        Decision(
            id, at: meeting, item: item ?? self.item, title: title ?? self.title, text: text ?? self.text,
            deadline: deadline ?? self.deadline, actors: actors, source: source,
            inferred: inferred ?? self.inferred,
            filePath: location.filePath, line: location.line)
    }
}

extension ActionRequest {
    func with(
        asked: RequestParties? = nil, what: String? = nil, by: Day? = nil, kind: Kind? = nil
    ) -> ActionRequest {
        let parties = asked ?? (asksEveryMunicipality ? .everyMunicipality : .parties(self.asked))
        return switch parties {
        case .everyMunicipality:
            ActionRequest(
                id, of: decision, asked: .everyMunicipality, what: what ?? self.what, by: by ?? self.by,
                kind: kind ?? self.kind, source: source, filePath: location.filePath, line: location.line)
        case .parties(let list):
            ActionRequest(
                id, of: decision, asked: list, what: what ?? self.what, by: by ?? self.by,
                kind: kind ?? self.kind,
                source: source, filePath: location.filePath, line: location.line)
        }
    }
}

extension ActionResponse {
    func with(
        party: ActionRequest.Party? = nil, answer: Answer? = nil, on: Day? = nil, inferred: [Inferred]? = nil
    ) -> ActionResponse {
        ActionResponse(
            party ?? self.party, to: request, answer: answer ?? self.answer, on: on ?? self.on,
            source: source,
            inferred: inferred ?? self.inferred, filePath: location.filePath, line: location.line)
    }
}

extension Body {
    func with(lifecycle: Lifecycle? = nil, inferred: [Inferred]? = nil) -> Body {
        Body(
            id, name: name, kind: kind, lifecycle: lifecycle ?? self.lifecycle, parent: parent,
            municipality: municipality, purpose: purpose, source: source, inferred: inferred ?? self.inferred,
            formerSlugs: formerSlugs, filePath: location.filePath, line: location.line)
    }
}
