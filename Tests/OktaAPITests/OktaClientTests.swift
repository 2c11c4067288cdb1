import Foundation
import Testing

@testable import OktaAPI

@Suite struct OktaClientTests {
  let serverNow = Date(timeIntervalSince1970: 1_900_000_000)

  @Test func sendsSSWSUserAgentAndJSONHeaders() async throws {
    let transport = ScriptedTransport([.success(.json(200, #"{"id":"00u1","status":"ACTIVE"}"#))])
    let user = try await makeClient(transport).user("ada+test@example.com")
    #expect(user.id == "00u1")
    let request = try #require(transport.requests.first)
    #expect(request.headers["Authorization"] == "SSWS " + knownToken)
    #expect(request.headers["User-Agent"] == "oktabulk/\(OktaClient.version)")
    #expect(request.headers["Accept"] == "application/json")
    #expect(request.url.absoluteString == "https://acme.okta.com/api/v1/users/ada%2Btest%40example.com")
    #expect(!request.freshConnection)
  }

  @Test func honours429WithServerDateThenSucceedsWithRetryHeaders() async throws {
    let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_000))  // local clock far from the server's
    let transport = ScriptedTransport([
      .success(
        .json(
          429, errorBody("E0000047", "API call exceeded rate limit"),
          headers: rateHeaders(remaining: 0, resetIn: 4, serverNow: serverNow, requestID: "first429"))),
      .success(
        .json(
          429, errorBody("E0000047", "API call exceeded rate limit"),
          headers: rateHeaders(remaining: 0, resetIn: 2, serverNow: serverNow, requestID: "second429"))),
      .success(
        .json(
          200, sampleRequestJSON,
          headers: rateHeaders(remaining: 599, resetIn: 60, serverNow: serverNow, requestID: "ok"))),
    ])
    let client = try makeClient(
      transport, clock: clock, policy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(30)))
    let request = try await client.request("reqA")
    #expect(request.status == .submitted)
    #expect(clock.sleeps == [.seconds(5), .seconds(3)])
    let sent = transport.requests
    #expect(sent[0].headers["X-Okta-Retry-For"] == nil)
    #expect(sent[1].headers["X-Okta-Retry-For"] == "first429")
    #expect(sent[1].headers["X-Okta-Retry-Count"] == "1")
    #expect(sent[2].headers["X-Okta-Retry-For"] == "first429")
    #expect(sent[2].headers["X-Okta-Retry-Count"] == "2")
    #expect(client.rateLimit?.remaining == 599)
  }

  @Test func exhausted429SurfacesAsRateLimitedWithRequestID() async throws {
    let limited = Result<HTTPResponse, TransportError>.success(
      .json(
        429, errorBody("E0000047", "API call exceeded rate limit due to too many requests."),
        headers: rateHeaders(remaining: 0, resetIn: 1, serverNow: serverNow, requestID: "rid-429")))
    let transport = ScriptedTransport([limited, limited])
    let client = try makeClient(transport, policy: RetryPolicy(maxRetries: 1))
    await #expect {
      _ = try await client.request("reqA")
    } throws: { error in
      guard let error = error as? OktaError else { return false }
      return error.kind == .rateLimited && error.requestId == "rid-429" && error.errorCode == "E0000047"
        && error.message.contains("after 1 retry") && error.message.contains("rid-429")
    }
    #expect(transport.requests.count == 2)
  }

  @Test func serverErrorsAreRetriedForGET() async throws {
    let transport = ScriptedTransport([
      .success(.json(503, errorBody("E0000009", "Internal Server Error"))),
      .failure(TransportError(.connectionLost, requestSent: true)),
      .success(.json(200, sampleRequestJSON)),
    ])
    let clock = RecordingClock()
    let request = try await makeClient(transport, clock: clock).request("reqA")
    #expect(request.id == "reqA")
    #expect(transport.requests.count == 3)
    #expect(clock.sleeps.count == 2)
  }

