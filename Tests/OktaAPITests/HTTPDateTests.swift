import Foundation
import Testing

@testable import OktaAPI

@Suite struct HTTPDateTests {
  @Test func parsesTheRFCExample() {
    #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
  }

  @Test func formatsAndParsesBack() {
    for seconds in [0, 951_782_400, 1_800_000_123, 4_102_444_799] {
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      #expect(HTTPDate.parse(HTTPDate.format(date)) == date)
    }
  }

  @Test func rejectsGarbage() {
    #expect(HTTPDate.parse("yesterday") == nil)
    #expect(HTTPDate.parse("Sun, 06 Foo 1994 08:49:37 GMT") == nil)
    #expect(HTTPDate.parse("Sun, 36 Nov 1994 08:49:37 GMT") == nil)
  }
}
