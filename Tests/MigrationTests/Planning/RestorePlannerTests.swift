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

  /// Replays steps on a copy of the org with its priority rule (contiguous; a move shifts the others).
  func applying(_ steps: [RestoreStep], to conditions: [RequestCondition]) -> [RequestCondition] {
    var org = conditions.sorted { $0.priority! < $1.priority! }
    func place(_ id: String, at priority: Int) {
      guard let index = org.firstIndex(where: { $0.id == id }) else { return }
      let moved = org.remove(at: index)
      org.insert(moved, at: min(priority, org.count))
    }
    for step in steps {
      switch step {
      case .deactivate(let id, _):
        org = org.map {
          var c = $0
          if c.id == id { c.status = .inactive }
          return c
        }
      case .activate(let id, _):
        org = org.map {
          var c = $0
          if c.id == id { c.status = .active }
          return c
        }
      case .delete(let id, _): org.removeAll { $0.id == id }
      case .lower(let id, _, _, let to), .setPriority(let id, _, _, let to): place(id, at: to)
      case .restoreOnBehalf: continue
      }
    }
    return org.enumerated().map {
      var c = $1
      c.priority = $0
      return c
    }
  }

  @Test func keepsTheTemporaryConditionInactiveBelowTheRestoredOriginals() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(
      target: target, conditions: clonedOrg,
      settings: [F.resource: F.settings(onBehalf: #"{"allowed":true}"#)])
    #expect(
      plan.steps == [
        .deactivate(conditionID: temporaryID, name: "Temp"),
        .lower(conditionID: temporaryID, name: "Temp", from: 0, to: 2),
        .activate(conditionID: standard.id, name: "Standard"),
        .activate(conditionID: contractors.id, name: "Contractors"),
        .restoreOnBehalf(resourceID: F.resource, to: nil),
      ])
    #expect(!plan.steps.contains { if case .delete = $0 { true } else { false } })
    #expect(plan.problems.isEmpty && target.changeIDs == [1, 2, 3, 4, 5])
    let after = applying(plan.steps, to: clonedOrg)
    #expect(after.map(\.id) == [standard.id, contractors.id, temporaryID])
    #expect(after.map(\.status) == [.active, .active, .inactive])
    // Read back, the kept INACTIVE temporary condition counts as restored.
    #expect(RestorePlanner.plan(target: target, conditions: after, settings: [:]).steps.isEmpty)
  }

  @Test func deleteTemporaryDeactivatesThenDeletesAndPutsPrioritiesBack() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(
      target: target, conditions: clonedOrg,
      settings: [F.resource: F.settings(onBehalf: #"{"allowed":true}"#)], deleteTemporary: true)
    #expect(
      plan.steps == [
        .deactivate(conditionID: temporaryID, name: "Temp"), .delete(conditionID: temporaryID, name: "Temp"),
        .activate(conditionID: standard.id, name: "Standard"),
        .activate(conditionID: contractors.id, name: "Contractors"),
        .restoreOnBehalf(resourceID: F.resource, to: nil),
      ])
    let after = applying(plan.steps, to: clonedOrg)
    #expect(after == [standard, contractors])
    #expect(
      RestorePlanner.plan(target: target, conditions: after, settings: [:], deleteTemporary: true).steps
        .isEmpty)
  }

  @Test func anUntouchedInactiveConditionGetsItsPriorityBackToo() throws {
    // Dormant was INACTIVE at 2 before the clone, so clone left it alone; the new condition pushed it to 3.
    let dormant = F.condition("rcoDORMANT0000000001", name: "Dormant", status: "INACTIVE", priority: 3)
    let target = try RestoreTarget(changes: cloneChanges)
    let plan = RestorePlanner.plan(target: target, conditions: clonedOrg + [dormant], settings: [:])
    #expect(plan.steps.contains(.lower(conditionID: temporaryID, name: "Temp", from: 0, to: 3)))
    let after = applying(plan.steps, to: clonedOrg + [dormant])
    #expect(after.map(\.id) == [standard.id, contractors.id, dormant.id, temporaryID])
    #expect(after.map(\.priority) == [0, 1, 2, 3] && after[2].status == .inactive)
  }

  @Test func originalsMovedBySomeoneElseGoBackToTheirPriorities() throws {
    let target = try RestoreTarget(changes: cloneChanges)
    // Someone moved Contractors above Standard during the migration, and the temporary is already lowered.
    let shuffled = [
      F.condition(contractors.id, name: "Contractors", status: "INACTIVE", priority: 0),
      F.condition(standard.id, name: "Standard", status: "INACTIVE", priority: 1),
      F.condition(temporaryID, name: "Temp", status: "INACTIVE", priority: 2, sequence: F.autoSequence),
    ]
    let plan = RestorePlanner.plan(target: target, conditions: shuffled, settings: [:])
    #expect(
      plan.steps.filter { if case .setPriority = $0 { true } else { false } } == [
        .setPriority(conditionID: standard.id, name: "Standard", from: 1, to: 0)
      ])
    let after = applying(plan.steps, to: shuffled)
    #expect(after.map(\.id) == [standard.id, contractors.id, temporaryID])
  }

  @Test func aReusedTemporaryConditionIsKnownByItsActivationAndItsMoveIsNotAnOriginal() throws {
    let kept = F.condition(
      temporaryID, name: "Temp", status: "INACTIVE", priority: 2, sequence: F.autoSequence)
    let onTop = F.condition(temporaryID, name: "Temp", priority: 0, sequence: F.autoSequence)
    let secondClone = [
      change(6, .conditionPatched, temporaryID, before: F.json(kept), after: F.json(onTop)),
      change(7, .conditionActivated, temporaryID, before: nil, after: F.json(onTop)),
      change(8, .conditionDeactivated, standard.id, before: F.json(standard), after: nil),
      change(9, .conditionDeactivated, contractors.id, before: F.json(contractors), after: nil),
    ]
    let undone = cloneChanges.map {
      var c = $0
      c.undone = true
      return c
    }
    let target = try RestoreTarget(changes: undone + secondClone)
    #expect(target.temporaryConditions == [temporaryID: "Temp"])
    #expect(Set(target.originals.keys) == [standard.id, contractors.id])
    #expect(target.changeIDs == [6, 7, 8, 9])
    let after = applying(
      RestorePlanner.plan(target: target, conditions: clonedOrg, settings: [:]).steps, to: clonedOrg)
    #expect(after == [standard, contractors, kept])
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
