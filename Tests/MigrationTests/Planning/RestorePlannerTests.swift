import Foundation
import OktaAPI
import Testing

@testable import Migration

@Suite struct RestorePlannerTests {
  typealias F = OrgFixtures
  let standard = F.condition("rcoSTANDARD000000001", name: "Standard", priority: 0)
  let contractors = F.condition("rcoCONTRACTORS000001", name: "Contractors", priority: 1)
  let temporaryID = "rcoTEMPORARY00000001"

  func change(
    _ id: Int64, _ kind: OrgChangeKind, _ target: String, before: String?, after: String?,
    undone: Bool = false
  )
    -> OrgChange
  {
    OrgChange(
      id: id, at: Date(), kind: kind, target: target, beforeJSON: before, afterJSON: after, undone: undone)
  }

  /// The journal as `clone-condition` leaves it.
  var cloneChanges: [OrgChange] {
    let temporary = F.condition(temporaryID, name: "Temp", priority: 0, sequence: F.autoSequence)
    return [
      change(1, .settingsPatched, F.resource, before: nil, after: #"{"allowed":true}"#),
      change(2, .conditionCreated, temporaryID, before: nil, after: F.json(temporary)),
      change(3, .conditionActivated, temporaryID, before: nil, after: nil),
      change(4, .conditionDeactivated, standard.id, before: F.json(standard), after: nil),
      change(5, .conditionDeactivated, contractors.id, before: F.json(contractors), after: nil),
    ]
  }

  /// The org as `clone-condition` leaves it: temporary on top, originals inactive and pushed down.
  var clonedOrg: [RequestCondition] {
    [
      F.condition(temporaryID, name: "Temp", priority: 0, sequence: F.autoSequence),
      F.condition(standard.id, name: "Standard", status: "INACTIVE", priority: 1),
      F.condition(contractors.id, name: "Contractors", status: "INACTIVE", priority: 2),
    ]
  }

  @Test func undoesEverythingInOrder() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(
      target: target, conditions: clonedOrg,
      settings: [F.resource: F.settings(onBehalf: #"{"allowed":true}"#)])
    #expect(
      plan.steps == [
        .deactivate(conditionID: temporaryID, name: "Temp"), .delete(conditionID: temporaryID, name: "Temp"),
        .activate(conditionID: standard.id, name: "Standard"),
        .activate(conditionID: contractors.id, name: "Contractors"),
        .setPriority(conditionID: standard.id, name: "Standard", from: 1, to: 0),
        .setPriority(conditionID: contractors.id, name: "Contractors", from: 2, to: 1),
        .restoreOnBehalf(resourceID: F.resource, to: nil),
      ])
    #expect(plan.problems.isEmpty && target.changeIDs == [1, 2, 3, 4, 5])
  }

  @Test func anOrgAlreadyRestoredPlansNothing() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(
      target: target, conditions: [standard, contractors],
      settings: [F.resource: F.settings(onBehalf: #"{"allowed":false}"#)])
    #expect(plan.steps.isEmpty && plan.problems.isEmpty)
  }

  @Test func undoneChangesAreNotUndoneTwice() throws {
    let changes = cloneChanges.map {
      var c = $0
      c.undone = true
      return c
    }
    let target = try RestoreTarget(changes: changes)
    #expect(target.isEmpty)
    #expect(RestorePlanner.plan(target: target, conditions: clonedOrg, settings: [:]).steps.isEmpty)
  }

  @Test func previousOnBehalfSettingsComeBackExactly() throws {
    let before = #"{"allowed":true,"onlyFor":["DIRECT_REPORT"]}"#
    let target = try RestoreTarget(changes: [
      change(1, .settingsPatched, F.resource, before: before, after: #"{"allowed":true}"#)
    ])
    let plan = RestorePlanner.plan(
      target: target, conditions: [], settings: [F.resource: F.settings(onBehalf: #"{"allowed":true}"#)])
    #expect(
      plan.steps == [
        .restoreOnBehalf(
          resourceID: F.resource, to: RequestOnBehalfOfSettings(allowed: true, onlyFor: ["DIRECT_REPORT"]))
      ])
  }

  @Test func aDeletedOriginalIsReportedNotHidden() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(target: target, conditions: [clonedOrg[0], clonedOrg[1]], settings: [:])
    #expect(plan.problems.count == 1 && plan.problems[0].contains("Contractors"))
  }

  @Test func unreadableBeforeStateIsAnError() {
    #expect(throws: PlanError.self) {
      _ = try RestoreTarget(changes: [change(9, .conditionDeactivated, "rcoX", before: "{oops", after: nil)])
    }
  }
}
