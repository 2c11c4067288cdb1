import Testing

@testable import OktaSim

@Suite("SCIM filter expressions")
struct FilterExpressionTests {
  private let record: [String: FilterExpression.FieldValue] = [
    "status": .string("PENDING"), "requestedFor": .string("00uA"), "lastUpdated": .date(1_800_000_000),
  ]

  private func matches(_ text: String) throws -> Bool {
    try FilterExpression.parse(text, fields: nil).matches { record[$0] }
  }

  @Test("comparisons, case-insensitive keywords, AND binding tighter than OR, NOT and parentheses")
  func evaluation() throws {
    #expect(try matches("status eq \"PENDING\""))
    #expect(try matches("status EQ \"pending\""))
    #expect(try !matches("status ne \"PENDING\""))
    #expect(try matches("status eq \"APPROVED\" or status eq \"PENDING\" and requestedFor eq \"00uA\""))
    #expect(try !matches("(status eq \"APPROVED\" or status eq \"PENDING\") and requestedFor eq \"00uB\""))
    #expect(try matches("not(grantStatus pr)"))
    #expect(try matches("status sw \"PEN\" AND requestedFor co \"uA\""))
    #expect(try matches("lastUpdated gt \"2027-01-15T07:59:59.999Z\""))
    #expect(try !matches("lastUpdated gt \"2027-01-15T08:00:00Z\""))
    #expect(try matches("lastUpdated ge \"2027-01-15T09:00:00+01:00\""))
  }

  @Test(
    "syntax errors and unknown attributes are refused",
    arguments: [
      "status", "status eq", "status eq PENDING", "status eq \"x", "(status eq \"x\"", "status eq \"x\" and",
      "color eq \"red\"",
    ])
  func refusals(text: String) {
    #expect(throws: FilterExpression.ParseError.self) {
      try FilterExpression.parse(text, fields: ["status", "requestedFor"])
    }
  }
}
