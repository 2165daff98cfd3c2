import Registry

/// The edits drafts make to the text of `Data/`'s files: a declaration added to the file's
/// `extension X.ID { … }`, an `add(…)` statement at the end of its `addX()` function, or
/// an existing statement replaced where the compiled registry says it was written.
struct DataEdit {
    var files: [String: String]
    var source: SwiftSource

    /// Past this many records a file continues in a new one (`Meetings2.swift`), as
    /// README asks: a file's compile time stays linear that way.
    static let recordsPerFile = 500

    init(files: [String: String]) {
        self.files = files
        source = SwiftSource(names: SwiftNames(sources: files.keys.sorted().map { files[$0]! }))
    }

    /// The file and function a kind of record goes in, and the ID type it declares.
    static func place(of record: Draft.Record) -> (file: String, function: String, idType: String?) {
        switch record {
        case .document: ("Documents", "addDocuments", "Document")
        case .person: ("People", "addPeople", "Person")
        case .membership: ("Memberships", "addMemberships", nil)
        case .staff: ("Staff", "addStaff", nil)
        case .meeting: ("Meetings", "addMeetings", "Meeting")
        case .decision: ("Decisions", "addDecisions", "Decision")
        case .request: ("Decisions", "addDecisions", "ActionRequest")
        case .response: ("Responses", "addResponses", nil)
        case .body: ("Bodies", "addBodies", "Body")
        }
    }

    mutating func apply(_ drafts: [Draft]) throws(DataEditError) {
        for draft in drafts where draft.change == .add {
            let place = DataEdit.place(of: draft.record)
            guard let type = place.idType else { continue }
            let declaration = source.declaration(raw: draft.idText, type: type)
            try insert(declaration, inExtensionOf: "\(type).ID", file: place.file + ".swift")
        }
        let replacements = drafts.compactMap { draft -> (Draft, SourceLocation)? in
            if case .replace(let location) = draft.change { (draft, location) } else { nil }
        }
        for (draft, location) in replacements.sorted(by: { $0.1.line > $1.1.line }) {
            let source = self.source
            try replace(at: location, expecting: draft.idText) { old throws(DataEditError) in
                DataEdit.amended(old, by: draft, source: source)
            }
        }
        for draft in drafts where draft.change == .add {
            let place = DataEdit.place(of: draft.record)
            try append(source.statement(draft.record), file: place.file, function: place.function)
        }
    }

    /// Adds `line` at the end of the file's `extension TYPE {` block, or a new block.
    mutating func insert(_ line: String, inExtensionOf type: String, file: String) throws(DataEditError) {
        guard
            var lines = files[file]?.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        else {
            throw DataEditError(description: "Data/\(file) finns inte")
        }
        if let start = lines.firstIndex(of: "extension \(type) {"),
            let end = lines[start...].firstIndex(of: "}")
        {
            lines.insert("    " + line, at: end)
        } else {
            guard let registry = lines.firstIndex(of: "extension Registry {") else {
                throw DataEditError(description: "Data/\(file) har inget `extension Registry {`")
            }
            lines.insert(contentsOf: ["extension \(type) {", "    " + line, "}", ""], at: registry)
        }
        files[file] = lines.joined(separator: "\n")
    }

    /// Adds `statement` as the last statement of `function`, in `BASE.swift` or, when that
    /// file is full, in the last of its continuations (`BASE2.swift`, …), made when needed.
    mutating func append(_ statement: String, file base: String, function: String) throws(DataEditError) {
        var file = base + ".swift"
        var name = function
        var number = 2
        while files[base + "\(number).swift"] != nil {
            file = base + "\(number).swift"
            name = function + "\(number)"
            number += 1
        }
        if DataEdit.records(in: files[file] ?? "") >= DataEdit.recordsPerFile {
            file = base + "\(number).swift"
            name = function + "\(number)"
            try startFile(file, function: name, after: number == 2 ? function : function + "\(number - 1)")
        }
        guard
            var lines = files[file]?.split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init),
            let start = lines.firstIndex(where: { $0.hasSuffix("mutating func \(name)() {") }),
            let end = lines[start...].firstIndex(of: "    }")
        else {
            throw DataEditError(description: "Data/\(file) har ingen funktion \(name)()")
        }
        lines.insert("        " + statement, at: end)
        files[file] = lines.joined(separator: "\n")
    }

    /// How many `add(` statements a file holds.
    static func records(in text: String) -> Int {
        text.split(separator: "\n").filter { $0.drop(while: { $0 == " " }).hasPrefix("add(") }.count
    }

    /// A continuation file with an empty function, called after `previous` in
    /// `FamiljenHelsingborg.swift`.
    mutating func startFile(_ file: String, function: String, after previous: String) throws(DataEditError) {
        files[file] = """
            // Continued from the file of the same name without a number: past about 500 records
            // a file continues in a new one, so that compile time stays linear.

            import Registry

            extension Registry {
                mutating func \(function)() {
                }
            }

            """
        guard var main = files["FamiljenHelsingborg.swift"],
            let range = main.firstRange(of: "registry.\(previous)()\n")
        else {
            throw DataEditError(description: "Data/FamiljenHelsingborg.swift ropar inte på \(previous)()")
        }
        main.insert(contentsOf: "        registry.\(function)()\n", at: range.upperBound)
        files["FamiljenHelsingborg.swift"] = main
    }
}

