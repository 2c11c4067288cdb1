import Foundation
import Synchronization
import Testing

@testable import OktaAPI

/// ``OktaClient`` on the real libcurl transport against a loopback server.
@Suite struct ClientOverHTTPTests {
  func client(
    _ server: LoopbackServer, clock: RecordingClock = RecordingClock(), tracer: CollectingTracer? = nil
  )
    throws -> OktaClient
  {
    try OktaClient(
      orgURL: server.url, authenticator: SSWSAuthenticator(token: Secret(knownToken)),
      transport: CurlTransport(),
      clock: clock, retryPolicy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(30)), tracer: tracer)
  }

  @Test func postAcceptedThenDroppedOverAUsedConnectionIsSentOnceAndAmbiguous() async throws {
    let server = try LoopbackServer { request in
      request.method == "POST" ? .drop : .respond(status: 200, body: sampleRequestJSON)
    }
    defer { server.stop() }
    let client = try client(server)
    _ = try await client.request("reqA")  // leaves a keep-alive connection in the cache
    await #expect {
      _ = try await client.createRequest(
        NewAccessRequest(entryID: "cen1234567890abcdefg", forUser: "00u1234567890abcdefg"))
    } throws: { error in
      (error as? OktaError)?.kind == .ambiguousOutcome
    }
    let posts = server.received.filter { $0.method == "POST" }
    #expect(posts.count == 1)
    #expect(posts.first?.connection != server.received.first?.connection)
  }

  @Test func serverErrorsAreRetriedForGETButNotForPOST() async throws {
    let calls = Mutex(0)
    let server = try LoopbackServer { request in
      if request.method == "POST" {
        return .respond(status: 503, body: errorBody("E0000010", "Service unavailable"))
      }
      let call = calls.withLock { count in
        count += 1
        return count
      }
      return call < 3
        ? .respond(status: 500, body: errorBody("E0000009", "Internal error"))
        : .respond(status: 200, body: sampleRequestJSON)
    }
    defer { server.stop() }
    let clock = RecordingClock()
    let client = try client(server, clock: clock)
    #expect(try await client.request("reqA").id == "reqA")
    #expect(server.received.filter { $0.method == "GET" }.count == 3)
    #expect(clock.sleeps.count == 2)
    await #expect(throws: OktaError.self) {
      _ = try await client.createRequest(
        NewAccessRequest(entryID: "cen1234567890abcdefg", forUser: "00u1234567890abcdefg"))
    }
    #expect(server.received.filter { $0.method == "POST" }.count == 1)
  }

  @Test func rateLimitUsesTheServersDateAndSendsRetryHeaders() async throws {
    let serverNow = Date(timeIntervalSince1970: 2_000_000_000)
    let calls = Mutex(0)
    let server = try LoopbackServer { _ in
      let call = calls.withLock { count in
        count += 1
        return count
      }
      let headers = rateHeaders(
        remaining: call == 1 ? 0 : 41, resetIn: 6, serverNow: serverNow, requestID: "rid\(call)")
      return call == 1
        ? .respond(
          status: 429, headers: headers.map { ($0.name, $0.value) }, body: errorBody("E0000047", "rate"))
        : .respond(status: 200, headers: headers.map { ($0.name, $0.value) }, body: sampleRequestJSON)
    }
    defer { server.stop() }
    let clock = RecordingClock(now: Date(timeIntervalSince1970: 5))
    let tracer = CollectingTracer()
    let client = try client(server, clock: clock, tracer: tracer)
    _ = try await client.request("reqA")
    #expect(clock.sleeps == [.seconds(7)])
    let retry = try #require(server.received.last)
    #expect(retry.headers["x-okta-retry-for"] == "rid1")
    #expect(retry.headers["x-okta-retry-count"] == "1")
    #expect(retry.headers["user-agent"] == "oktabulk/\(OktaClient.version)")
    #expect(client.rateLimit?.remaining == 41)
    let lines = tracer.lines
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("GET /governance/api/v2/requests/reqA 429 "))
    #expect(lines[1].contains("rate 41/600 reset 2000000006"))
    #expect(lines[1].contains("attempt 2"))
    #expect(lines.allSatisfy { !$0.contains(knownToken) })
  }

  @Test func connectionResetOnGETIsRetried() async throws {
    let calls = Mutex(0)
    let server = try LoopbackServer { _ in
      let call = calls.withLock { count in
        count += 1
        return count
      }
      return call == 1 ? .drop : .respond(status: 200, body: sampleRequestJSON)
    }
    defer { server.stop() }
    #expect(try await client(server).request("reqA").id == "reqA")
  }

  @Test func timeoutSurfacesAsAClearError() async throws {
    let server = try LoopbackServer { _ in .delayed(.milliseconds(800), status: 200) }
    defer { server.stop() }
    let client = try OktaClient(
      orgURL: server.url, authenticator: SSWSAuthenticator(token: Secret(knownToken)),
      transport: CurlTransport(),
      clock: RecordingClock(), retryPolicy: RetryPolicy(maxRetries: 0), requestTimeout: .milliseconds(100))
    await #expect {
      _ = try await client.request("reqA")
    } throws: { error in
      (error as? OktaError)?.kind == .transport(.timeout) && "\(error)".contains("timed out")
    }
  }
}
