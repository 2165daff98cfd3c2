// Roles: every role a membership can take, in one list. Use the name on the left
// (`as: .director`); readers see the title on the right.
//
//     .director          kommundirektör
//     .head              chef
//     .secretariatHead   sekretariatschef
//     .member            ledamot
//     .lead              sammankallande
//     .presenter         föredragande
//     .secretary         sekreterare
//
// The first six are built in; a role the collaboration needs beyond them is declared
// here, with a stable ASCII key (used in IDs and JSON) and its Swedish title, and added
// to `Role.known`:
//
//     public static let chair = Role(key: "chair", title: "ordförande")

public import Registry

extension Role {
    public static let secretary = Role(key: "secretary", title: "sekreterare")

    /// Every role, as listed above: `samverkan add membership` and the importer choose among these.
    public static let known: [Role] = [
        .director, .head, .secretariatHead, .member, .lead, .presenter, .secretary,
    ]
}
