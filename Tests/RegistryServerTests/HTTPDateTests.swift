import Registry
import RegistryServer
import Testing

@Suite struct HTTPDateTests {
    @Test(arguments: [
        (Day(2026, 4, 10), "Fri, 10 Apr 2026 00:00:00 GMT"),
        (Day(1994, 11, 6), "Sun, 06 Nov 1994 00:00:00 GMT"),
        (Day(2028, 2, 29), "Tue, 29 Feb 2028 00:00:00 GMT"),
    ])
    func formatsIMFFixdate(day: Day, text: String) {
        #expect(HTTPDate.string(day) == text)
        #expect(HTTPDate.parse(text) == HTTPDate.seconds(day))
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ])
    func parsesTheThreeFormsToTheSameInstant(text: String) {
        #expect(HTTPDate.parse(text) == 784_111_777)
    }

    @Test(arguments: [
        "", "yesterday", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", String(repeating: "x", count: 1000),
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
