import Foundation
import Testing

@testable import Migration

@Suite struct InDoubtResolverTests {
  let user = "00u00000000000000001"
  let entry = "cen1234567890abcdefg"
  let intent = Date(timeIntervalSince1970: 10_000)

  func request(_ id: String, user: String? = nil, entry: String? = nil, createdAfterIntent: Double)
    -> ObservedRequest
  {
    ObservedRequest(
      id: id, userID: user ?? self.user, entryID: entry ?? self.entry, status: "SUBMITTED",
      created: intent.addingTimeInterval(createdAfterIntent))
  }

  @Test func adoptsTheRequestMadeAfterTheIntent() {
    let found = request("r1", createdAfterIntent: 2)
    #expect(
      InDoubtResolver.decide(userID: user, entryID: entry, intentAt: intent, candidates: [found], claimed: [])
        == .adopt(found))
  }

  @Test func resendsWhenNothingMatches() {
    let candidates = [
      request("other-entry", entry: "cenOTHER000000000000", createdAfterIntent: 1),
      request("other-user", user: "00u00000000000000002", createdAfterIntent: 1),
      request("long-before", createdAfterIntent: -3_600),
    ]
    #expect(
      InDoubtResolver.decide(
        userID: user, entryID: entry, intentAt: intent, candidates: candidates, claimed: [])
        == .resend)
    #expect(
      InDoubtResolver.decide(userID: user, entryID: entry, intentAt: intent, candidates: [], claimed: [])
        == .resend)
  }

  @Test func toleratesClockSkewButNotOldRequests() {
    let skewed = request("skewed", createdAfterIntent: -30)
    #expect(
      InDoubtResolver.decide(
        userID: user, entryID: entry, intentAt: intent, candidates: [skewed], claimed: [])
        == .adopt(skewed))
  }

  @Test func neverAdoptsARequestAnotherRowHolds() {
    let held = request("held", createdAfterIntent: 1)
    #expect(
      InDoubtResolver.decide(
        userID: user, entryID: entry, intentAt: intent, candidates: [held], claimed: ["held"])
        == .resend)
  }

  @Test func adoptsTheEarliestOfSeveralMatches() {
    let later = request("later", createdAfterIntent: 20)
    let earlier = request("earlier", createdAfterIntent: 3)
    #expect(
      InDoubtResolver.decide(
        userID: user, entryID: entry, intentAt: intent, candidates: [later, earlier], claimed: [])
        == .adopt(earlier))
  }

  @Test func withoutAnIntentTimeAnyMatchingRequestCounts() {
    let old = request("old", createdAfterIntent: -86_400)
    #expect(
      InDoubtResolver.decide(userID: user, entryID: entry, intentAt: nil, candidates: [old], claimed: [])
        == .adopt(old))
  }
}
