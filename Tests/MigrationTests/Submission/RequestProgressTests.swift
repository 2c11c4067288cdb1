import Foundation
import Testing

@testable import Migration

@Suite struct RequestProgressTests {
  func observed(_ status: String, grant: String? = nil) -> ObservedRequest {
    ObservedRequest(id: "r", userID: "u", entryID: "e", status: status, grantStatus: grant, created: Date())
  }

  @Test(
    arguments: [
      ("APPROVED", "GRANTED", RosterState.submitted, 10.0, RosterState?.some(.granted)),
      ("APPROVED", "PENDING", .submitted, 10, .approved),
      ("APPROVED", nil, .approved, 10, nil),
      ("APPROVED", "FAILED", .approved, 10, .failed),
      ("APPROVED", "MANUAL_REQUIRED", .submitted, 10, .failed),
      ("DENIED", nil, .submitted, 10, .failed),
      ("EXPIRED", nil, .stuck, 10, .failed),
      ("PENDING", nil, .submitted, 10, nil),
      ("PENDING", nil, .submitted, 5_000, .stuck),
      ("APPROVED", "PENDING", .approved, 5_000, .stuck),
      ("APPROVED", "GRANTED", .stuck, 5_000, .granted),
      ("APPROVED", "GRANTED", .granted, 10, nil),
    ] as [(String, String?, RosterState, Double, RosterState?)])
  func mapsOrgStateToRowState(
    status: String, grant: String?, current: RosterState, age: Double, expected: RosterState?
  ) {
    let next = RequestProgress.nextState(
      current: current, request: observed(status, grant: grant), age: age, stuckAfter: 3_600)
    #expect(next?.state == expected)
  }
}
