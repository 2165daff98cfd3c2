import Registry

extension MinutesParser {
    /// "2. Potentialutredningen …", "§ 12 Budget 2027": an item's number and title. A
    /// number is taken as an item only when it follows the previous one, so a numbered
    /// list inside a summary is not mistaken for the next item.
    mutating func readItemHeading(_ line: MinutesLine) -> Bool {
        guard let (number, title) = MinutesParser.itemHeading(line.text) else { return false }
        let expected = (items.last?.number).map { $0 + 1 }
        guard expected == nil || number == expected! || (line.text.hasPrefix("§") && number > expected! - 1)
        else { return false }
        if line.text.hasPrefix("§") {
            layout = .paragraphs
        } else if layout == .unknown {
            layout = .numberedItems
        }
        result.items.append(ParsedItem(number: number, title: title, line: line.number))
        enterItem()
        return true
    }

    /// The number and title of an item heading, if `text` is one.
    static func itemHeading(_ text: String) -> (Int, String)? {
        var rest = Substring(text)
        let paragraph = rest.hasPrefix("§")
        if paragraph { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        let digits = rest.prefix(while: \.isNumber)
        guard (1...3).contains(digits.count), let number = Int(digits), number > 0 else { return nil }
        rest = rest.dropFirst(digits.count)
        if !paragraph {
            guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
            rest = rest.dropFirst(2)
        }
        let title = rest.trimmingCharacters()
        guard paragraph || (title.first?.isUppercase == true && title.count < 160) else { return nil }
        return (number, title.isEmpty ? "§ \(number)" : title)
    }

    /// A line inside an item: the summary, presenters, "Mötet beslutar" and each "att …".
    mutating func readItemLine(_ line: MinutesLine, folded: String) {
        var text = line.text
        if let rest = MinutesParser.after(
            prefixes: ["sammanfattning", "arendebeskrivning", "bakgrund"], in: text)
        {
            startSummary()
            if !rest.isEmpty { appendSummary(MinutesLine(number: line.number, text: rest)) }
            return
        }
        if let rest = MinutesParser.after(prefixes: ["foredragande", "foredragare"], in: text) {
            addPresenters(rest, line: line.number)
            return
        }
        if let decided = MinutesParser.decisionHeading(folded: folded, text: text) {
            startDecisions()
            guard let decided else { return }
            text = decided
        }
        if inDecisions {
            if Text.fold(text).hasPrefix("att ") {
                addDecision(ParsedDecision(text: text, line: line.number, reported: false))
                return
            }
            if let first = text.first, first.isLowercase, appendToLastDecision(text) { return }
            startSummary()
        }
        appendSummary(line)
    }

    /// The text after a heading such as "Sammanfattning:", or nil when the line is not one.
    static func after(prefixes: [String], in text: String) -> String? {
        let folded = Text.fold(text)
        for prefix in prefixes where folded.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard rest.isEmpty || rest.first == ":" || rest.first == " " else { continue }
            return rest.drop(while: { $0 == ":" || $0 == " " }).trimmingCharacters()
        }
        return nil
    }

    /// "Mötet beslutar", "Beslut:", "Kommunstyrelsen beslutar att …": nil when the line
    /// is no such heading, `.some(nil)` for a bare heading, and the decision's text when
    /// one follows on the same line.
    static func decisionHeading(folded: String, text: String) -> String?? {
        let bare = folded.trimmingCharacters().trimmingSuffix(":")
        if ["motet beslutar", "beslut", "motet beslutade", "beslutet", "forslag till beslut"].contains(bare) {
            return .some(nil)
        }
        let words = folded.split(separator: " ")
        if words.count >= 3, words.count < 40, ["beslutar", "beslutade"].contains(words[1]),
            words[2] == "att",
            text.first?.isUppercase == true
        {
            let index = text.index(text.startIndex, offsetBy: words[0].count + words[1].count + 2)
            let rest = text[index...].trimmingCharacters()
            return .some(rest.prefix(1).uppercased() + rest.dropFirst())
        }
        return nil
    }
}
