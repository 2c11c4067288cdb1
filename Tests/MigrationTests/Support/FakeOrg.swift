import Foundation
import OktaAPI
import Synchronization

@testable import Migration

/// A whole fake org: the request fake plus conditions (with Okta's priority and activation rules),
/// sequences, on-behalf settings, users and catalog entries.
final class FakeOrg: MigrationOrg {
  struct State {
    var conditions: [RequestCondition] = []
    var sequences: [RequestSequence] = OrgFixtures.sequences
    var onBehalf: RequestOnBehalfOfSettings? = nil
    var users: [String: User] = [:]
    var entries: [String: CatalogEntry] = [:]
    var directoryCalls = 0
    var mutations = 0
    var nextID = 1
  }

  let requestsFake: FakeRequestGateway
  let state = Mutex(State())
  let resourceID = OrgFixtures.resource

  init(clock: any OktaClock) {
    requestsFake = FakeRequestGateway(clock: clock)
    state.withLock {
      $0.conditions = [
        OrgFixtures.condition("rcoSTANDARD000000001", name: "Standard", priority: 0),
        OrgFixtures.condition("rcoCONTRACTORS000001", name: "Contractors", priority: 1),
        OrgFixtures.condition("rcoDORMANT0000000001", name: "Dormant", status: "INACTIVE", priority: 2),
      ]
    }
  }

