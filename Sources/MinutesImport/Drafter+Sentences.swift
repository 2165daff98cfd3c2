import Registry

/// A sentence of a summary, with the line it starts on and its item.
struct Sentence {
    let text: String
    let folded: String
    let line: Int
    let item: ParsedItem
}

extension Drafter {
    /// What the summaries report in sentences: start dates, bodies formed or closed, new
    /// holders of a seat, and answers to open requests.
    mutating func draftSentences() {
        for item in parsed.items {
            for sentence in Drafter.sentences(of: item) {
                if draftStart(sentence) || draftSeat(sentence) || draftBodyStatus(sentence) { continue }
                draftAnswers(sentence)
            }
        }
    }

    /// The item's summary split at full stops that end a sentence (not "t.o.m." or "30/4.").
    static func sentences(of item: ParsedItem) -> [Sentence] {
        var result: [Sentence] = []
        for line in item.summary {
            var current = ""
            let words = line.text.split(separator: " ")
            for (index, word) in words.enumerated() {
                current += (current.isEmpty ? "" : " ") + word
                let next = index + 1 < words.count ? words[index + 1] : nil
                let ends = word.hasSuffix(".") && (next?.first?.isUppercase ?? true)
                if ends || next == nil {
                    result.append(
                        Sentence(text: current, folded: Text.fold(current), line: line.number, item: item))
                    current = ""
                }
            }
        }
        return result
    }

    /// The names in a sentence: runs of two or three capitalised words.
    static func names(in text: String) -> [String] {
        let words = text.split(separator: " ").map { $0.filter { $0.isLetter || $0 == "-" } }
        var names: [String] = []
        var run: [String] = []
        for word in words + [""] {
            if word.first?.isUppercase == true, word.count > 1 {
                run.append(word)
                continue
            }
            if (2...3).contains(run.count) { names.append(run.joined(separator: " ")) }
            if run.count > 3 { names.append(run.suffix(3).joined(separator: " ")) }
            run = []
        }
        return names
    }

    /// "Teodor Isaksson ny samordnare för …, börjar sin tjänst 1 maj.": a start date.
    mutating func draftStart(_ sentence: Sentence) -> Bool {
        let markers = ["borjar sin tjanst", "borjar sin anstallning", "tilltrader tjansten", "borjar som"]
        guard let marker = markers.first(where: { sentence.folded.contains($0) }),
            let day = SwedishDates.firstDate(in: sentence.text, meeting: date, direction: .forward),
            let name = Drafter.names(in: sentence.text).first(where: { !$0.hasPrefix("Tf ") && $0 != "Tf" }),
            let person = person(name, line: sentence.line, item: sentence.item.number)
        else { return false }
        let title = postTitle(sentence.text, marker: marker)
        let body = postBody(sentence)
        var inferred: [Inferred] = []
        if let guess = day.guess { inferred.append(Inferred("starts", because: guess)) }
        if title == nil { inferred.append(Inferred("title", because: "Protokollet anger ingen tjänst.")) }
        let record = StaffAppointment(
            person, in: body, title: title ?? "medarbetare", starts: day.day,
            source: source(sentence.item.number),
            inferred: inferred, filePath: "utkast", line: drafts.count + 1)
        drafts.append(Draft(.staff(record), line: sentence.line))
        return true
    }

    /// The post: the words after "ny"/"nya" up to a comma or "börjar".
    func postTitle(_ text: String, marker: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        guard let start = words.firstIndex(where: { ["ny", "nya", "nyanställd"].contains(Text.fold($0)) })
        else {
            return nil
        }
        var title: [String] = []
        for word in words[(start + 1)...] {
            if Text.fold(word).hasPrefix("borjar") { break }
            title.append(word)
            if word.hasSuffix(",") { break }
        }
        var result = title.joined(separator: " ")
        while let last = result.last, ",.".contains(last) { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    /// The body the post is in: one the item's title or the sentence names, else the
    /// secretariat.
    func postBody(_ sentence: Sentence) -> Body.ID {
        let text = Text.fold(sentence.item.title + " " + sentence.text)
        let named = registry.bodies.filter { $0.kind != .external }.first {
            text.contains(Text.fold($0.name)) || text.contains(String(Text.fold($0.name).prefix(10)))
        }
        return named?.id ?? registry.bodies.first { $0.kind == .secretariat }?.id ?? body
            ?? Body.ID("sekretariatet")
    }
}
