// The registry as a whole: every file's records, added in order. Staff do not need to
// edit this file unless they add a new kind of record.

public import Registry

extension Registry {
    /// The Familjen Helsingborg registry as written in `Data/`.
    public static let familjenHelsingborg: Registry = {
        var registry = Registry()
        registry.addConfiguration()
        registry.addDocuments()
        registry.addMunicipalities()
        registry.addPeople()
        registry.addBodies()
        registry.addMemberships()
        registry.addStaff()
        registry.addMeetings()
        registry.addDecisions()
        registry.addResponses()
        return registry
    }()
}