  func addUser(_ id: String, login: String, status: String = "ACTIVE") {
    let user: User = OrgFixtures.decode(
      #"{"id":"\#(id)","status":"\#(status)","profile":{"login":"\#(login)"}}"#)
    state.withLock { $0.users[id] = user }
  }

  func addEntry(_ id: String, resource: String? = nil) {
    let owner = resource ?? resourceID
    let entry: CatalogEntry = OrgFixtures.decode(
      #"{"id":"\#(id)","name":"Entry \#(id)","_links":{"relatedEntity":{"href":"https://x/api/v1/apps/\#(owner)"}}}"#
    )
    state.withLock { $0.entries[id] = entry }
  }

  var conditionsNow: [RequestCondition] {
    state.withLock { $0.conditions.sorted { $0.priority! < $1.priority! } }
  }
  var onBehalfNow: RequestOnBehalfOfSettings? { state.withLock { $0.onBehalf } }
  var mutations: Int { state.withLock { $0.mutations } }

  // MARK: RequestGateway

  func createRequest(_ draft: RequestDraft) async throws(OrgFailure) -> CreatedRequest {
    try await requestsFake.createRequest(draft)
  }
  func request(id: String) async throws(OrgFailure) -> ObservedRequest {
    try await requestsFake.request(id: id)
  }
  func requests(matching query: RequestQuery) async throws(OrgFailure) -> [ObservedRequest] {
    try await requestsFake.requests(matching: query)
  }

  // MARK: DirectoryGateway

  func user(_ idOrLogin: String) async throws(OrgFailure) -> User? {
    state.withLock { state in
      state.directoryCalls += 1
      return state.users[idOrLogin]
        ?? state.users.values.first { $0.profile?.login?.lowercased() == idOrLogin.lowercased() }
    }
  }

  func entry(_ id: String) async throws(OrgFailure) -> CatalogEntry? {
    state.withLock { state in
      state.directoryCalls += 1
      return state.entries[id]
    }
  }

  // MARK: GovernanceGateway

  func conditions(resourceID: String) async throws(OrgFailure) -> [RequestCondition] { conditionsNow }
  func sequences(resourceID: String) async throws(OrgFailure) -> [RequestSequence] {
    state.withLock { $0.sequences }
  }
  func settings(resourceID: String) async throws(OrgFailure) -> ResourceRequestSettings {
    let onBehalf = onBehalfNow
    return OrgFixtures.decode(
      onBehalf.map { #"{"requestOnBehalfOfSettings":\#(OrgFixtures.json($0))}"# } ?? "{}")
  }

  func createCondition(resourceID: String, _ condition: NewRequestCondition) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    let created = state.withLock { state in
      state.mutations += 1
      let id = String(format: "rcoNEW%014d", state.nextID)
      state.nextID += 1
      let json = OrgFixtures.json(condition)
      var made: RequestCondition = OrgFixtures.decode(
        String(json.dropLast()) + #","id":"\#(id)","status":"INACTIVE","_links":{}}"#)
      made.priority = condition.priority ?? state.conditions.count
      Self.place(&state.conditions, made)
      return made
    }
    return OrgAnswer(created, oktaRequestID: "okta-create")
  }

  func activateCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<
    RequestCondition
  > {
    try setStatus(id, from: .inactive, to: .active)
  }

  func deactivateCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<
    RequestCondition
  > {
    try setStatus(id, from: .active, to: .inactive)
  }

  func deleteCondition(resourceID: String, id: String) async throws(OrgFailure) -> OrgAnswer<Bool> {
    try state.withLock { (state: inout State) throws(OrgFailure) in
      state.mutations += 1
      guard let index = state.conditions.firstIndex(where: { $0.id == id }) else {
        throw .rejected(status: 404, code: "E0000007", summary: "not found")
      }
      guard state.conditions[index].status != .active else {
        throw .rejected(status: 409, code: nil, summary: "deactivate first")
      }
      state.conditions.remove(at: index)
      Self.renumber(&state.conditions)
      return OrgAnswer(true, oktaRequestID: "okta-delete")
    }
  }

  func patchCondition(resourceID: String, id: String, _ patch: RequestConditionPatch) async throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try state.withLock { (state: inout State) throws(OrgFailure) in
      state.mutations += 1
      guard let index = state.conditions.firstIndex(where: { $0.id == id }) else {
        throw .rejected(status: 404, code: "E0000007", summary: "not found")
      }
      var condition = state.conditions.remove(at: index)
      if let priority = patch.priority { condition.priority = priority }
      Self.place(&state.conditions, condition)
      return OrgAnswer(state.conditions.first { $0.id == id }!, oktaRequestID: "okta-patch")
    }
  }

  func patchSettings(resourceID: String, _ patch: ResourceRequestSettingsPatch) async throws(OrgFailure)
    -> OrgAnswer<ResourceRequestSettings>
  {
    state.withLock { state in
      state.mutations += 1
      switch patch.requestOnBehalfOf {
      case .set(let settings): state.onBehalf = settings
      case .disallow: state.onBehalf = nil
      case .unchanged: break
      }
    }
    return OrgAnswer(try await settings(resourceID: resourceID), oktaRequestID: "okta-settings")
  }

  private func setStatus(_ id: String, from: ConditionStatus, to: ConditionStatus) throws(OrgFailure)
    -> OrgAnswer<RequestCondition>
  {
    try state.withLock { (state: inout State) throws(OrgFailure) in
      state.mutations += 1
      guard let index = state.conditions.firstIndex(where: { $0.id == id }) else {
        throw .rejected(status: 404, code: "E0000007", summary: "not found")
      }
      guard state.conditions[index].status == from else {
        throw .rejected(
          status: 409, code: nil, summary: "condition is \(state.conditions[index].status.rawValue)")
      }
      state.conditions[index].status = to
      return OrgAnswer(state.conditions[index], oktaRequestID: "okta-\(to.rawValue.lowercased())")
    }
  }

  /// Okta keeps priorities a dense 0…n-1 ordering: inserting at p pushes p and below down by one.
  private static func place(_ conditions: inout [RequestCondition], _ condition: RequestCondition) {
    var ordered = conditions.sorted { $0.priority! < $1.priority! }
    let position = min(max(condition.priority ?? ordered.count, 0), ordered.count)
    ordered.insert(condition, at: position)
    conditions = ordered
    renumber(&conditions)
  }

  private static func renumber(_ conditions: inout [RequestCondition]) {
    conditions.sort { $0.priority! < $1.priority! }
    for index in conditions.indices { conditions[index].priority = index }
  }
}
