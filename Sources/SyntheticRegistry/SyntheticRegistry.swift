public import Registry

/// Synthetic registries for benchmarks: the shape of Familjen Helsingborg's data at any size.
///
/// Everything is derived from the seed with ``SplitMix64``: the same `events` and `seed`
/// give an identical registry on every machine. Text is Swedish, with å, ä and ö, commas,
/// semicolons and the occasional long summary; meetings fall on weekdays in business hours
/// (Europe/Stockholm) over six years, some of them in the weeks daylight saving time
/// starts and ends. A larger registry has more municipalities, bodies and people, not
/// larger bodies: a network or group keeps tens of people at most, the secretariat a
/// handful and the directors' group one director per municipality, meeting about ten
/// times a year. So the personal feeds together grow with the events, not with events ×
/// people.
///
///     let registry = SyntheticRegistry.make(events: 100_000, seed: 42)
public struct SyntheticRegistry {
    /// A registry whose calendar holds `events` events: about 60 % meetings, 30 % decision
    /// deadlines and 10 % staff start dates.
    ///
    /// - Parameters:
    ///   - events: Meetings (each has a day), decisions with a deadline and staff
    ///     appointments, together. Other records (people, bodies, memberships, documents,
    ///     decisions without deadline) are scaled to match.
    ///   - seed: Any value; the same seed gives the same registry.
    /// - Returns: A registry in which every reference resolves to a record.
    public static func make(events: Int, seed: UInt64) -> Registry {
        Generator(plan: Plan(events: events), seed: seed).build()
    }

    /// How many events ``make(events:seed:)`` puts in a registry: meetings with a day,
    /// decisions with a deadline and staff start dates.
    public static func eventCount(of registry: Registry) -> Int {
        registry.meetings.count(where: { $0.time.day != nil })
            + registry.decisions.count(where: { $0.deadline != nil })
            + registry.appointments.count
    }

    /// How many records (`add` statements) a registry holds.
    public static func recordCount(of registry: Registry) -> Int {
        registry.documents.count + registry.municipalities.count + registry.people.count
            + registry.bodies.count + registry.memberships.count + registry.appointments.count
            + registry.meetings.count + registry.decisions.count
    }

    /// A registry of exactly `records` records (at least about 100), for the source generator.
    static func make(records: Int, seed: UInt64) -> Registry {
        Generator(plan: Plan(records: records), seed: seed).build()
    }
}

/// How many records of each kind a synthetic registry has. Every count is a function of
/// the size asked for, not of the random numbers, so sizes are exact.
struct Plan: Equatable {
    var meetings: Int
    var deadlines: Int
    var otherDecisions: Int
    var appointments: Int
    var municipalities: Int
    /// Including the directors' group and the secretariat.
    var bodies: Int
    var people: Int
    let years = 2023...2028

    init(events: Int) {
        let events = max(events, 0)
        meetings = events * 6 / 10
        deadlines = events * 3 / 10
        appointments = events - meetings - deadlines
        otherDecisions = deadlines / 2
        municipalities = max(11, events / 1000)
        bodies = max(6, events / 200)
        people = max(2 * municipalities + 20, events / 8)
    }

    /// The largest plan with no more than `records` records, topped up with decisions
    /// that have no deadline until the count is exact.
    init(records: Int) {
        var low = 0
        var high = max(records, 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if Plan(events: middle).records <= records { low = middle } else { high = middle - 1 }
        }
        self.init(events: low)
        otherDecisions += max(0, records - self.records)
    }

    /// Seats per body other than the directors' group and the secretariat.
    static func members(ofBody index: Int) -> Int { 3 + index % 6 }

    /// Staff appointments in the secretariat over the whole period: a handful, however
    /// large the registry. The other appointments are spread over the networks and groups,
    /// so no body's staff grows with the registry and neither do the personal feeds of
    /// those who sit in it.
    static let secretariatAppointments = 6

    /// Decisions that ask every municipality, each of which reaches every representative's
    /// feed: at most ten a year, however large the registry.
    var everyMunicipalityDecisions: Int { 10 * years.count }

    /// Every how many meetings one is the directors' group's: every eighth in a small
    /// registry, and never more than about ten a year, since the group has one director
    /// per municipality and each of its meetings reaches all of their feeds.
    var directorsMeetingStride: Int { max(8, meetings / (10 * years.count)) }

