/// The municipalities and bodies events carry, each distinct set stored once. A large
/// registry's events repeat few combinations (a body's seats meeting after meeting, every
/// municipality deadline after deadline): a set of its own for each event was much of the
/// memory the events took, and building it much of their time.
struct EventSets {
    let seats: SeatIndex
    /// Sets by the look-up's marks, so a repeated look-up builds nothing.
    private var municipalities: [SeatIndex.Marks: Set<Municipality.ID>] = [:]
    private var singleBodies: [Body.ID: Set<Body.ID>] = [:]
    private var bodies: Set<Set<Body.ID>> = []

    init(_ seats: SeatIndex) { self.seats = seats }

    /// The municipalities `marks` names, as every event with these marks holds them.
    mutating func municipalities(_ marks: SeatIndex.Marks) -> Set<Municipality.ID> {
        if let known = municipalities[marks] { return known }
        let set = seats.municipalities(marked: marks)
        municipalities[marks] = set
        return set
    }

    /// A set of one body.
    mutating func bodies(_ body: Body.ID) -> Set<Body.ID> {
        if let known = singleBodies[body] { return known }
        singleBodies[body] = [body]
        return [body]
    }

    mutating func bodies(_ set: Set<Body.ID>) -> Set<Body.ID> {
        set.count == 1 ? bodies(set.first!) : bodies.insert(set).memberAfterInsert
    }
}
