/// The seeded demo org: a few apps with catalog entries and conditions, approval sequences (one
/// auto-approve), groups and a few hundred users. The same seed always builds the same org.
enum DemoOrg {
  /// Apps of the demo org, in order, with whether they allow requests on behalf of others.
  static let apps: [(label: String, onBehalfAllowed: Bool)] = [
    ("Salesforce", true), ("Slack", true), ("GitHub Enterprise", false), ("Zoom", false),
  ]
  /// How many regular users the demo org has (plus the admin).
  static let userCount = 300
  /// Positions (0-based, among the regular users) of the deactivated ones.
  static let deactivated: Set<Int> = [17, 67, 117, 167, 217, 267]

  static let firstNames = [
    "Ada", "Alan", "Barbara", "Brian", "Carol", "Dennis", "Edsger", "Frances", "Grace", "Guido", "Hedy",
    "Ivan",
    "James", "Jean", "Ken", "Leslie", "Linus", "Margaret", "Niklaus", "Radia", "Rob", "Shafi", "Sophie",
    "Tim",
    "Vint", "Whitfield", "Yukihiro", "Zoe", "Anita", "Bjarne",
  ]
  static let lastNames = [
    "Lovelace", "Turing", "Liskov", "Kernighan", "Shaw", "Ritchie", "Dijkstra", "Allen", "Hopper", "Rossum",
    "Lamarr", "Sutherland", "Gosling", "Sammet", "Thompson", "Lamport", "Torvalds", "Hamilton", "Wirth",
    "Perlman", "Pike", "Goldwasser", "Wilson", "Berners", "Cerf", "Diffie", "Matsumoto", "Keller", "Borg",
    "Stroustrup",
  ]

  /// Builds the demo org as of `now` (epoch seconds).
  static func build(seed: UInt64, now: Double, users: Int = userCount) -> Org {
    var org = Org(seed: seed, now: now - 400 * 86400)
    let engineering = org.addGroup(name: "Engineering")
    let sales = org.addGroup(name: "Sales")
    let contractors = org.addGroup(name: "Contractors")
    var logins: Set<String> = []
    var managers: [String] = []
    for index in 0..<max(users, 11) {
      let first = firstNames[Int(org.random.next() % UInt64(firstNames.count))]
      let last = lastNames[Int(org.random.next() % UInt64(lastNames.count))]
      var login = "\(first.lowercased()).\(last.lowercased())@example.com"
      var suffix = 2
      while logins.contains(login) {
        login = "\(first.lowercased()).\(last.lowercased())\(suffix)@example.com"
        suffix += 1
      }
      logins.insert(login)
      var groups: [String] = []
      let draw = org.random.next() % 12
      if draw < 4 { groups.append(engineering.id) }
      if draw >= 4 && draw < 7 { groups.append(sales.id) }
      if draw == 11 { groups.append(contractors.id) }
      let manager =
        managers.isEmpty ? org.adminUserId : managers[Int(org.random.next() % UInt64(managers.count))]
      let user = org.addUser(
        login: login, firstName: first, lastName: last,
        status: deactivated.contains(index) ? "DEPROVISIONED" : "ACTIVE", groupIds: groups,
        managerId: manager,
        now: now - Double(users - index) * 86400)
      if index < 10 { managers.append(user.id) }
    }
    let manager = org.addSequence(
      name: "Manager approval", description: "The requester's manager approves", autoApprove: false)
    let security = org.addSequence(
      name: "Security review", description: "Manager, then the security team approve", autoApprove: false)
    _ = org.addSequence(
      name: "Auto-approve", description: "No approvers needed: requests are approved automatically",
      autoApprove: true)
    for app in apps {
      let (created, _) = org.addApp(
        label: app.label, onBehalfAllowed: app.onBehalfAllowed, now: now - 200 * 86400)
      let standard: [(String, JSONValue, SimSequence, String)] = [
        (
          "Engineering - manager approval", ["type": "GROUPS", "groups": [["id": .string(engineering.id)]]],
          manager,
          "ACTIVE"
        ),
        ("Everyone - manager approval", ["type": "EVERYONE"], manager, "ACTIVE"),
        (
          "Contractors - security review", ["type": "GROUPS", "groups": [["id": .string(contractors.id)]]],
          security,
          "INACTIVE"
        ),
      ]
      for (priority, (name, requester, sequence, status)) in standard.enumerated() {
        let condition = SimCondition(
          id: org.newID("rco"), resourceId: created.id, name: name,
          description: "Standard condition for \(app.label)", priority: priority, status: status,
          requesterSettings: requester, accessScopeSettings: ["type": "RESOURCE_DEFAULT"],
          accessDurationSettings: nil, approvalSequenceId: sequence.id, created: now - 100 * 86400,
          createdBy: org.adminUserId, lastUpdated: now - 100 * 86400, lastUpdatedBy: org.adminUserId)
        org.conditions[condition.id] = condition
      }
    }
    return org
  }
}
