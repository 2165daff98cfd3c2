// The registry's own configuration: where its site and feeds are published.
//
// Calendar events link to their pages under this address (`…/moten/ID`, `…/organ/SLUG`),
// so the committed Exports/, `samverkan serve` and the static pages agree on it. Changing
// it changes every event (SEQUENCE rises once).

import Registry

extension Registry {
    mutating func addConfiguration() {
        configure(publicURL: "https://kalender.familjenhelsingborg.se")
    }
}
