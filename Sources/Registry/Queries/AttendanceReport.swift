// Who came to which meeting, and how often each municipality attended.

extension Registry {
    /// Attendance at the given meetings, or at every meeting whose attendance the minutes
    /// record, in date order.
    ///
    /// - Parameter meetings: The meetings to report on; nil for all with attendance.
    /// - Returns: Each meeting's attendees (present, then remote, then absent, each in the
    ///   minutes' order) and, per municipality, how often it attended.
    public func attendanceReport(meetings ids: [Meeting.ID]? = nil) -> AttendanceReport {
        let chosen =
            (ids.map { $0.compactMap { self[$0] } } ?? Array(uniqueMeetings.filter { !$0.attendance.isEmpty }))
            .sorted {
                ($0.time.sortDay, $0.time.start ?? LocalTime(0), $0.id) < (
                    $1.time.sortDay, $1.time.start ?? LocalTime(0), $1.id
                )
            }

        let reports = chosen.map { meeting in
            let day = meeting.time.day ?? meeting.time.sortDay
            let attendees = Attendance.Mode.allCases.flatMap { mode in
                meeting.attendance.filter { $0.mode == mode }.map { entry in
                    Attendee(
                        person: ref(entry.person), municipality: entry.municipality.flatMap(ref),
                        role: role(of: entry.person, in: meeting.body, on: day), mode: mode)
                }
            }
            return MeetingAttendance(meeting: meetingRef(meeting), attendees: attendees)
        }

        let summaries = uniqueMunicipalities.map { municipality in
            var present = 0
            var remote = 0
            var absent = 0
            var notRecorded = 0
            for meeting in chosen {
                let modes = Set(meeting.attendance.filter { $0.municipality == municipality.id }.map(\.mode))
                if modes.contains(.present) {
                    present += 1
                } else if modes.contains(.remote) {
                    remote += 1
                } else if modes.contains(.absent) {
                    absent += 1
                } else {
                    notRecorded += 1
                }
            }
            return MunicipalityAttendance(
                municipality: MunicipalityRef(municipality), meetings: chosen.count, present: present,
                remote: remote, absent: absent, notRecorded: notRecorded)
        }
        return AttendanceReport(meetings: reports, municipalities: summaries)
    }

    /// The role a person holds in a body on a day, the first in the registry's order.
    func role(of person: Person.ID, in body: Body.ID, on day: Day) -> RoleRef? {
        memberships.first { $0.person == person && $0.body == body && $0.isInForce(on: day) }
            .map { RoleRef(key: $0.role.key, title: $0.role.title, inferred: $0.roleInference) }
    }

    func meetingRef(_ meeting: Meeting) -> MeetingRef {
        var end: LocalTime?
        if case .timed(_, _, let to) = meeting.time { end = to }
        return MeetingRef(
            id: meeting.id, title: meeting.title, body: ref(meeting.body), date: meeting.time.day,
            start: meeting.time.start, end: end, place: meeting.place, status: meeting.status)
    }
}