    /// Municipalities whose director changes during the period.
    static func hasSuccession(_ municipality: Int) -> Bool { municipality % 3 == 2 }

    var documents: Int { bodies * years.count }

    var memberships: Int {
        let directors = (0..<municipalities).reduce(0) { $0 + (Plan.hasSuccession($1) ? 2 : 1) }
        let others = (2..<bodies).reduce(0) { $0 + Plan.members(ofBody: $1) }
        return directors + 2 + others
    }

    var records: Int {
        documents + municipalities + people + bodies + memberships + appointments + meetings
            + deadlines + otherDecisions
    }
}

/// Builds one registry from a plan, drawing every choice from one random sequence.
private struct Generator {
    let plan: Plan
    var random: SplitMix64

    var registry = Registry()
    var municipalityIDs: [Municipality.ID] = []
    var personIDs: [Person.ID] = []
    var personNames: [String] = []
    var bodyIDs: [Body.ID] = []
    var bodyNames: [String] = []
    var bodyTopics: [String] = []
    /// Who sits in each body (index into `personIDs`), for attendance lists.
    var seats: [[(person: Int, municipality: Municipality.ID?)]] = []
    /// The day each succeeding director takes over, by municipality index.
    var successionDays: [Int: Day] = [:]

    init(plan: Plan, seed: UInt64) {
        self.plan = plan
        self.random = SplitMix64(seed: seed)
    }

    consuming func build() -> Registry {
        nameBodies()
        addMunicipalities()
        addDocuments()
        addPeople()
        addBodies()
        addMemberships()
        addAppointments()
        let meetings = addMeetings()
        addDecisions(meetings: meetings)
        return registry
    }

    // MARK: Municipalities, documents, people, bodies

    mutating func addMunicipalities() {
        var used = Set<String>()
        for index in 0..<plan.municipalities {
            let name: String
            let official: String
            if index < SwedishText.municipalities.count {
                (name, official) = SwedishText.municipalities[index]
            } else {
                var candidate = ""
                repeat {
                    candidate =
                        random.pick(SwedishText.placePrefixes) + random.pick(SwedishText.placeSuffixes)
                    if used.count >= 250 { candidate += " \(index)" }
                } while used.contains(candidate)
                name = candidate
                official = "\(candidate)\(candidate.hasSuffix("s") ? "" : "s") kommun"
            }
            used.insert(name)
            let id = Municipality.ID(Text.slug(name))
            municipalityIDs.append(id)
            registry.add(
                Municipality(
                    id, name: name, officialName: official, source: Source(document(body: 0, year: 0))))
        }
    }

    mutating func nameBodies() {
        var used = Set<String>()
        bodyNames = ["Kommundirektörerna", "Sekretariatet"]
        bodyTopics = ["samverkan i Familjen Helsingborg", "samordning"]
        for index in 2..<plan.bodies {
            let topic = random.pick(SwedishText.topics)
            var name = "\(random.pick(SwedishText.bodyPrefixes)) \(topic)"
            if used.contains(name) { name += ", grupp \(index)" }
            used.insert(name)
            bodyNames.append(name)
            bodyTopics.append(topic)
        }
        bodyIDs = bodyNames.map { Body.ID(Text.slug($0)) }
    }

    func document(body: Int, year: Int) -> Document.ID {
        Document.ID("\(bodyIDs[body].rawValue)-plan-\(plan.years.lowerBound + year)")
    }

    mutating func addDocuments() {
        for body in 0..<plan.bodies {
            for (offset, year) in plan.years.enumerated() {
                registry.add(
                    Document(
                        document(body: body, year: offset),
                        title: "Sammanträdesplan \(year), \(bodyNames[body])",
                        date: Day(year - 1, 12, random.int(in: 1...20))))
            }
        }
    }

