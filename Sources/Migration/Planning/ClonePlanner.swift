import Foundation
import OktaAPI

/// Plans `clone-condition` as a pure function of the org's conditions, sequences and settings.
public enum ClonePlanner {
  /// Words that mark a sequence as approving by itself (sequences are built in the Admin Console,
  /// and the API only shows their name and description).
  public static func looksAutoApproving(_ sequence: RequestSequence) -> Bool {
    let text = (sequence.name + " " + (sequence.description ?? "")).lowercased()
    return (text.contains("auto") && text.contains("approv")) || text.contains("no approval")
  }

  public static func plan(
    _ request: CloneRequest, resourceID: String, conditions: [RequestCondition], sequences: [RequestSequence],
    settings: ResourceRequestSettings
  ) throws(PlanError) -> ClonePlan {
    let source = try find(request.source, in: conditions, kind: "condition", id: \.id, name: \.name)
    let sequence = try chooseSequence(request.sequence, among: sequences, resourceID: resourceID)
    let name = request.name ?? "\(source.name) (migration auto-approve)"
    guard (1...255).contains(name.count) else { throw PlanError("--name must be 1 to 255 characters") }
    if source.name == name {
      throw PlanError("\"\(name)\" is already the temporary condition; clone an original")
    }

    var steps: [CloneStep] = []
    let onBehalf = settings.requestOnBehalfOfSettings
    if onBehalf?.allowed != true || onBehalf?.onlyFor != nil {
      steps.append(.allowOnBehalf(resourceID: resourceID, before: onBehalf))
    }
    let existing = conditions.first { $0.name == name && $0.status != .deleted }
    if let existing {
      if existing.approvalSequenceId != sequence.id {
        throw PlanError(
          "condition \"\(name)\" (\(existing.id)) exists with another sequence; pick another --name or run `restore`"
        )
      }
      // Preflight wants it on top; an earlier restore left it at the bottom.
      if existing.priority != 0 { steps.append(.moveToTop(existing)) }
      if existing.status != .active { steps.append(.activate(conditionID: existing.id)) }
    } else {
      var draft = NewRequestCondition(
        mirroring: source, name: name, approvalSequenceId: sequence.id, priority: 0)
      draft.description =
        "Temporary auto-approve copy of \"\(source.name)\" for a bulk migration (oktabulk); `restore` deactivates it and moves it below the others"
      steps.append(.create(draft))
      steps.append(.activate(conditionID: nil))
    }
    if !request.keepOriginals {
      let others = conditions.filter { $0.status == .active && $0.id != existing?.id }
      steps += others.sorted { ($0.priority ?? .max) < ($1.priority ?? .max) }.map(CloneStep.deactivate)
    }
    return ClonePlan(
      source: source, sequence: sequence, temporaryName: name, existingTemporary: existing, steps: steps)
  }

  static func chooseSequence(_ wanted: String?, among sequences: [RequestSequence], resourceID: String)
    throws(PlanError) -> RequestSequence
  {
    if let wanted { return try find(wanted, in: sequences, kind: "sequence", id: \.id, name: \.name) }
    let automatic = sequences.filter(looksAutoApproving)
    switch automatic.count {
    case 1: return automatic[0]
    case 0:
      let names = sequences.map { "\"\($0.name)\"" }.joined(separator: ", ")
      throw PlanError(
        "no auto-approve sequence on \(resourceID) (it has: \(names.isEmpty ? "none" : names)); the API cannot "
          + "create one: build a sequence without approval steps in the Admin Console (Identity Governance → "
          + "Access Requests → Approval sequences), then pass --sequence NAME")
    default:
      throw PlanError(
        "several sequences look auto-approving: \(automatic.map { "\"\($0.name)\" (\($0.id))" }.joined(separator: ", ")); choose one with --sequence"
      )
    }
  }

  /// Finds one item by exact id, or by name ignoring case; a clear error when none or several match.
  static func find<T>(
    _ wanted: String, in items: [T], kind: String, id: KeyPath<T, String>, name: KeyPath<T, String>
  ) throws(PlanError) -> T {
    if let exact = items.first(where: { $0[keyPath: id] == wanted }) { return exact }
    let named = items.filter { $0[keyPath: name].caseInsensitiveCompare(wanted) == .orderedSame }
    if named.count == 1 { return named[0] }
    if named.isEmpty {
      let known = items.map { "\"\($0[keyPath: name])\"" }.joined(separator: ", ")
      throw PlanError("no \(kind) \"\(wanted)\"; known: \(known.isEmpty ? "none" : known)")
    }
    throw PlanError(
      "several \(kind)s are named \"\(wanted)\": \(named.map { $0[keyPath: id] }.joined(separator: ", ")); use the id"
    )
  }
}
