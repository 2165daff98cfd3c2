import Registry

extension Drafter {
    /// Each "att …" under "Mötet beslutar", verbatim, with a deadline when the decision
    /// or its item's summary gives one, and each decision reported inside a summary at the
    /// meeting the summary names.
    mutating func draftDecisions() {
        guard let meeting else {
            let count = parsed.items.map(\.decisions.count).reduce(0, +)
            if count > 0 {
                remarks.append(
                    (parsed.items.first?.line, "\(count) beslut lästes, men utan möte föreslås inga."))
            }
            return
        }
        for item in parsed.items {
            let own = item.decisions.filter { !$0.reported }
            for (index, decision) in own.enumerated() {
                let suffix = own.count == 1 ? "\(item.number)" : "\(item.number)-\(index + 1)"
                let id = Decision.ID(
                    fresh("\(meeting.rawValue)-\(suffix)", kind: "beslut") {
                        registry[Decision.ID($0)] != nil
                    })
                draftDecision(decision, id: id, at: meeting, item: item, siblings: own.count)
            }
            for decision in item.decisions where decision.reported {
                draftReportedDecision(decision, item: item)
            }
        }
    }

    /// "Att vi ger …" as the minutes write it, with a capital first letter and a full stop.
    static func decisionText(_ text: String) -> String {
        var result = text.trimmingCharacters()
        result = result.prefix(1).uppercased() + result.dropFirst()
        if let last = result.last, !".!?".contains(last) { result += "." }
        return result
    }

