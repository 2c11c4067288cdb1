import Foundation

extension OktaClient {
  private static func sequencesPath(_ resourceID: String) -> String {
    "/governance/api/v2/resources/\(segment(resourceID))/request-sequences"
  }

  /// The approval sequences usable on a resource.
  public func requestSequences(resource resourceID: String) throws(OktaError) -> OktaList<RequestSequence> {
    OktaList(client: self, first: try url(Self.sequencesPath(resourceID), query: []), format: .dataEnvelope)
  }

  public func requestSequence(resource resourceID: String, id sequenceID: String) async throws
    -> RequestSequence
  {
    try await get(Self.sequencesPath(resourceID) + "/" + Self.segment(sequenceID))
  }
}
