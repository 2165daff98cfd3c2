import CLibical
import Registry

/// The VTIMEZONE of a zone, built from the tz database's own rule (`ZoneInfo`): one
/// yearly standard/daylight pair, the shape Outlook reads, each observance starting where
/// the tz database's transitions began to follow its rule.
enum VTimeZone {
    /// Call with the libical lock held.
    static func component(_ zone: ZoneInfo) -> OwnedComponent {
        let vtimezone = OwnedComponent(icalcomponent_new(ICAL_VTIMEZONE_COMPONENT))
        vtimezone.add(icalproperty_new_tzid(zone.name))
        vtimezone.add(ICalendarEncoder.xProperty("X-LIC-LOCATION", zone.name))
        let standard = zone.rule.standard
        guard let daylight = zone.rule.daylight else {
            let since = LocalDateTime(Day(1970, 1, 1), LocalTime(0))
            icalcomponent_add_component(
                vtimezone.pointer,
                observance(ICAL_XSTANDARD_COMPONENT, standard, from: standard, since: since, rule: nil))
            return vtimezone
        }
        let observances = [
            (
                ICAL_XDAYLIGHT_COMPONENT, daylight.type, standard, daylight.starts,
                zone.ruleHolds(since: daylight.starts, into: daylight.type)
            ),
            (
                ICAL_XSTANDARD_COMPONENT, standard, daylight.type, daylight.ends,
                zone.ruleHolds(since: daylight.ends, into: standard)
            ),
        ].sorted { $0.4 < $1.4 }
        for (kind, type, before, rule, since) in observances {
            icalcomponent_add_component(
                vtimezone.pointer, observance(kind, type, from: before, since: since, rule: rule))
        }
        return vtimezone
    }

    private static func observance(
        _ kind: icalcomponent_kind, _ type: ZoneInfo.LocalTimeType, from before: ZoneInfo.LocalTimeType,
        since: LocalDateTime, rule: ZoneInfo.YearlyRule?
    ) -> OpaquePointer? {
        let component = icalcomponent_new(kind)
        icalcomponent_add_property(component, icalproperty_new_tzname(type.abbreviation))
        icalcomponent_add_property(component, icalproperty_new_tzoffsetfrom(Int32(before.utcOffset)))
        icalcomponent_add_property(component, icalproperty_new_tzoffsetto(Int32(type.utcOffset)))
        icalcomponent_add_property(
            component, icalproperty_new_dtstart(ICalendarEncoder.icalTime(since.day, since.time)))
        if let rule {
            let weekdays = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
            let week = rule.week == 5 ? "-1" : "\(rule.week)"
            let recurrence = icalrecurrencetype_from_string(
                "FREQ=YEARLY;BYMONTH=\(rule.month);BYDAY=\(week)\(weekdays[rule.weekday])")
            icalcomponent_add_property(component, icalproperty_new_rrule(recurrence))
        }
        return component
    }
}
