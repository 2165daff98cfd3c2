import Registry

extension Drafter {
    /// "Anna Berg blir ny kommundirektör i Bjuv från 1 september": a new director's seat
    /// from that day, and the previous holder's term ended the same day.
    mutating func draftSeat(_ sentence: Sentence) -> Bool {
        let resolver = names
        guard let body, isDirectorsMeeting, sentence.folded.contains("ny kommundirektor"),
            let day = SwedishDates.firstDate(in: sentence.text, meeting: date, direction: .forward),
            let municipality = Drafter.words(of: sentence.text).compactMap({ word -> Municipality.ID? in
                if case .exact(let id) = resolver.municipality(word) { id } else { nil }
            }).first,
            let name = Drafter.names(in: sentence.text).first(where: { names.municipality($0) == .unknown }),
            let person = person(name, line: sentence.line, item: sentence.item.number)
        else { return false }
        var inferred: [Inferred] = []
        if let guess = day.guess { inferred.append(Inferred("from", because: guess)) }
        let holders = registry.memberships.filter {
            $0.body == body && $0.role == .director && $0.municipality == municipality
                && $0.isInForce(on: day.day)
                && $0.person != person
        }
        for holder in holders {
            let ended = Membership(
                holder.person, in: holder.body, as: holder.role, for: holder.municipality, from: holder.from,
                to: day.day, acting: holder.acting, shared: holder.shared,
                source: holder.source, inferred: holder.inferred, filePath: "utkast", line: drafts.count + 1)
            let name = registry[holder.person]?.name ?? holder.person.rawValue
            drafts.append(
                Draft(
                    .membership(ended), change: .replace(holder.location), line: sentence.line,
                    notes: ["\(name) slutar som kommundirektör dagen innan; uppdraget får slutdatum."]))
        }
        let record = Membership(
            person, in: body, as: .director, for: municipality, from: day.day,
            source: source(sentence.item.number),
            inferred: inferred, filePath: "utkast", line: drafts.count + 1)
        drafts.append(Draft(.membership(record), line: sentence.line))
        return true
    }

    /// The words of a sentence without punctuation.
    static func words(of text: String) -> [String] {
        text.split(separator: " ").map { $0.filter { $0.isLetter || $0 == "-" } }.filter { !$0.isEmpty }
    }

    /// "Energinätverket startar den 1 september", "… läggs ned den 31 december": a body of
    /// the registry that becomes active or closes on a day.
    mutating func draftBodyStatus(_ sentence: Sentence) -> Bool {
        let starts = ["startar", "bildas", "inrattas", "borjar sitt arbete"]
        let closes = ["laggs ned", "avvecklas", "upphor", "avslutas"]
        let isStart = starts.contains { sentence.folded.contains($0) }
        let isClose = closes.contains { sentence.folded.contains($0) }
        guard isStart || isClose,
            let day = SwedishDates.firstDate(in: sentence.text, meeting: date, direction: .forward),
            let found = registry.bodies.first(where: {
                $0.kind != .external && sentence.folded.contains(Text.fold($0.name))
            })
        else { return false }
        let old = found.lifecycle
        let lifecycle =
            isClose
            ? Lifecycle(proposed: old.proposed, active: old.active, closed: .on(day.day))
            : Lifecycle(proposed: old.proposed, active: .on(day.day), closed: old.closed)
        var inferred = found.inferred
        if let guess = day.guess { inferred.append(Inferred("lifecycle", because: guess)) }
        let record = Body(
            found.id, name: found.name, kind: found.kind, lifecycle: lifecycle, parent: found.parent,
            municipality: found.municipality, purpose: found.purpose, source: found.source,
            inferred: inferred,
            filePath: "utkast", line: drafts.count + 1)
        let what = isClose ? "avslutas" : "startar"
        drafts.append(
            Draft(
                .body(record), change: .replace(found.location), line: sentence.line,
                notes: [
                    "\(found.name) \(what) den \(day.day.swedishText) (källa: \(document!), punkt \(sentence.item.number))."
                ]))
        return true
    }

    /// "Bjuv, Klippan och Svalöv har tecknat fullmakt", "Perstorp avböjer": answers to an
    /// open request of the registry whose words the sentence repeats. The minutes seldom
    /// say on which day each answer came, so the day is the meeting's, marked inferred.
    mutating func draftAnswers(_ sentence: Sentence) {
        let declines = ["avboj", "avstar", "tackar nej", "deltar inte"]
        let gives = [
            "har tecknat", "har lamnat", "har skickat in", "har undertecknat", "har svarat", "ansluter sig",
            "har anslutit sig", "tackar ja", "har tackat ja",
        ]
        let isDecline = declines.contains { sentence.folded.contains($0) }
        guard isDecline || gives.contains(where: { sentence.folded.contains($0) }) else { return }
        let municipalities = Drafter.words(of: sentence.text).compactMap { word -> Municipality.ID? in
            if case .exact(let id) = names.municipality(word) { id } else { nil }
        }
        let sentenceWords = Set(Drafter.words(of: sentence.folded))
        guard !municipalities.isEmpty,
            let request = registry.actionRequests.first(where: { request in
                request.by >= date.adding(days: -366)
                    && Drafter.words(of: Text.fold(request.what)).contains {
                        $0.count > 5 && sentenceWords.contains($0)
                    }
            })
        else { return }
        let noun = Drafter.words(of: request.what).first {
            $0.count > 5 && sentenceWords.contains(Text.fold($0))
        }
        for municipality in municipalities where request.asked.contains(.municipality(municipality)) {
            let record = ActionResponse(
                .municipality(municipality), to: request.id,
                answer: isDecline ? .declined : .gave(noun ?? request.what),
                on: date, source: source(sentence.item.number),
                inferred: [
                    Inferred("on", because: "Protokollet anger inte när svaret kom; dagen är mötets.")
                ],
                filePath: "utkast", line: drafts.count + 1)
            drafts.append(Draft(.response(record), line: sentence.line))
        }
    }
}