  @Test func postIsNeverResentAfterAServerError() async throws {
    let transport = ScriptedTransport([
      .success(.json(502, "")), .success(.json(202, sampleRequestJSON)),
    ])
    await #expect {
      _ = try await makeClient(transport).createRequest(NewAccessRequest(entryID: "cen1", forUser: "00u1"))
    } throws: { error in
      (error as? OktaError)?.status == 502 && (error as? OktaError)?.isAmbiguousOutcome == true
    }
    #expect(transport.requests.count == 1)
    #expect(transport.requests[0].freshConnection)
  }

  @Test func postLostAfterSendingIsAmbiguousAndSentOnce() async throws {
    let transport = ScriptedTransport([
      .failure(TransportError(.connectionLost, requestSent: true, detail: "Empty reply from server")),
      .success(.json(202, sampleRequestJSON)),
    ])
    await #expect {
      _ = try await makeClient(transport).createRequest(NewAccessRequest(entryID: "cen1", forUser: "00u1"))
    } throws: { error in
      guard let error = error as? OktaError else { return false }
      return error.kind == .ambiguousOutcome && error.isAmbiguousOutcome
        && error.message.contains("POST /governance/api/v2/requests")
        && error.message.contains("outcome unknown")
    }
    #expect(transport.requests.count == 1)
  }

  @Test func postThatNeverLeftIsAPlainTransportError() async throws {
    let transport = ScriptedTransport([.failure(TransportError(.connectionRefused, requestSent: false))])
    await #expect {
      _ = try await makeClient(transport).createRequest(NewAccessRequest(entryID: "cen1", forUser: "00u1"))
    } throws: { error in
      (error as? OktaError)?.kind == .transport(.connectionRefused)
        && (error as? OktaError)?.isAmbiguousOutcome == false
    }
  }

  @Test func a429OnPOSTIsRetriedBecauseOktaDidNothing() async throws {
    let transport = ScriptedTransport([
      .success(
        .json(
          429, errorBody("E0000047", "rate"),
          headers: rateHeaders(remaining: 0, resetIn: 1, serverNow: serverNow, requestID: "r1"))),
      .success(.json(202, sampleRequestJSON)),
    ])
    let created = try await makeClient(transport).createRequest(
      NewAccessRequest(entryID: "cen1", forUser: "00u1"))
    #expect(created.id == "reqA")
    #expect(transport.requests.count == 2)
    #expect(transport.requests[1].headers["X-Okta-Retry-For"] == "r1")
  }

  @Test(arguments: [
    ("E0000011", 401, "API token was rejected"),
    ("E0000004", 401, "authentication failed"),
    ("E0000006", 403, "permission denied"),
    ("E0000007", 404, "not found (E0000007)"),
    ("E0000195", 403, "not assigned to the Okta Access Requests app"),
    ("E9999999", 409, "conflict with the current state (HTTP 409)"),
  ])
  func commonErrorsReadAsOneClearLine(code: String, status: Int, phrase: String) async throws {
    let transport = ScriptedTransport([
      .success(.json(status, errorBody(code, "Okta says no"), headers: ["X-Okta-Request-Id": "rid-\(code)"]))
    ])
    await #expect {
      _ = try await makeClient(transport).requestCondition(resource: "0oa1", id: "rco1")
    } throws: { error in
      let message = "\(error)"
      return message.contains(phrase) && message.contains("[request id rid-\(code)]")
        && message.contains("GET /governance/api/v2/resources/0oa1/request-conditions/rco1")
        && !message.contains("\n")
    }
  }

  @Test func unknownEnumValuesAndFieldsDecode() async throws {
    let body = sampleRequestJSON.replacingOccurrences(
      of: #""SUBMITTED""#, with: #""ESCALATED","newField":{"x":1}"#)
    let transport = ScriptedTransport([.success(.json(200, body))])
    let request = try await makeClient(transport).request("reqA")
    #expect(request.status.rawValue == "ESCALATED")
    #expect(!request.status.isFinal)
  }

  @Test func malformedAnswerNamesTheField() async throws {
    let transport = ScriptedTransport([.success(.json(200, #"{"id":"reqA","status":"PENDING"}"#))])
    await #expect {
      _ = try await makeClient(transport).request("reqA")
    } throws: { error in
      (error as? OktaError)?.kind == .invalidResponse && "\(error)".contains("requestedFor")
    }
  }

  @Test func requestFilterIsSCIMAndPercentEncoded() async throws {
    let transport = ScriptedTransport([.success(.json(200, #"{"data":[],"_links":{"self":{"href":"x"}}}"#))])
    let filter =
      RequestFilter.status(.pending) && .requestedFor("00u1") && .resourceID("0oa\"x")
      && .lastUpdated(after: Date(timeIntervalSince1970: 1_653_401_722))
    #expect(
      filter.description
        == #"status eq "PENDING" and requestedFor eq "00u1" and resourceId eq "0oa\"x" and lastUpdated gt "2022-05-24T14:15:22Z""#
    )
    let found = try await makeClient(transport).requests(
      filter: filter, orderBy: RequestOrder(.created, ascending: false), pageSize: 500
    ).collect()
    #expect(found.isEmpty)
    let query = try #require(transport.requests.first?.url.query(percentEncoded: true))
    #expect(query.hasPrefix("filter=status%20eq%20%22PENDING%22%20and%20requestedFor"))
    #expect(query.contains("orderBy=created%20desc"))
    #expect(query.contains("limit=200"))
  }

  @Test func pagingFollowsLinkHeadersToTheEnd() async throws {
    let transport = ScriptedTransport { request in
      let after = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?.first {
        $0.name == "after"
      }?.value
      let page = Int(after ?? "0")!
      let items = (0..<2).map { #"{"id":"cen\#(page)\#($0)","name":"n","requestable":true,"_links":{}}"# }
      var headers: HTTPHeaders = [
        "Link": #"<https://acme.okta.com/governance/api/v2/catalogs/default/entries?limit=2>; rel="self""#
      ]
      if page < 3 {
        headers.add(
          "Link",
          "<https://acme.okta.com/governance/api/v2/catalogs/default/entries?limit=2&after=\(page + 1)>; rel=\"next\""
        )
      }
      return .json(200, #"{"data":[\#(items.joined(separator: ","))],"_links":{}}"#, headers: headers)
    }
    let client = try makeClient(transport)
    let ids = try await client.catalogEntries(pageSize: 2).collect().map(\.id)
    #expect(ids == ["cen00", "cen01", "cen10", "cen11", "cen20", "cen21", "cen30", "cen31"])
    #expect(transport.requests.count == 4)
    var pages = 0
    for try await page in try client.catalogEntries(pageSize: 2).pages {
      pages += 1
      #expect(page.items.count == 2)
    }
    #expect(pages == 4)
  }

  @Test func pagingResolvesRelativeLinksOverBareArrays() async throws {
    let transport = ScriptedTransport { request in
      if request.url.query?.contains("after=2") == true { return .json(200, #"[{"id":"00u3"}]"#) }
      return .json(
        200, #"[{"id":"00u1"},{"id":"00u2"}]"#,
        headers: ["Link": "</api/v1/users?search=x&after=2>; rel=\"next\""])
    }
    let ids = try await makeClient(transport).users(search: "profile.login sw \"a\"").collect().map(\.id)
    #expect(ids == ["00u1", "00u2", "00u3"])
  }

  @Test func aNextLinkToAnotherHostIsRefused() async throws {
    let transport = ScriptedTransport([
      .success(
        .json(200, "[]", headers: ["Link": "<https://evil.example.com/api/v1/apps?after=1>; rel=\"next\""]))
    ])
    await #expect(throws: OktaError.self) {
      _ = try await makeClient(transport).applications(q: "Sales").collect()
    }
    #expect(transport.requests.count == 1)
  }

  @Test func cancellationStopsBackoffAtOnce() async throws {
    let serverNow = serverNow
    let transport = ScriptedTransport { _ in
      .json(
        429, errorBody("E0000047", "rate"),
        headers: rateHeaders(remaining: 0, resetIn: 20, serverNow: serverNow, requestID: "r"))
    }
    let client = try OktaClient(
      orgURL: org, authenticator: SSWSAuthenticator(token: Secret(knownToken)), transport: transport,
      clock: SystemClock(), retryPolicy: RetryPolicy(maxRetries: 2, maxBackoff: .seconds(60)))
    let latency = await bestOf {
      let before = transport.requests.count
      let task = Task { try await client.request("reqA") }
      while transport.requests.count == before { await Task.yield() }
      let started = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      return ContinuousClock.now - started
    }
    #expect(latency < .milliseconds(100))
  }
}

@Suite struct OktaAnswerTests {
  @Test func answersCarryTheRequestIDForTheAuditTrail() async throws {
    let transport = ScriptedTransport([
      .success(.json(202, sampleRequestJSON, headers: ["X-Okta-Request-Id": "audit-1"]))
    ])
    let answer = try await makeClient(transport).answer(
      .post, "/governance/api/v2/requests", body: NewAccessRequest(entryID: "cen1", forUser: "00u1"),
      as: AccessRequest.self)
    #expect(answer.value.id == "reqA")
    #expect(answer.requestID == "audit-1")
    #expect(answer.status == 202)
  }

  @Test func anUnreadableSuccessToAPostIsAmbiguous() async throws {
    let transport = ScriptedTransport([.success(.json(202, "<html>proxy says hi</html>"))])
    await #expect {
      _ = try await makeClient(transport).createRequest(NewAccessRequest(entryID: "cen1", forUser: "00u1"))
    } throws: { error in
      (error as? OktaError)?.kind == .invalidResponse && (error as? OktaError)?.isAmbiguousOutcome == true
    }
  }
}

@Suite struct PathHandlingTests {
  @Test func rawPathsAreEncodedNotFatal() async throws {
    let transport = ScriptedTransport { _ in .json(200, "{}") }
    let client = try makeClient(transport)
    _ = try await client.send(.get, "/api/v1/users/a b/ü")
    _ = try await client.send(.get, "api/v1/users/ada%40example.com")
    _ = try await client.send(.get, "/api/v1/users/100%")
    #expect(
      transport.requests.map { $0.url.absoluteString } == [
        "https://acme.okta.com/api/v1/users/a%20b/%C3%BC",
        "https://acme.okta.com/api/v1/users/ada%40example.com",
        "https://acme.okta.com/api/v1/users/100%25",
      ])
  }
}
