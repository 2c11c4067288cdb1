import Testing

@testable import OktaSim

@Suite("Timestamps")
struct TimestampTests {
  @Test("ISO 8601 with milliseconds and RFC 1123 dates")
  func formats() {
    #expect(Timestamp.iso(1_800_000_000.25) == "2027-01-15T08:00:00.250Z")
    #expect(Timestamp.iso(0) == "1970-01-01T00:00:00.000Z")
    #expect(Timestamp.httpDate(1_800_000_000) == "Fri, 15 Jan 2027 08:00:00 GMT")
  }

  @Test("parses what it writes, offsets included, and refuses the rest")
  func parsing() {
    #expect(Timestamp.parseISO("2027-01-15T08:00:00.250Z") == 1_800_000_000.25)
    #expect(Timestamp.parseISO("2027-01-15T09:00:00+01:00") == 1_800_000_000)
    #expect(Timestamp.parseISO("2027-01-15") == nil)
    #expect(Timestamp.parseISO("2027-13-15T08:00:00Z") == nil)
    #expect(Timestamp.parseISO("2027-01-15T08:00:00") == nil)
  }
}