    mutating func addPeople() {
        var used: [String: Int] = [:]
        for _ in 0..<plan.people {
            let first = random.pick(SwedishText.firstNames)
            var last = random.pick(SwedishText.lastNames)
            if random.chance(0.05) { last += " \(random.pick(SwedishText.lastNames))" }
            let name = "\(first) \(last)"
            let base = Text.slug(name)
            let count = used[base, default: 0] + 1
            used[base] = count
            let id = Person.ID(count == 1 ? base : "\(base)-\(count)")
            let email: String? =
                random.chance(0.3)
                ? "\(Text.slug(first)).\(Text.slug(last))\(count == 1 ? "" : String(count))@\(random.pick(municipalityIDs)).se"
                : nil
            personIDs.append(id)
            personNames.append(name)
            registry.add(Person(id, name: name, email: email, source: Source(document(body: 0, year: 0))))
        }
    }

    mutating func addBodies() {
        let first = plan.years.lowerBound
        for index in 0..<plan.bodies {
            let kind: Body.Kind
            let lifecycle: Lifecycle
            switch index {
            case 0: (kind, lifecycle) = (.directorsGroup, .established)
            case 1: (kind, lifecycle) = (.secretariat, .established)
            default:
                kind = bodyNames[index].hasPrefix("Nätverket") ? .network : .workingGroup
                let roll = random.int(in: 0...9)
                if roll == 0 {
                    lifecycle = Lifecycle(
                        proposed: .on(Day(first - 1, random.int(in: 3...9), random.int(in: 1...28))),
                        active: .on(Day(first - 1, 12, 1)))
                } else if roll == 1 {
                    lifecycle = Lifecycle(
                        active: .beforeRecords, closed: .on(Day(plan.years.upperBound + 1, 1, 1)))
                } else {
                    lifecycle = .established
                }
            }
            let topic = bodyTopics[index]
            var purpose = "Samverkan inom \(topic) mellan Familjen Helsingborgs kommuner."
            if random.chance(0.1) { purpose += " " + longText(sentences: random.int(in: 2...4)) }
            registry.add(
                Body(
                    bodyIDs[index], name: bodyNames[index], kind: kind, lifecycle: lifecycle,
                    parent: index == 0 ? nil : bodyIDs[0], purpose: purpose,
                    source: Source(document(body: index, year: 0), item: "1")))
        }
    }

    // MARK: Memberships and appointments

    mutating func addMemberships() {
        let source = Source(document(body: 0, year: 0))
        let directors = plan.municipalities
        seats = Array(repeating: [], count: plan.bodies)
        for index in 0..<directors {
            let municipality = municipalityIDs[index]
            let director = personIDs[index]
            seats[0].append((index, municipality))
            if Plan.hasSuccession(index) {
                let day = Day(random.int(in: plan.years), random.int(in: 1...12), 1)
                let successor = personIDs[directors + index]
                successionDays[index] = day
                registry.add(
                    Membership(
                        director, in: bodyIDs[0], as: .director, for: municipality, to: day, source: source))
                registry.add(
                    Membership(
                        successor, in: bodyIDs[0], as: .director, for: municipality, from: day,
                        acting: random.chance(0.3),
                        source: Source(document(body: 0, year: day.year - plan.years.lowerBound), item: "4")))
            } else {
                registry.add(
                    Membership(director, in: bodyIDs[0], as: .director, for: municipality, source: source))
            }
        }
        let head = personIDs[2 * directors]
        registry.add(Membership(head, in: bodyIDs[1], as: .secretariatHead, acting: true, source: source))
        registry.add(Membership(head, in: bodyIDs[0], as: .presenter, source: source))
        seats[1].append((2 * directors, nil))

        for body in 2..<plan.bodies {
            var members = Set<Int>()
            for seat in 0..<Plan.members(ofBody: body) {
                var personIndex: Int
                repeat {
                    personIndex = random.int(in: 0...personIDs.count - 1)
                } while members.contains(personIndex)
                members.insert(personIndex)
                let person = personIDs[personIndex]
                let municipality = random.pick(municipalityIDs)
                let from: Day? =
                    random.chance(0.3)
                    ? Day(random.int(in: plan.years), random.int(in: 1...12), random.int(in: 1...28)) : nil
                seats[body].append((personIndex, municipality))
                registry.add(
                    Membership(
                        person, in: bodyIDs[body], as: seat == 0 ? .lead : .member, for: municipality,
                        from: from,
                        source: Source(document(body: body, year: 0), item: "2")))
            }
        }
    }

