import Registry

extension SyntheticRegistry {
    /// How generated data is spread over files and functions.
    public enum DataShape: Hashable, Sendable, CustomStringConvertible {
        /// One file and one `addX()` function per kind of record, as `Data/` was first written.
        case onePerKind
        /// One file per kind, its records in functions of at most `maxRecords` statements.
        case functions(maxRecords: Int)
        /// Files of at most `maxRecords` records, each with its own ID declarations and one
        /// function.
        case files(maxRecords: Int)

        /// The shape `Data/` follows, chosen by the data compile-time benchmark
        /// (BENCHMARKS.md): one function of at most 500 records per file.
        public static let recommended = DataShape.files(maxRecords: 500)

        /// Parses `one-per-kind`, `functions:200` or `files:500`.
        public init?(argument: String) {
            let parts = argument.split(separator: ":")
            switch (parts.first, parts.count == 2 ? Int(parts[1]) : nil) {
            case ("one-per-kind", _) where parts.count == 1: self = .onePerKind
            case ("functions", let limit?) where limit > 0: self = .functions(maxRecords: limit)
            case ("files", let limit?) where limit > 0: self = .files(maxRecords: limit)
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .onePerKind: "one-per-kind"
            case .functions(let limit): "functions:\(limit)"
            case .files(let limit): "files:\(limit)"
            }
        }
    }

    /// Swift source in the shape of `Data/`: for each kind of record, ID declarations
    /// (`public static let x = Person.ID("x")`) and one `add(...)` statement per record in
    /// `mutating func addX()` functions of an `extension Registry`, plus a file whose
    /// `Registry.synthetic` calls them all.
    ///
    /// - Parameters:
    ///   - records: How many `add` statements to write, all kinds together (at least about 100).
    ///   - seed: The seed of the synthetic registry the source describes.
    ///   - shape: How the statements are spread over files and functions.
    /// - Returns: File name -> contents, for a module that depends on `Registry`.
    public static func swiftSource(
        records: Int, seed: UInt64, shape: DataShape = .recommended
    ) -> [String: String] {
        SwiftSourceWriter(registry: make(records: records, seed: seed)).files(
            shape: shape, header: "records: \(records), seed: \(seed), shape: \(shape)")
    }
}

/// Renders a registry as the Swift statements staff would write in `Data/`.
private struct SwiftSourceWriter {
    let registry: Registry
    /// Raw ID -> Swift identifier, per kind of ID.
    var names: [String: [String: String]] = [:]

    /// One kind of record: the statements in order, and the ID declarations among them.
    struct Kind {
        let name: String
        let idType: String?
        var statements: [(declaration: String?, statement: String)] = []
    }

    init(registry: Registry) {
        self.registry = registry
        name("Document", registry.documents.map(\.id.rawValue))
        name("Municipality", registry.municipalities.map(\.id.rawValue))
        name("Person", registry.people.map(\.id.rawValue))
        name("Body", registry.bodies.map(\.id.rawValue))
        name("Meeting", registry.meetings.map(\.id.rawValue))
        name("Decision", registry.decisions.map(\.id.rawValue))
    }

    mutating func name(_ type: String, _ rawValues: [String]) {
        var table: [String: String] = [:]
        var used: [String: Int] = [:]
        for raw in rawValues where table[raw] == nil {
            let base = Self.identifier(raw)
            let count = used[base, default: 0] + 1
            used[base] = count
            table[raw] = count == 1 ? base : "\(base)\(count)"
        }
        names[type] = table
    }

