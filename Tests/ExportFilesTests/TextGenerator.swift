/// Text that deliberately mixes what breaks calendar encoders: iCalendar's special
/// characters, line breaks and tabs, emoji sequences, combining marks, right-to-left
/// text, 2-, 3- and 4-byte characters placed at every fold offset, and 10,000-character
/// strings.
enum HardText {
    static let punctuation = [
        ",", ";", ":", "\\", "\"", "\\n", "\\N", "\\,", "\\;", "\\\\", "'", "=", "&", "<", ">", "#", "%", "^",
        "|",
    ]
    static let inner = ["\n", "\t", " ", "  ", "\n\n", " \n ", "\t\n", "\n\t", " \t "]
    static let emoji = [
        "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇸🇪", "🇺🇦", "👍🏽", "1️⃣", "🧑🏿‍🚀", "❤️", "🫶🏾",
    ]
    static let combining = [
        "e\u{0301}", "a\u{030A}", "o\u{0308}", "Z\u{0351}\u{0354}\u{0336}\u{0317}\u{0300}", "\u{0301}",
        "n\u{0303}\u{0323}", "\u{1100}\u{1161}\u{11A8}",
    ]
    static let rightToLeft = [
        "مرحبا بالعالم", "שָׁלוֹם עולם", "\u{200F}", "\u{200E}", "\u{202E}abc\u{202C}", "עברית,عربي;",
        "\u{2067}x\u{2069}",
    ]
    static let scripts = [
        "Ängelholm", "Höganäs", "Åstorp", "Örkelljunga", "€", "中文字符", "ｶﾀｶﾅ", "𝄞", "𐍈", "🀄", "ß", "ø", "Ω",
        "ǅ",
        "ﷺ", "ﬃ",
    ]
    static let oddities = [
        "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{00A0}", "\u{200B}", "\u{FFFD}", "\u{FFFE}", "\u{10FFFF}",
        "\u{E000}",
        "\u{061C}",
    ]
    /// What `Text.calendarSafetyProblems(in:)` flags: drawn only for "unsafe" fields.
    static let unsafe = [
        "\r", "\r\n", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{0B}", "\u{1F}",
    ]
    static let multiByte = ["å", "é", "€", "中", "😀", "𝄞", "🇸🇪", "e\u{0301}"]
    static let words = [
        "Möte", "Bjuv", "Kommundirektörsmöte", "dagordning", "punkt", "Källa:", "a", "x", "ledamot",
    ]

    /// A random Unicode scalar from anywhere in the code space except surrogates and
    /// C0/C1 controls, weighted towards the Basic Multilingual Plane.
    static func scalar(using rng: inout some RandomNumberGenerator) -> Character {
        while true {
            let value: UInt32 =
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: UInt32.random(in: 0x20...0x7E, using: &rng)
                case 1: UInt32.random(in: 0xA0...0xFFFF, using: &rng)
                case 2: UInt32.random(in: 0x1_0000...0x1_FFFF, using: &rng)
                default: UInt32.random(in: 0xA0...0x10_FFFF, using: &rng)
                }
            if let scalar = Unicode.Scalar(value) { return Character(scalar) }
        }
    }

    /// One piece of text; `unsafe` allows the characters libical cannot carry.
    static func fragment(unsafe allowUnsafe: Bool, using rng: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<(allowUnsafe ? 12 : 11), using: &rng) {
        case 0: return punctuation.randomElement(using: &rng)!
        case 1: return inner.randomElement(using: &rng)!
        case 2: return emoji.randomElement(using: &rng)!
        case 3: return combining.randomElement(using: &rng)!
        case 4: return rightToLeft.randomElement(using: &rng)!
        case 5: return scripts.randomElement(using: &rng)!
        case 6: return oddities.randomElement(using: &rng)!
        case 7:
            // ASCII padding then a multi-byte character: over many cases the character
            // meets the 75-octet fold at every offset.
            let padding = String(repeating: "x", count: Int.random(in: 0..<80, using: &rng))
            return padding + multiByte.randomElement(using: &rng)!
        case 8:
            let character = multiByte.randomElement(using: &rng)!
            return String(repeating: character, count: Int.random(in: 1...60, using: &rng))
        case 9:
            return String((0..<Int.random(in: 1...8, using: &rng)).map { _ in scalar(using: &rng) })
        case 10: return words.randomElement(using: &rng)! + " "
        default: return HardText.unsafe.randomElement(using: &rng)!
        }
    }

    /// A whole field: short, medium, or exactly 10,000 characters.
    static func text(unsafe allowUnsafe: Bool, using rng: inout some RandomNumberGenerator) -> String {
        var text = ""
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 3 {
            while text.count < 10_000 {
                for _ in 0..<200 { text += fragment(unsafe: allowUnsafe, using: &rng) }
            }
            text = String(text.prefix(10_000))
        } else {
            let count = roll < 50 ? Int.random(in: 0...4, using: &rng) : Int.random(in: 5...40, using: &rng)
            for _ in 0..<count { text += fragment(unsafe: allowUnsafe, using: &rng) }
        }
        if allowUnsafe {
            // Also the whitespace at the ends that libical's parser trims.
            if Bool.random(using: &rng) { text = [" ", "\t", "  "].randomElement(using: &rng)! + text }
            if Bool.random(using: &rng) { text += [" ", "\t", "\n "].randomElement(using: &rng)! }
            return text
        }
        if text.isEmpty { text = "–" }
        if let first = text.unicodeScalars.first, first == " " || first == "\t" { text = "«" + text }
        if let last = text.unicodeScalars.last, last == " " || last == "\t" { text += "»" }
        return text
    }

    /// A field that is unsafe one time in ten.
    static func field(using rng: inout some RandomNumberGenerator) -> String {
        text(unsafe: Int.random(in: 0..<10, using: &rng) == 0, using: &rng)
    }
}

/// The text of one generated feed.
struct TextCase: Sendable {
    struct Event: Sendable {
        var summary: String
        var description: String
        var location: String?
        var alarm: String?
    }

    var name: String
    var description: String
    var events: [Event]

    /// A whole feed's text, drawn from `rng`.
    static func random(using rng: inout some RandomNumberGenerator) -> TextCase {
        var events: [Event] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            events.append(
                Event(
                    summary: HardText.field(using: &rng),
                    description: HardText.field(using: &rng),
                    location: Bool.random(using: &rng) ? HardText.field(using: &rng) : nil,
                    alarm: Int.random(in: 0..<3, using: &rng) == 0 ? HardText.field(using: &rng) : nil))
        }
        return TextCase(
            name: HardText.field(using: &rng), description: HardText.field(using: &rng), events: events)
    }
}