    mutating func addAppointments() {
        var used = Set<String>()
        var secretariatStaff = 0
        for index in 0..<plan.appointments {
            var person: Person.ID
            var body: Int
            repeat {
                person = personIDs[(index &* 7 &+ random.int(in: 0...3)) % personIDs.count]
                let inSecretariat = random.chance(0.3) && secretariatStaff < Plan.secretariatAppointments
                body = inSecretariat ? 1 : random.int(in: 2...plan.bodies - 1)
            } while !used.insert("\(person.rawValue).\(bodyIDs[body].rawValue)").inserted
            if body == 1 { secretariatStaff += 1 }
            let year = random.int(in: plan.years)
            let starts = Day(year, random.int(in: 1...12), random.chance(0.7) ? 1 : random.int(in: 2...28))
            // Most posts are for a project of half a year to two years, so a group has a
            // few staff at a time, as the real bodies do, not every post of six years.
            let ends: Day? = random.chance(0.7) ? starts.adding(days: random.int(in: 180...720)) : nil
            registry.add(
                StaffAppointment(
                    person, in: bodyIDs[body],
                    title: "\(random.pick(SwedishText.roleTitles)) för \(random.pick(SwedishText.topics))",
                    starts: starts, ends: ends,
                    source: Source(document(body: body, year: year - plan.years.lowerBound), item: "3")))
        }
    }

    // MARK: Meetings and decisions

    /// The weekdays a meeting may fall on, the DST-change weeks first.
    func dstWeekDays() -> [Day] {
        plan.years.flatMap { year -> [Day] in
            [3, 10].flatMap { month -> [Day] in
                let lastSunday = (25...31).map { Day(year, month, $0) }.first { $0.weekday == 7 }!
                // The Friday before the change and the Monday and Tuesday after it.
                return [lastSunday.adding(days: -2), lastSunday.adding(days: 1), lastSunday.adding(days: 2)]
            }
        }
    }

    mutating func businessDay() -> Day {
        let first = Day(plan.years.lowerBound, 1, 1).daysSinceEpoch
        let last = Day(plan.years.upperBound, 12, 31).daysSinceEpoch
        var day: Day
        repeat { day = Day(daysSinceEpoch: random.int(in: first...last)) } while day.weekday > 5
        return day
    }

    /// Adds the meetings and returns them with the index of their body.
    mutating func addMeetings() -> [(meeting: Meeting, body: Int)] {
        let forced = dstWeekDays()
        var used = Set<String>()
        var meetings: [(meeting: Meeting, body: Int)] = []
        meetings.reserveCapacity(plan.meetings)
        for index in 0..<plan.meetings {
            let body = index % plan.directorsMeetingStride == 0 ? 0 : random.int(in: 1...plan.bodies - 1)
            let day = index < forced.count ? forced[index] : businessDay()
            var raw = "\(bodyIDs[body].rawValue)-\(day)"
            if !used.insert(raw).inserted {
                var suffix = 2
                while !used.insert("\(raw)-\(suffix)").inserted { suffix += 1 }
                raw += "-\(suffix)"
            }
            let time: MeetingTime
            if random.chance(0.08) {
                time = .day(day)
            } else {
                let start = random.int(in: 16...30)  // half hours: 08:00 … 15:00
                let end = min(start + random.int(in: 2...6), 34)
                time = .timed(
                    day, from: LocalTime(start / 2, start % 2 * 30), to: LocalTime(end / 2, end % 2 * 30))
            }
            let agenda = agenda(body: body)
            let attendance = attendance(body: body, day: day)
            let meeting = Meeting(
                Meeting.ID(raw), of: bodyIDs[body],
                title: body == 0 ? "Kommundirektörsmöte" : "Möte: \(bodyNames[body])", time: time,
                place: random.chance(0.85) ? random.pick(SwedishText.places) : nil,
                remote: random.chance(0.5) ? "Teams" : nil,
                status: random.chance(0.04) ? .cancelled : .scheduled, attendance: attendance, agenda: agenda,
                source: Source(document(body: body, year: day.year - plan.years.lowerBound)))
            meetings.append((meeting, body))
            registry.add(meeting)
        }
        return meetings
    }

