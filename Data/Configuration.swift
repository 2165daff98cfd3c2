// The registry's own configuration: where its site and feeds are published.
//
// Calendar events link to their pages under this address (`…/moten/ID`, `…/organ/SLUG`),
// so the committed Exports/, `samverkan serve` and the static pages agree on it. Changing
// it changes every event (SEQUENCE rises once).
//
// The publisher is who `/om` and `/tillganglighet` name, with how to reach them. Leave a
// contact out (nil) while it is not known: the pages then say so. Never guess an address.
//
// The weekly digest (`samverkan digest`) is sent from the secretariat's address, and its
// List-Unsubscribe header asks readers to write there: the address of the head of the
// secretariat, printed in the minutes of 10 April 2026 (`--from` overrides it).

import Registry

extension Registry {
    mutating func addConfiguration() {
        configure(publicURL: "https://kalender.familjenhelsingborg.se")
        configure(
            publisher: Publisher(
                organisation: "Familjen Helsingborg", website: "https://familjenhelsingborg.se",
                contactEmail: nil, feedbackEmail: nil, postalAddress: nil,
                accessibilityAssessed: Day(2026, 12, 5)))
        configure(secretariatEmail: "mikael.johansson4@helsingborg.se")
    }
}
