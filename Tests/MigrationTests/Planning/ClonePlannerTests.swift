import OktaAPI
import Testing

@testable import Migration

@Suite struct ClonePlannerTests {
  typealias F = OrgFixtures
  let standard = F.condition("rcoSTANDARD000000001", name: "Standard", priority: 0)
  let contractors = F.condition("rcoCONTRACTORS000001", name: "Contractors", priority: 1)
  let dormant = F.condition("rcoDORMANT0000000001", name: "Dormant", status: "INACTIVE", priority: 2)

  func plan(
    _ request: CloneRequest, conditions: [RequestCondition]? = nil,
    sequences: [RequestSequence] = F.sequences,
    onBehalf: String? = nil
  ) throws -> ClonePlan {
    try ClonePlanner.plan(
      request, resourceID: F.resource, conditions: conditions ?? [standard, contractors, dormant],
      sequences: sequences, settings: F.settings(onBehalf: onBehalf))
  }

  @Test func mirrorsTheSourceAtTopPriorityAndSetsActiveOthersAside() throws {
    let plan = try plan(CloneRequest(source: "standard"))
    #expect(plan.sequence.id == F.autoSequence)
    guard plan.steps.count == 5, case .allowOnBehalf(F.resource, nil) = plan.steps[0],
      case .create(let draft) = plan.steps[1], case .activate(nil) = plan.steps[2]
    else {
      Issue.record("unexpected steps \(plan.steps)")
      return
    }
    #expect(draft.name == "Standard (migration auto-approve)" && draft.priority == 0)
    #expect(draft.approvalSequenceId == F.autoSequence)
    #expect(draft.requesterSettings == standard.requesterSettings)
    #expect(draft.accessScopeSettings == standard.accessScopeSettings)
    #expect(draft.accessDurationSettings == standard.accessDurationSettings)
    #expect(plan.steps[3] == .deactivate(standard) && plan.steps[4] == .deactivate(contractors))
  }

  @Test func keepOriginalsAndAllowedOnBehalfLeaveThoseAlone() throws {
    let plan = try plan(
      CloneRequest(source: standard.id, keepOriginals: true), onBehalf: #"{"allowed":true}"#)
    #expect(plan.steps.count == 2)
  }

  @Test func onBehalfLimitedToDirectReportsIsWidened() throws {
    let plan = try plan(
      CloneRequest(source: "Standard"), onBehalf: #"{"allowed":true,"onlyFor":["DIRECT_REPORT"]}"#)
    #expect(
      plan.steps.first
        == .allowOnBehalf(
          resourceID: F.resource, before: RequestOnBehalfOfSettings(allowed: true, onlyFor: ["DIRECT_REPORT"])
        ))
  }

  @Test func aSecondCloneAfterTheFirstPlansNothing() throws {
    let temporary = F.condition(
      "rcoTEMPORARY00000001", name: "Standard (migration auto-approve)", priority: 0, sequence: F.autoSequence
    )
    let after = [
      temporary, F.condition(standard.id, name: "Standard", status: "INACTIVE", priority: 1),
      F.condition(contractors.id, name: "Contractors", status: "INACTIVE", priority: 2),
    ]
    let plan = try plan(CloneRequest(source: "Standard"), conditions: after, onBehalf: #"{"allowed":true}"#)
    #expect(plan.isEmpty && plan.existingTemporary?.id == temporary.id)
    // Half done before (created, not activated): only the activation is left.
    var inactive = temporary
    inactive.status = .inactive
    let resumed = try self.plan(
      CloneRequest(source: "Standard"), conditions: [inactive] + after.dropFirst(),
      onBehalf: #"{"allowed":true}"#)
    #expect(resumed.steps == [.activate(conditionID: temporary.id)])
  }

  @Test func aTemporaryConditionKeptByRestoreIsReusedAndMovedBackToTheTop() throws {
    let kept = F.condition(
      "rcoTEMPORARY00000001", name: "Standard (migration auto-approve)", status: "INACTIVE", priority: 2,
      sequence: F.autoSequence)
    let restored = [standard, contractors, kept]
    let plan = try plan(
      CloneRequest(source: "Standard"), conditions: restored, onBehalf: #"{"allowed":true}"#)
    #expect(plan.existingTemporary == kept)
    #expect(
      plan.steps == [
        .moveToTop(kept), .activate(conditionID: kept.id), .deactivate(standard), .deactivate(contractors),
      ])
    #expect(!plan.steps.contains { if case .create = $0 { true } else { false } })
  }

  @Test func explicitSequenceByNameOrId() throws {
    #expect(
      try plan(CloneRequest(source: "Standard", sequence: "manager APPROVAL")).sequence.id
        == F.managerSequence)
    #expect(try plan(CloneRequest(source: "Standard", sequence: F.autoSequence)).sequence.name == "Migration")
  }

  @Test func clearErrorsForMissingOrAmbiguousChoices() {
    #expect {
      _ = try plan(CloneRequest(source: "Nope"))
    } throws: { "\($0)".contains("no condition \"Nope\"") && "\($0)".contains("\"Standard\"") }
    #expect {
      _ = try plan(
        CloneRequest(source: "Standard"), sequences: [F.sequence(F.managerSequence, name: "Manager approval")]
      )
    } throws: { "\($0)".contains("no auto-approve sequence") && "\($0)".contains("Admin Console") }
    #expect {
      _ = try plan(
        CloneRequest(source: "Standard"),
        sequences: F.sequences + [F.sequence("seqAUTO2000000000000000b", name: "Auto approve 2")])
    } throws: { "\($0)".contains("--sequence") }
    #expect {
      _ = try plan(
        CloneRequest(source: "Standard"),
        conditions: [standard, F.condition("rcoSTANDARD000000002", name: "standard", priority: 3)])
    } throws: { "\($0)".contains("rcoSTANDARD000000001") && "\($0)".contains("use the id") }
  }
}