    /// `kdm-2026-04-10` -> `kdm20260410`, `anna-svensson` -> `annaSvensson`.
    static func identifier(_ raw: String) -> String {
        let words = Text.slug(raw).split(separator: "-")
        var result = ""
        for (index, word) in words.enumerated() {
            if index == 0 || result.last?.isNumber == true && word.first?.isNumber == true {
                result += word
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if result.isEmpty || result.first!.isNumber { result = "id" + result }
        return keywords.contains(result) ? "`\(result)`" : result
    }

    static let keywords: Set<String> = [
        "as", "case", "class", "default", "do", "else", "for", "func", "if", "in", "is", "let", "nil",
        "return", "self", "static", "struct", "switch", "true", "false", "var", "while", "init",
        "description", "rawValue",
    ]

    func ref(_ type: String, _ raw: String) -> String { "." + names[type]![raw]! }

    func declaration(_ type: String, _ raw: String) -> String {
        "    public static let \(names[type]![raw]!) = \(type).ID(\(Self.literal(raw)))"
    }

    // MARK: Files

    func files(shape: SyntheticRegistry.DataShape, header: String) -> [String: String] {
        let kinds = [
            documents(), municipalities(), people(), bodies(), memberships(), staff(), meetings(),
            decisions(),
        ]
        let banner = "// Generated by SyntheticRegistry.swiftSource(\(header)).\n\n"
        var files: [String: String] = [:]
        var calls: [String] = []
        for kind in kinds {
            switch shape {
            case .onePerKind:
                files["\(kind.name).swift"] =
                    banner + file(kind: kind, chunks: [(kind.statements[...], "add\(kind.name)")])
                calls.append("add\(kind.name)")
            case .functions(let limit):
                let chunks = kind.statements.chunked(limit).enumerated().map {
                    ($1, "add\(kind.name)\($0 + 1)")
                }
                files["\(kind.name).swift"] = banner + file(kind: kind, chunks: chunks)
                calls += chunks.map(\.1)
            case .files(let limit):
                for (index, chunk) in kind.statements.chunked(limit).enumerated() {
                    let function = "add\(kind.name)\(index + 1)"
                    files["\(kind.name)\(index + 1).swift"] =
                        banner + file(kind: kind, chunks: [(chunk, function)])
                    calls.append(function)
                }
            }
        }
        files["Registry+Synthetic.swift"] =
            banner + """
                public import Registry

                extension Registry {
                    /// The synthetic registry as written in this module.
                    public static let synthetic: Registry = {
                        var registry = Registry()
                \(calls.map { "        registry.\($0)()\n" }.joined())        return registry
                    }()
                }

                """
        return files
    }

    func file(kind: Kind, chunks: [(ArraySlice<(declaration: String?, statement: String)>, String)]) -> String
    {
        let declarations = chunks.flatMap { $0.0.compactMap(\.declaration) }
        var text = declarations.isEmpty ? "import Registry\n" : "public import Registry\n"
        if let idType = kind.idType, !declarations.isEmpty {
            text += "\nextension \(idType) {\n" + declarations.joined(separator: "\n") + "\n}\n"
        }
        text += "\nextension Registry {\n"
        for (index, (statements, function)) in chunks.enumerated() {
            if index > 0 { text += "\n" }
            text += "    mutating func \(function)() {\n"
            for statement in statements { text += statement.statement + "\n" }
            text += "    }\n"
        }
        return text + "}\n"
    }

    // MARK: Records

    func documents() -> Kind {
        var kind = Kind(name: "Documents", idType: "Document.ID")
        for record in registry.documents {
            kind.statements.append(
                (
                    declaration("Document", record.id.rawValue),
                    Self.add(
                        "Document",
                        [
                            ref("Document", record.id.rawValue), "title: " + Self.literal(record.title),
                            "date: " + Self.day(record.date),
                        ])
                ))
        }
        return kind
    }

    func municipalities() -> Kind {
        var kind = Kind(name: "Municipalities", idType: "Municipality.ID")
        for record in registry.municipalities {
            kind.statements.append(
                (
                    declaration("Municipality", record.id.rawValue),
                    Self.add(
                        "Municipality",
                        [
                            ref("Municipality", record.id.rawValue), "name: " + Self.literal(record.name),
                            "officialName: " + Self.literal(record.officialName), source(record.source),
                        ])
                ))
        }
        return kind
    }

    func people() -> Kind {
        var kind = Kind(name: "People", idType: "Person.ID")
        for record in registry.people {
            var arguments = [ref("Person", record.id.rawValue), "name: " + Self.literal(record.name)]
            if let email = record.email { arguments.append("email: " + Self.literal(email)) }
            arguments.append(source(record.source))
            kind.statements.append((declaration("Person", record.id.rawValue), Self.add("Person", arguments)))
        }
        return kind
    }

    func bodies() -> Kind {
        var kind = Kind(name: "Bodies", idType: "Body.ID")
        for record in registry.bodies {
            var arguments = [
                ref("Body", record.id.rawValue), "name: " + Self.literal(record.name),
                "kind: ." + Self.kindName(record.kind), "lifecycle: " + Self.lifecycle(record.lifecycle),
            ]
            if let parent = record.parent { arguments.append("parent: " + ref("Body", parent.rawValue)) }
            if let municipality = record.municipality {
                arguments.append("municipality: " + ref("Municipality", municipality.rawValue))
            }
            if let purpose = record.purpose { arguments.append("purpose: " + Self.literal(purpose)) }
            arguments.append(source(record.source))
            kind.statements.append((declaration("Body", record.id.rawValue), Self.add("Body", arguments)))
        }
        return kind
    }

    func memberships() -> Kind {
        var kind = Kind(name: "Memberships", idType: nil)
        for record in registry.memberships {
            var arguments = [
                ref("Person", record.person.rawValue), "in: " + ref("Body", record.body.rawValue),
                "as: ." + Self.roleName(record.role),
            ]
            if let municipality = record.municipality {
                arguments.append("for: " + ref("Municipality", municipality.rawValue))
            }
            if let from = record.from { arguments.append("from: " + Self.day(from)) }
            if let to = record.to { arguments.append("to: " + Self.day(to)) }
            if record.acting { arguments.append("acting: true") }
            if record.shared { arguments.append("shared: true") }
            arguments.append(source(record.source))
            kind.statements.append((nil, Self.add("Membership", arguments)))
        }
        return kind
    }

    func staff() -> Kind {
        var kind = Kind(name: "Staff", idType: nil)
        for record in registry.appointments {
            var arguments = [
                ref("Person", record.person.rawValue), "in: " + ref("Body", record.body.rawValue),
                "title: " + Self.literal(record.title), "starts: " + Self.day(record.starts),
            ]
            if let ends = record.ends { arguments.append("ends: " + Self.day(ends)) }
            arguments.append(source(record.source))
            kind.statements.append((nil, Self.add("StaffAppointment", arguments)))
        }
        return kind
    }

    func meetings() -> Kind {
        var kind = Kind(name: "Meetings", idType: "Meeting.ID")
        let indent = String(repeating: " ", count: 20)
        for record in registry.meetings {
            var arguments = [
                ref("Meeting", record.id.rawValue), "of: " + ref("Body", record.body.rawValue),
                "title: " + Self.literal(record.title), "time: " + Self.time(record.time),
            ]
            if let place = record.place { arguments.append("place: " + Self.literal(place)) }
            if let remote = record.remote { arguments.append("remote: " + Self.literal(remote)) }
            if record.status == .cancelled { arguments.append("status: .cancelled") }
            if !record.attendance.isEmpty {
                let rows = record.attendance.map { attendance -> String in
                    var parts = [ref("Person", attendance.person.rawValue)]
                    if let municipality = attendance.municipality {
                        parts.append("for: " + ref("Municipality", municipality.rawValue))
                    }
                    parts.append("." + attendance.mode.rawValue)
                    return "\(indent)Attendance(\(parts.joined(separator: ", "))),"
                }
                arguments.append("attendance: [\n" + rows.joined(separator: "\n") + "\n                ]")
            }
            if !record.agenda.isEmpty {
                let rows = record.agenda.map { item -> String in
                    var parts = [String(item.number), Self.literal(item.title, indent: 24)]
                    if let summary = item.summary {
                        parts.append("summary: " + Self.literal(summary, indent: 24))
                    }
                    if !item.presenters.isEmpty {
                        parts.append(
                            "presenters: ["
                                + item.presenters.map { ref("Person", $0.rawValue) }.joined(separator: ", ")
                                + "]")
                    }
                    if parts.contains(where: { $0.contains("\n") }) {
                        return "\(indent)AgendaItem(\n\(indent)    "
                            + parts.joined(separator: ",\n\(indent)    ") + "),"
                    }
                    return "\(indent)AgendaItem(\(parts.joined(separator: ", "))),"
                }
                arguments.append("agenda: [\n" + rows.joined(separator: "\n") + "\n                ]")
            }
            arguments.append(source(record.source))
            kind.statements.append(
                (declaration("Meeting", record.id.rawValue), Self.add("Meeting", arguments)))
        }
        return kind
    }

    func decisions() -> Kind {
        var kind = Kind(name: "Decisions", idType: "Decision.ID")
        for record in registry.decisions {
            var arguments = [
                ref("Decision", record.id.rawValue), "at: " + ref("Meeting", record.meeting.rawValue),
                "item: \(record.item)", "title: " + Self.literal(record.title),
                "text: " + Self.literal(record.text),
            ]
            if let deadline = record.deadline { arguments.append("deadline: " + Self.day(deadline)) }
            if !record.actors.isEmpty {
                let actors = record.actors.map { actor -> String in
                    switch actor {
                    case .person(let id): ".person(\(ref("Person", id.rawValue)))"
                    case .body(let id): ".body(\(ref("Body", id.rawValue)))"
                    case .municipality(let id): ".municipality(\(ref("Municipality", id.rawValue)))"
                    case .everyMunicipality: ".everyMunicipality"
                    }
                }
                arguments.append("actors: [" + actors.joined(separator: ", ") + "]")
            }
            arguments.append(source(record.source))
            kind.statements.append(
                (declaration("Decision", record.id.rawValue), Self.add("Decision", arguments)))
        }
        return kind
    }

    // MARK: Values

    func source(_ source: Source) -> String {
        let document = ref("Document", source.document.rawValue)
        guard let item = source.item else { return "source: Source(\(document))" }
        return "source: Source(\(document), item: \(Self.literal(item)))"
    }

    static func day(_ day: Day) -> String { "Day(\(day.year), \(day.month), \(day.day))" }

    static func localTime(_ time: LocalTime) -> String { "LocalTime(\(time.hour), \(time.minute))" }

    static func time(_ time: MeetingTime) -> String {
        switch time {
        case .timed(let day, let from, let to):
            ".timed(\(Self.day(day)), from: \(localTime(from)), to: \(localTime(to)))"
        case .day(let day): ".day(\(Self.day(day)))"
        case .month(let year, let month): ".month(year: \(year), month: \(month))"
        }
    }

    static func lifecycle(_ lifecycle: Lifecycle) -> String {
        if lifecycle == .established { return ".established" }
        let parts = lifecycle.milestones.map { stage, start -> String in
            switch start {
            case .on(let day): "\(stage.rawValue): .on(\(Self.day(day)))"
            case .beforeRecords: "\(stage.rawValue): .beforeRecords"
            }
        }
        return "Lifecycle(\(parts.joined(separator: ", ")))"
    }

    static func kindName(_ kind: Body.Kind) -> String {
        switch kind {
        case .directorsGroup: "directorsGroup"
        case .secretariat: "secretariat"
        case .network: "network"
        case .workingGroup: "workingGroup"
        case .external: "external"
        }
    }

    static func roleName(_ role: Role) -> String {
        let known: [Role: String] = [
            .director: "director", .head: "head", .secretariatHead: "secretariatHead", .member: "member",
            .lead: "lead", .presenter: "presenter",
        ]
        return known[role]!
    }

    /// A string literal; a long text becomes `"…" + "…"` pieces on their own lines, the
    /// way the secretariat writes long summaries.
    static func literal(_ text: String, indent: Int = 16) -> String {
        let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        guard escaped.count > 90 else { return "\"\(escaped)\"" }
        var pieces: [String] = []
        var piece = ""
        for word in escaped.split(separator: " ", omittingEmptySubsequences: false) {
            if !piece.isEmpty && piece.count + word.count > 84 {
                pieces.append(piece)
                piece = ""
            }
            piece += word + " "
        }
        pieces.append(String(piece.dropLast()))
        let pad = "\n" + String(repeating: " ", count: indent + 4)
        return pad + pieces.enumerated().map { ($0 == 0 ? "" : "+ ") + "\"\($1)\"" }.joined(separator: pad)
    }

    /// `add(Type(arguments))`, wrapped the way swift-format lays out `Data/`.
    static func add(_ type: String, _ arguments: [String]) -> String {
        let pad = String(repeating: " ", count: 16)
        var lines: [String] = []
        var line = ""
        for (index, argument) in arguments.enumerated() {
            let piece = argument + (index == arguments.count - 1 ? "))" : ",")
            if piece.contains("\n") || line.count + piece.count + 1 > 110 - 16 {
                if !line.isEmpty { lines.append(line) }
                line = piece
                if piece.contains("\n") {
                    lines.append(line)
                    line = ""
                }
            } else {
                line += line.isEmpty ? piece : " " + piece
            }
        }
        if !line.isEmpty { lines.append(line) }
        return "        add(\n            \(type)(\n" + lines.map { pad + $0 }.joined(separator: "\n")
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    fileprivate func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
