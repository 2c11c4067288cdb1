import Foundation
import Testing

@testable import OktaAPI

/// An answer too big to be Okta's is cut off, not kept until memory runs out.
@Suite struct ResponseLimitTests {
  @Test func anOversizedAnswerIsRefusedAsATransportFailure() async throws {
    let huge = String(repeating: "a", count: CurlJob.maxResponseBytes + 1)
    let server = try LoopbackServer { _ in .respond(status: 200, body: huge) }
    defer { server.stop() }
    do {
      let response = try await CurlTransport().send(
        HTTPRequest(method: .get, url: server.url.appending(path: "/big")))
      Issue.record("accepted \(response.body.count) bytes")
    } catch let error as TransportError {
      #expect(error.kind == .other)
      #expect(error.description == "transport failure (answer larger than 64 MB, refused)")
    }
    // The same transport still works for answers of a normal size.
    let small = try LoopbackServer { _ in .respond(status: 200, body: "{}") }
    defer { small.stop() }
    let response = try await CurlTransport().send(HTTPRequest(method: .get, url: small.url))
    #expect(response.status == 200)
  }
}
