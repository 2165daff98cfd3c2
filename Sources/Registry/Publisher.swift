/// Who stands behind the published site, and how a reader reaches them. A contact that is
/// not known stays nil: the pages then say so plainly rather than show a guessed address.
public struct Publisher: Hashable, Sendable {
    /// "Familjen Helsingborg".
    public let organisation: String
    /// The organisation's own site (`https://…`).
    public let website: String?
    /// Where questions about the service go.
    public let contactEmail: String?
    /// Where reports of accessibility problems and other feedback go.
    public let feedbackEmail: String?
    /// The postal address, as the organisation writes it.
    public let postalAddress: String?
    /// When the accessibility statement's self-assessment was last made.
    public let accessibilityAssessed: Day

    public init(
        organisation: String, website: String? = nil, contactEmail: String? = nil,
        feedbackEmail: String? = nil,
        postalAddress: String? = nil, accessibilityAssessed: Day
    ) {
        self.organisation = organisation
        self.website = website
        self.contactEmail = contactEmail
        self.feedbackEmail = feedbackEmail
        self.postalAddress = postalAddress
        self.accessibilityAssessed = accessibilityAssessed
    }
}