extension DataEdit {
    /// Replaces the `add(…)` statement written at `location` (the line of its record's
    /// initializer, as the compiled registry remembers it) with `statement`. The statement
    /// must still name `id`, or `Data/` has changed since the tool was built.
    mutating func replace(
        at location: SourceLocation, expecting id: String, with edit: (String) throws(DataEditError) -> String
    ) throws(DataEditError) {
        let file = String(location.filePath.split(separator: "/").last ?? "")
        guard
            var lines = files[file]?.split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init),
            location.line >= 1, location.line <= lines.count
        else {
            throw DataEditError(description: "\(location): finns inte i Data/")
        }
        var start = location.line - 1
        while start > max(0, location.line - 4), !lines[start].drop(while: { $0 == " " }).hasPrefix("add(") {
            start -= 1
        }
        guard lines[start].drop(while: { $0 == " " }).hasPrefix("add("),
            let end = DataEdit.statementEnd(lines, from: start)
        else {
            throw DataEditError(
                description: "\(location): ingen add(…) här; bygg verktyget igen (swift build)")
        }
        let old = lines[start...end].joined(separator: "\n")
        let declared = source.names.name(of: id, type: DataEdit.typeName(of: old)) ?? ""
        guard old.contains("." + declared) || declared.isEmpty else {
            throw DataEditError(
                description: "\(location): posten här är inte \(id); Data/ har ändrats sedan verktyget "
                    + "byggdes. Kör swift build och försök igen.")
        }
        lines.replaceSubrange(start...end, with: [try edit(old)])
        files[file] = lines.joined(separator: "\n")
    }

    /// "add(\n Meeting(" gives "Meeting".
    static func typeName(of statement: String) -> String {
        let text = statement.drop { $0 == " " || $0 == "\n" }.dropFirst(4).drop { $0 == " " || $0 == "\n" }
        return String(text.prefix { $0.isLetter })
    }

    /// The statement as the draft changes it. A membership that ends gets `to:` and keeps
    /// everything else as written; a body that starts or closes gets the day in its
    /// lifecycle; any other record (a placeholder meeting) is written anew.
    static func amended(_ old: String, by draft: Draft, source: SwiftSource) -> String {
        var text = old
        switch draft.record {
        case .membership(let membership):
            guard let to = membership.to, let range = old.firstRange(of: "source:") else { break }
            text.replaceSubrange(range, with: "to: \(SwiftSource.day(to)), source:")
            return text
        case .body(let body):
            guard let range = old.firstRange(of: "lifecycle:"),
                let end = DataEdit.argumentEnd(old, from: range.upperBound)
            else { break }
            text.replaceSubrange(range.upperBound..<end, with: " " + source.lifecycle(body.lifecycle))
            return text
        default: break
        }
        return "        " + source.statement(draft.record)
    }

    /// Where the argument starting at `start` ends: the comma or closing parenthesis at
    /// its own depth.
    static func argumentEnd(_ text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var index = start
        while index < text.endIndex {
            switch text[index] {
            case "(", "[": depth += 1
            case ")", "]":
                if depth == 0 { return index }
                depth -= 1
            case "," where depth == 0: return index
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The index of the line where the parenthesis opened on line `start` closes, skipping
    /// string literals and comments.
    static func statementEnd(_ lines: [String], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        for index in start..<lines.count {
            var escaped = false
            var previous: Character = " "
            for character in lines[index] {
                defer { previous = character }
                if inString {
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        inString = false
                    }
                    continue
                }
                if character == "/" && previous == "/" { break }
                switch character {
                case "\"": inString = true
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return index }
                default: break
                }
            }
        }
        return nil
    }
}
