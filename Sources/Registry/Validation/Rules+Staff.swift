// Rules about staff appointments and their start dates.

extension Rules {
    static var staff: [Rule] {
        [
            Rule("appointment-references", appointmentReferences),
            Rule("appointment-terms-in-order", appointmentTermsInOrder),
            Rule("appointments-within-body-lifetime", appointmentsWithinBodyLifetime),
        ]
    }

    /// An appointment's person and body are in the registry.
    static func appointmentReferences(_ registry: Registry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for appointment in registry.appointments {
            if registry[appointment.person] == nil {
                found.append(missing(appointment, "person", appointment.person))
            }
            if registry[appointment.body] == nil {
                found.append(missing(appointment, "body", appointment.body))
            }
        }
        return found
    }

    /// An appointment does not end before it starts (error) or on its first day (warning).
    static func appointmentTermsInOrder(_ registry: Registry) -> [Diagnostic] {
        registry.appointments.compactMap { termOrder($0, $0.starts, $0.ends, from: "start", to: "end") }
    }

    /// A post starts while its body exists: proposed or active, not before and not closed.
    static func appointmentsWithinBodyLifetime(_ registry: Registry) -> [Diagnostic] {
        registry.appointments.compactMap { appointment in
            guard appointment.starts.isValid, let body = registry[appointment.body],
                !body.lifecycle.isAlive(on: appointment.starts)
            else { return nil }
            return .error(
                "\(appointment.label) starts on \(appointment.starts), when \(body.label) "
                    + "\(body.lifecycle.whyNotAlive(on: appointment.starts))",
                at: appointment.location)
        }
    }
}
