/// The whole simulated org: directory, catalog, governance configuration and requests. A value type, so that
/// it can be saved, restored and reasoned about in tests without a server.
struct Org: Codable, Sendable {
  var seed: UInt64
  var random: SeededRandom
  var adminUserId: String
  var users: [String: SimUser] = [:]
  var userOrder: [String] = []
  var groups: [String: SimGroup] = [:]
  var apps: [String: SimApp] = [:]
  var appOrder: [String] = []
  var entries: [String: SimEntry] = [:]
  var entryOrder: [String] = []
  var sequences: [String: SimSequence] = [:]
  var sequenceOrder: [String] = []
  var conditions: [String: SimCondition] = [:]
  var settings: [String: SimResourceSettings] = [:]
  var subprocessorsAcknowledged = true
  var requests: [String: SimRequest] = [:]
  var requestOrder: [String] = []
  var unsettled: Set<String> = []
  /// The earliest time something unsettled changes by itself (nil = unknown: look). Lets most calls skip the
  /// lifecycle walk.
  var nextEventAt: Double?
  /// When the processing queue is next free (the org works requests one after another).
  var queueFreeAt: Double = 0
  /// Simulated time when the org was last saved (a restart continues from there).
  var savedAt: Double = 0

  /// An org with only the admin user (the API token's owner).
  init(seed: UInt64, now: Double) {
    self.seed = seed
    random = SeededRandom(seed: seed)
    adminUserId = ""
    let admin = addUser(login: "admin@example.com", firstName: "Org", lastName: "Admin", now: now)
    adminUserId = admin.id
  }

  // MARK: - Building

  @discardableResult
  mutating func addUser(
    login: String, firstName: String, lastName: String, status: String = "ACTIVE", groupIds: [String] = [],
    managerId: String? = nil, now: Double
  ) -> SimUser {
    let user = SimUser(
      id: newID("00u"), login: login, email: login, firstName: firstName, lastName: lastName, status: status,
      groupIds: groupIds, managerId: managerId, created: now)
    users[user.id] = user
    userOrder.append(user.id)
    return user
  }

  mutating func addGroup(name: String) -> SimGroup {
    let group = SimGroup(id: newID("00g"), name: name)
    groups[group.id] = group
    return group
  }

  mutating func addApp(label: String, onBehalfAllowed: Bool, now: Double) -> (SimApp, SimEntry) {
    let app = SimApp(
      id: newID("0oa"), label: label,
      url: "https://\(label.lowercased().filter(\.isLetter)).example.com", created: now)
    apps[app.id] = app
    appOrder.append(app.id)
    let entry = SimEntry(
      id: newID("cen"), name: label, description: "Access to \(label)", resourceId: app.id)
    entries[entry.id] = entry
    entryOrder.append(entry.id)
    settings[app.id] = SimResourceSettings(onBehalfAllowed: onBehalfAllowed, onBehalfOnlyFor: nil)
    return (app, entry)
  }

  mutating func addSequence(name: String, description: String, autoApprove: Bool) -> SimSequence {
    let sequence = SimSequence(
      id: IDShape.hex24(using: &random), name: name, description: description, autoApprove: autoApprove)
    sequences[sequence.id] = sequence
    sequenceOrder.append(sequence.id)
    return sequence
  }

  /// A fresh id with `prefix` that is not yet used.
  mutating func newID(_ prefix: String) -> String {
    while true {
      let id = IDShape.okta(prefix, using: &random)
      if users[id] == nil, groups[id] == nil, apps[id] == nil, entries[id] == nil, conditions[id] == nil,
        requests[id] == nil
      {
        return id
      }
    }
  }

  // MARK: - Lookups

  /// A user by id, login, or unambiguous login short name (the part before `@`), as Okta resolves them.
  func user(idOrLogin key: String) -> SimUser? {
    if let user = users[key] { return user }
    let lowered = key.lowercased()
    if let found = userOrder.lazy.compactMap({ self.users[$0] }).first(where: {
      $0.login.lowercased() == lowered
    }) {
      return found
    }
    let short = userOrder.compactMap { users[$0] }.filter {
      $0.login.lowercased().split(separator: "@").first.map(String.init) == lowered
    }
    return short.count == 1 ? short[0] : nil
  }

  /// An app by id or ORN (`orn:okta:idp:{org}:apps:{name}:{id}`).
  func app(idOrORN key: String) -> SimApp? {
    if key.hasPrefix("orn:") { return key.split(separator: ":").last.flatMap { apps[String($0)] } }
    return apps[key]
  }

  /// The conditions of a resource, by priority.
  func conditions(of resourceId: String) -> [SimCondition] {
    conditions.values.filter { $0.resourceId == resourceId }.sorted { $0.priority < $1.priority }
  }

  /// Renumbers a resource's priorities 0, 1, 2, … keeping `first` (if given) at its requested place.
  mutating func compactPriorities(of resourceId: String, placing first: String? = nil, at place: Int? = nil) {
    var ordered = conditions(of: resourceId).map(\.id)
    if let first, let place, let index = ordered.firstIndex(of: first) {
      ordered.remove(at: index)
      ordered.insert(first, at: min(max(0, place), ordered.count))
    }
    for (priority, id) in ordered.enumerated() { conditions[id]?.priority = priority }
  }

  /// The condition that decides a request of `user` for `resourceId`: the highest-priority ACTIVE one whose
  /// requester settings admit the user.
  func decidingCondition(resourceId: String, user: SimUser) -> SimCondition? {
    conditions(of: resourceId).first { $0.status == "ACTIVE" && $0.admits(user) }
  }
}