    /// A short title from the decision's words: "Vi ger arbetsgruppen i uppdrag att …".
    static func decisionTitle(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        if words.first.map(Text.fold) == "att" { words.removeFirst() }
        var title = ""
        for word in words {
            if title.count + word.count > 60 {
                title += " …"
                break
            }
            title += (title.isEmpty ? "" : " ") + word
        }
        while let last = title.last, ".,;:".contains(last) { title.removeLast() }
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    mutating func draftDecision(
        _ parsedDecision: ParsedDecision, id: Decision.ID, at meeting: Meeting.ID, item: ParsedItem,
        siblings: Int
    ) {
        var inferred = [Inferred("title", because: "Titeln är förkortad från beslutstexten.")]
        var notes: [String] = []
        // The day of a next meeting is no deadline: it becomes a meeting of its own.
        let nextMeeting = Text.fold(parsedDecision.text).contains("nasta mote")
        var deadline =
            nextMeeting
            ? nil : SwedishDates.firstDate(in: parsedDecision.text, meeting: date, direction: .forward)
        if let found = deadline, let guess = found.guess {
            inferred.append(Inferred("deadline", because: guess))
        }
        var section = ""
        if deadline == nil,
            let (summaryDeadline, heading, lines) = summaryDeadline(for: parsedDecision, in: item, siblings)
        {
            deadline = summaryDeadline
            section = lines
            let place = heading.map { "under ”\($0)” i sammanfattningen" } ?? "i sammanfattningen"
            inferred.append(
                Inferred(
                    "deadline",
                    because:
                        "Datumet står \(place) (\(summaryDeadline.text.trimmingSuffix("."))), inte i beslutet."
                ))
        }
        if let deadline { notes.append(Draft.checkDeadlineNote(deadline.day)) }
        let text = Drafter.decisionText(parsedDecision.text)
        let record = Decision(
            id, at: meeting, item: item.number, title: Drafter.decisionTitle(text), text: text,
            deadline: deadline?.day, actors: actors(in: text), source: source(item.number),
            inferred: inferred,
            filePath: "utkast", line: drafts.count + 1)
        drafts.append(Draft(.decision(record), line: parsedDecision.line, notes: notes))
        if let day = record.deadline, record.actors.contains(.everyMunicipality) {
            draftRequest(of: record, by: day, line: parsedDecision.line, context: record.text + " " + section)
        }
        draftPlaceholderMeeting(for: parsedDecision, item: item)
    }

    /// "Att varje kommun lämnar besked om sin andel senast den 30/11": a request to every
    /// municipality, so that `samverkan actions` follows who has answered; an offer when
    /// the decision or the summary it takes its date from offers rather than demands
    /// (`Drafter.offerWords`). What is asked is the decision's words between "varje kommun"
    /// and the date.
    mutating func draftRequest(of decision: Decision, by day: Day, line: Int, context: String) {
        var words = decision.text.split(separator: " ").map(String.init)
        if let start = words.indices.first(where: {
            $0 + 1 < words.count && Drafter.everyWords.contains(Text.fold(words[$0]))
                && Text.fold(words[$0 + 1]).hasPrefix("kommun")
        }) {
            words.removeFirst(start + 2)
        }
        // "senast …", or "till den …", "före 1 maj": where the date begins.
        let end = words.indices.first { index in
            let word = Text.fold(words[index])
            let next = index + 1 < words.count ? Text.fold(words[index + 1]) : ""
            return word == "senast"
                || (["till", "fore", "innan"].contains(word)
                    && (next == "den" || next.first?.isNumber == true))
        }
        if let end {
            words.removeLast(words.count - end)
        }
        while ["sjalv", "ska", "skall"].contains(Text.fold(words.first ?? "")) { words.removeFirst() }
        var what = words.joined(separator: " ")
        while let last = what.last, ".,;".contains(last) { what.removeLast() }
        let offer = Drafter.offerWord(in: context)
        let request = ActionRequest(
            ActionRequest.ID(decision.id.rawValue + "-svar"), of: decision.id,
            asked: .everyMunicipality,
            what: what.isEmpty ? decision.title : what,
            by: day, kind: offer == nil ? .request : .offer, source: decision.source, filePath: "utkast",
            line: drafts.count + 1
        ).with(asked: askedParties(in: context))
        var notes = ["Kontrollera vad som begärs: ”\(request.what)”."]
        if let offer {
            notes = [
                "Ett erbjudande (”\(offer)”): den som inte svarar blir inte sen. "
                    + "Kontrollera vad som erbjuds: ”\(request.what)”."
            ]
        }
        drafts.append(Draft(.request(request), line: line, notes: notes))
    }

    /// Words that say who must act: "varje kommun", "alla kommuner", "samtliga kommuner".
    static let everyWords: Set<String> = ["varje", "alla", "samtliga"]

    /// Words by which minutes offer rather than demand: the municipalities may take it up,
    /// and one that does not is not late.
    static let offerWords = [
        "erbjud", "tar stallning", "tar sjalv stallning", "sjalv avgor", "sjalv bestammer", "frivillig",
        "far ansluta", "kan ansluta", "utan forpliktelse", "har mojlighet",
    ]

    /// The words of `text` that make a request an offer, as the minutes write them.
    static func offerWord(in text: String) -> String? {
        let words = Drafter.words(of: text)
        let folded = words.map(Text.fold)
        for marker in offerWords {
            let count = marker.split(separator: " ").count
            for index in words.indices where index + count <= words.count {
                if folded[index..<index + count].joined(separator: " ").hasPrefix(marker) {
                    return words[index..<index + count].joined(separator: " ")
                }
            }
        }
        return nil
    }

    /// Who is asked: every municipality, or when the text speaks of "övriga kommuner" (the
    /// others, "de andra kommunerna"), every municipality but those it names.
    func askedParties(in text: String) -> RequestParties {
        let words = Drafter.words(of: text)
        let others = words.indices.dropLast().contains { index in
            ["ovriga", "andra", "resterande"].contains(Text.fold(words[index]))
                && Text.fold(words[index + 1]).hasPrefix("kommun")
        }
        guard others else { return .everyMunicipality }
        let named = Set(
            words.compactMap { word -> Municipality.ID? in
                if case .exact(let id) = names.municipality(word) { id } else { nil }
            })
        guard !named.isEmpty else { return .everyMunicipality }
        return .parties(
            registry.municipalities.map(\.id).filter { !named.contains($0) }.map { .municipality($0) })
    }

    /// A "senast …" date in the item's summary that belongs to this decision: under a
    /// heading whose words the decision repeats ("Scenario 3" and "scenario/förslag 3"),
    /// or the only decision of the item.
    func summaryDeadline(
        for decision: ParsedDecision, in item: ParsedItem, _ siblings: Int
    ) -> (DateMention, String?, String)? {
        var heading: String?
        var section: [String] = []
        let decisionWords = Set(Text.slug(decision.text).split(separator: "-").map(String.init))
        for line in item.summary {
            if line.text.split(separator: " ").count <= 3, !line.text.hasSuffix(".") {
                heading = line.text
                section = []
            }
            section.append(line.text)
            guard let range = Text.fold(line.text).firstRange(of: "senast") else { continue }
            let rest = String(Text.fold(line.text)[range.upperBound...])
            guard let mention = SwedishDates.firstDate(in: rest, meeting: date, direction: .forward) else {
                continue
            }
            let headingWords = Set(Text.slug(heading ?? "").split(separator: "-").map(String.init))
            if let heading, !headingWords.isEmpty, headingWords.isSubset(of: decisionWords) {
                return (mention, heading, section.joined(separator: " "))
            }
            if siblings == 1 { return (mention, nil, line.text) }
        }
        return nil
    }

    /// Who must act, when the decision names them: every municipality ("varje kommun"),
    /// a body or a person of the registry.
    func actors(in text: String) -> [Decision.Actor] {
        let folded = Text.fold(text)
        var actors: [Decision.Actor] = []
        if folded.contains("varje kommun") || folded.contains("alla kommuner")
            || folded.contains("samtliga kommuner")
        {
            actors.append(.everyMunicipality)
        }
        for person in registry.people + newPeople where folded.contains(Text.fold(person.name)) {
            actors.append(.person(person.id))
        }
        return actors
    }

    /// "På mötet beslutades att …" in a summary that speaks of an earlier meeting ("På
    /// kommundirektörernas möte i januari 2025"): a decision at that meeting, drafted with
    /// a placeholder for the meeting when the registry has none.
    mutating func draftReportedDecision(_ decision: ParsedDecision, item: ParsedItem) {
        guard let body, let month = earlierMonth(in: item) else {
            remarks.append(
                (decision.line, "Ett beslut som redovisas i sammanfattningen, men inte när det togs."))
            return
        }
        let prefix = isDirectorsMeeting ? "kdm" : body.rawValue
        let monthText = month.month < 10 ? "0\(month.month)" : "\(month.month)"
        let meetingID = Meeting.ID("\(prefix)-\(month.year)-\(monthText)")
        let because =
            "Protokollet \(date!) säger ”under punkten”; punktens nummer och rubrik är registrets."
        if registry[meetingID] == nil, !drafts.contains(where: { $0.idText == meetingID.rawValue }) {
            let title = registry.meetings.last { $0.body == body }?.title ?? meetingTitle()
            let placeholder = Meeting(
                meetingID, of: body, title: title, time: .month(year: month.year, month: month.month),
                agenda: [AgendaItem(1, item.title)], source: source(item.number),
                inferred: [Inferred("agenda", because: because)], filePath: "utkast", line: drafts.count + 1)
            drafts.append(
                Draft(
                    .meeting(placeholder), line: decision.line, notes: ["Tidigare möte, bara månaden känd."]))
        }
        let text = Drafter.decisionText(decision.text)
        let record = Decision(
            Decision.ID(
                fresh("\(meetingID.rawValue)-\(Text.slug(item.title))", kind: "beslut") {
                    registry[Decision.ID($0)] != nil
                }),
            at: meetingID, item: 1,
            title: Drafter.decisionTitle(text), text: text, actors: actors(in: text),
            source: source(item.number),
            inferred: [
                Inferred("item", because: "Protokollet säger ”under punkten” men inte punktens nummer."),
                Inferred("title", because: "Titeln är förkortad från beslutstexten."),
            ], filePath: "utkast", line: drafts.count + 1)
        drafts.append(Draft(.decision(record), line: decision.line, notes: ["Beslut vid ett tidigare möte."]))
    }

    /// "möte i januari 2025" in the summary: the month of an earlier meeting.
    func earlierMonth(in item: ParsedItem) -> (year: Int, month: Int)? {
        for line in item.summary {
            let words = line.text.split(separator: " ").map(String.init)
            for index in words.indices.dropLast() {
                guard let month = SwedishDates.month(named: words[index]), index > 0,
                    Text.fold(words[index - 1]) == "i",
                    let year = Int(words[index + 1].filter(\.isNumber)), (1990...2100).contains(year)
                else { continue }
                return (year, month)
            }
        }
        return nil
    }

    /// "kommundirektörerna tar upp frågan … den 22 maj": a placeholder meeting of the body
    /// on that day, when the registry has no meeting of it then.
    mutating func draftPlaceholderMeeting(for decision: ParsedDecision, item: ParsedItem) {
        let folded = Text.fold(decision.text)
        guard let body, folded.contains("tar upp") || folded.contains("nasta mote"),
            let day = SwedishDates.firstDate(in: decision.text, meeting: date, direction: .forward),
            !registry.meetings.contains(where: { $0.body == body && $0.time.day == day.day })
        else { return }
        let prefix = isDirectorsMeeting ? "kdm" : body.rawValue
        let title = registry.meetings.last { $0.body == body }?.title ?? meetingTitle()
        var inferred = [
            Inferred(
                "agenda", because: "Protokollet säger bara att frågan tas upp den \(day.day.swedishText).")
        ]
        if let guess = day.guess { inferred.append(Inferred("time", because: guess)) }
        // "tar upp frågan" puts the item's question on that meeting's agenda; "nästa möte"
        // says only when.
        let agenda = folded.contains("tar upp") ? [AgendaItem(1, item.title)] : []
        if agenda.isEmpty { inferred = inferred.filter { $0.field != "agenda" } }
        let record = Meeting(
            Meeting.ID("\(prefix)-\(day.day)"), of: body, title: title, time: .day(day.day),
            agenda: agenda, source: source(item.number), inferred: inferred,
            filePath: "utkast", line: drafts.count + 1)
        drafts.append(
            Draft(.meeting(record), line: decision.line, notes: ["Platshållare: tiden är inte känd än."]))
    }
}
