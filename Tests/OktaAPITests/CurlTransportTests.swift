import Foundation
import Testing

@testable import OktaAPI

/// The libcurl transport over real loopback HTTP.
@Suite struct CurlTransportTests {
  @Test func idempotentRequestsShareAKeepAliveConnection() async throws {
    let server = try LoopbackServer { _ in .respond(status: 200, body: #"{"ok":true}"#) }
    defer { server.stop() }
    let transport = CurlTransport()
    for _ in 0..<5 {
      let response = try await transport.send(
        HTTPRequest(method: .get, url: server.url.appending(path: "/a")))
      #expect(response.status == 200)
      #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
      #expect(response.headers["content-type"] == "application/json")
    }
    #expect(server.connections == 1)
  }

  @Test func bodiesAndHeadersArriveIntact() async throws {
    let server = try LoopbackServer { request in
      .respond(status: 201, headers: [("X-Echo", request.headers["x-test"] ?? "")], body: request.body)
    }
    defer { server.stop() }
    let body = Data(#"{"name":"caf\u00e9 ☕","n":1}"#.utf8)
    for method in [HTTPMethod.post, .patch, .put] {
      let response = try await CurlTransport().send(
        HTTPRequest(
          method: method, url: server.url.appending(path: "/x"), headers: ["X-Test": "yes"], body: body))
      #expect(response.status == 201)
      #expect(response.body == body)
      #expect(response.headers["X-Echo"] == "yes")
    }
    #expect(server.received.map(\.method) == ["POST", "PATCH", "PUT"])
  }

  @Test func nonIdempotentRequestsUseAFreshConnectionEachTime() async throws {
    let server = try LoopbackServer { _ in .respond(status: 202, body: "{}") }
    defer { server.stop() }
    let transport = CurlTransport()
    _ = try await transport.send(HTTPRequest(method: .get, url: server.url.appending(path: "/warm")))
    for _ in 0..<3 {
      _ = try await transport.send(
        HTTPRequest(method: .post, url: server.url.appending(path: "/r"), body: Data("{}".utf8)))
    }
    _ = try await transport.send(HTTPRequest(method: .get, url: server.url.appending(path: "/warm")))
    let connections = server.received.map(\.connection)
    #expect(Set(connections[1...3]).count == 3)
    #expect(!connections[1...3].contains(connections[0]))
    #expect(connections[4] == connections[0])  // the GET connection survived the POSTs
  }

  /// The case URLSession gets wrong: a POST over a used keep-alive connection that the server
  /// accepts and then drops. It must reach the server exactly once and come back as "sent, lost".
  @Test func droppedPostReachesTheServerOnce() async throws {
    let server = try LoopbackServer { request in
      request.method == "POST" ? .drop : .respond(status: 200, body: "{}")
    }
    defer { server.stop() }
    let transport = CurlTransport()
    _ = try await transport.send(HTTPRequest(method: .get, url: server.url.appending(path: "/warm")))
    await #expect {
      _ = try await transport.send(
        HTTPRequest(method: .post, url: server.url.appending(path: "/requests"), body: Data("{}".utf8)))
    } throws: { error in
      guard let error = error as? TransportError else { return false }
      return error.kind == .connectionLost && error.requestSent
    }
    #expect(server.received.filter { $0.method == "POST" }.count == 1)
  }

  @Test func millisecondTotalTimeout() async throws {
    let server = try LoopbackServer { _ in .delayed(.milliseconds(1500), status: 200) }
    defer { server.stop() }
    let elapsed = try await bestOf {
      let started = ContinuousClock.now
      await #expect {
        _ = try await CurlTransport().send(
          HTTPRequest(method: .get, url: server.url.appending(path: "/slow"), timeout: .milliseconds(150)))
      } throws: { error in
        (error as? TransportError)?.kind == .timeout
      }
      let elapsed = ContinuousClock.now - started
      #expect(elapsed >= .milliseconds(140))
      return elapsed
    }
    #expect(elapsed < .milliseconds(1000))
  }

  @Test func cancellationReturnsWithin100Milliseconds() async throws {
    let server = try LoopbackServer { _ in .delayed(.seconds(2), status: 200) }
    defer { server.stop() }
    let transport = CurlTransport()
    let latency = try await bestOf {
      let before = server.received.count
      let task = Task {
        try await transport.send(
          HTTPRequest(method: .get, url: server.url.appending(path: "/slow"), timeout: .seconds(10)))
      }
      while server.received.count == before { try await Task.sleep(for: .milliseconds(5)) }
      let started = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      return ContinuousClock.now - started
    }
    #expect(latency < .milliseconds(100))
  }

  @Test func refusedConnectionIsReportedAsNotSent() async throws {
    let server = try LoopbackServer { _ in .respond(status: 200) }
    let url = server.url
    server.stop()
    await #expect {
      _ = try await CurlTransport().send(
        HTTPRequest(method: .post, url: url.appending(path: "/x"), body: Data()))
    } throws: { error in
      guard let error = error as? TransportError else { return false }
      return error.kind == .connectionRefused && !error.requestSent
    }
  }

  @Test func manyConcurrentRequestsAllComplete() async throws {
    let server = try LoopbackServer { request in .respond(status: 200, body: request.target) }
    defer { server.stop() }
    let transport = CurlTransport()
    let bodies = try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0..<75 {
        group.addTask {
          let response = try await transport.send(
            HTTPRequest(method: .get, url: server.url.appending(path: "/n/\(index)")))
          return String(decoding: response.body, as: UTF8.self)
        }
      }
      return try await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(bodies == Set((0..<75).map { "/n/\($0)" }))
  }
}