    /// A meeting's agenda: an opening item, three to six on the body's topic or others,
    /// and a closing item.
    private mutating func agenda(body: Int) -> [AgendaItem] {
        let topic = bodyTopics[body]
        var agenda = [AgendaItem(1, random.pick(SwedishText.openingItems))]
        for number in 2...random.int(in: 3...6) {
            let form = random.pick(SwedishText.itemForms)
            let itemTopic = random.chance(0.6) ? topic : random.pick(SwedishText.topics)
            let summary: String? =
                random.chance(0.05)
                ? longText(sentences: random.int(in: 3...8))
                : random.chance(0.3) ? "Diskussion om \(itemTopic); beslut fattas vid behov." : nil
            let presenters = random.chance(0.3) ? [personIDs[random.pick(seats[body]).person]] : []
            agenda.append(
                AgendaItem(
                    number, form.replacingPercent(with: itemTopic), summary: summary, presenters: presenters))
        }
        agenda.append(AgendaItem(agenda.count + 1, random.pick(SwedishText.closingItems)))
        return agenda
    }

    /// Who attended, for six meetings in ten: each seat's holder on `day`.
    private mutating func attendance(body: Int, day: Day) -> [Attendance] {
        var attendance: [Attendance] = []
        guard random.chance(0.6) else { return attendance }
        for (seat, (personIndex, municipality)) in seats[body].enumerated() {
            var person = personIDs[personIndex]
            if body == 0, let switched = successionDays[seat], day >= switched {
                person = personIDs[plan.municipalities + seat]
            }
            let roll = random.int(in: 0...9)
            attendance.append(
                Attendance(person, for: municipality, roll < 6 ? .present : roll < 9 ? .remote : .absent))
        }
        return attendance
    }

    mutating func addDecisions(meetings: [(meeting: Meeting, body: Int)]) {
        guard !meetings.isEmpty else { return }
        var perMeeting: [Int: Int] = [:]
        var askingEveryMunicipality = 0
        for index in 0..<(plan.deadlines + plan.otherDecisions) {
            let meetingIndex = random.int(in: 0...meetings.count - 1)
            let (meeting, body) = meetings[meetingIndex]
            let count = perMeeting[meetingIndex, default: 0] + 1
            perMeeting[meetingIndex] = count
            let items = meeting.agenda.dropFirst().dropLast()
            let item =
                items.isEmpty
                ? meeting.agenda[0] : items[random.int(in: items.startIndex...items.endIndex - 1)]
            let topic = random.chance(0.7) ? bodyTopics[body] : random.pick(SwedishText.topics)

            let actors: [Decision.Actor]
            let who: String
            switch random.int(in: 0...5) {
            case 0 where askingEveryMunicipality < plan.everyMunicipalityDecisions:
                askingEveryMunicipality += 1
                actors = [.everyMunicipality]
                who = "varje kommun"
            case 1:
                let municipality = random.pick(municipalityIDs)
                actors = [.municipality(municipality), .body(bodyIDs[1])]
                who = "sekretariatet"
            case 2:
                let seat = random.pick(seats[body])
                actors = [.person(personIDs[seat.person])]
                who = personNames[seat.person]
            default:
                actors = [.body(meeting.body)]
                who = body == 0 ? "kommundirektörerna" : bodyNames[body].lowercasedFirst
            }
            var text = random.pick(SwedishText.decisionForms).replacingPercent(with: topic)
                .replacingAt(with: who)
            if random.chance(0.05) { text += " " + longText(sentences: random.int(in: 4...10)) }
            let deadline: Day? =
                index < plan.deadlines ? meeting.time.sortDay.adding(days: random.int(in: 14...150)) : nil
            registry.add(
                Decision(
                    Decision.ID("\(meeting.id.rawValue)-beslut-\(count)"), at: meeting.id, item: item.number,
                    title: item.title, text: text, deadline: deadline, actors: actors,
                    source: Source(meeting.source.document, item: String(item.number))))
        }
    }

    mutating func longText(sentences: Int) -> String {
        (0..<sentences).map { _ in random.pick(SwedishText.longSentences) }.joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingPercent(with value: String) -> String {
        split(separator: "%", omittingEmptySubsequences: false).joined(separator: value)
    }

    fileprivate func replacingAt(with value: String) -> String {
        split(separator: "@", omittingEmptySubsequences: false).joined(separator: value)
    }

    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
