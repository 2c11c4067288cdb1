import Foundation
import OktaAPI

/// Org objects for planner tests, built from JSON as the API sends them.
enum OrgFixtures {
  static let resource = "0oa1234567890abcdefg"
  static let autoSequence = "seqAUTO0000000000000000a"
  static let managerSequence = "seqMANAGER00000000000000"

  static func condition(
    _ id: String, name: String, status: String = "ACTIVE", priority: Int, sequence: String = managerSequence
  ) -> RequestCondition {
    decode(
      """
      {"id":"\(id)","name":"\(name)","status":"\(status)","priority":\(priority),
       "approvalSequenceId":"\(sequence)","requesterSettings":{"type":"GROUPS","groups":[{"id":"00g1"}]},
       "accessScopeSettings":{"type":"RESOURCE_DEFAULT"},
       "accessDurationSettings":{"type":"ADMIN_FIXED_DURATION","duration":"P7D"},"_links":{}}
      """)
  }

  static func sequence(_ id: String, name: String, description: String? = nil) -> RequestSequence {
    decode(
      #"{"id":"\#(id)","name":"\#(name)","description":"\#(description ?? "")","link":"https://example/\#(id)"}"#
    )
  }

  static func settings(onBehalf: String?) -> ResourceRequestSettings {
    decode(onBehalf.map { #"{"requestOnBehalfOfSettings":\#($0)}"# } ?? "{}")
  }

  static let sequences = [
    sequence(managerSequence, name: "Manager approval"),
    sequence(autoSequence, name: "Migration", description: "Auto-approve, no reviewers"),
  ]

  static func decode<T: Decodable>(_ json: String) -> T {
    do { return try JSONDecoder().decode(T.self, from: Data(json.utf8)) } catch {
      fatalError("fixture JSON does not decode as \(T.self): \(error)")
    }
  }

  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try! encoder.encode(value), as: UTF8.self)
  }
}
