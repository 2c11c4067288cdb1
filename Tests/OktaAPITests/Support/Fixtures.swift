import Foundation
import Synchronization

@testable import OktaAPI

/// A token shaped like Okta's; tests search every output for it.
let knownToken = "00abcDEFghiJKLmnoPQRstuVWXyz0123456789-_Z"

let org = URL(string: "https://acme.okta.com")!

/// Collects trace events.
final class CollectingTracer: OktaTracer {
  private let events = Mutex<[TraceEvent]>([])
  func record(_ event: TraceEvent) { events.withLock { $0.append(event) } }
  var lines: [String] { events.withLock { $0.map(\.line) } }
  var all: [TraceEvent] { events.withLock { $0 } }
}

func makeClient(
  _ transport: ScriptedTransport, clock: RecordingClock = RecordingClock(), policy: RetryPolicy = .default,
  tracer: (any OktaTracer)? = nil
) throws -> OktaClient {
  try OktaClient(
    orgURL: org, authenticator: SSWSAuthenticator(token: Secret(knownToken)), transport: transport,
    clock: clock,
    retryPolicy: policy, tracer: tracer)
}

/// Rate-limit headers as Okta sends them, relative to a server `Date`.
func rateHeaders(limit: Int = 600, remaining: Int, resetIn: Int, serverNow: Date, requestID: String)
  -> HTTPHeaders
{
  [
    "Date": HTTPDate.format(serverNow),
    "X-Rate-Limit-Limit": String(limit),
    "X-Rate-Limit-Remaining": String(remaining),
    "X-Rate-Limit-Reset": String(Int(serverNow.timeIntervalSince1970) + resetIn),
    "X-Okta-Request-Id": requestID,
  ]
}

func errorBody(_ code: String, _ summary: String) -> String {
  #"{"errorCode":"\#(code)","errorSummary":"\#(summary)","errorLink":"\#(code)","errorId":"oae123","errorCauses":[]}"#
}

let sampleRequestJSON = #"""
  {"id":"reqA","status":"SUBMITTED","requestedFor":{"externalId":"00u1234567890abcdefg","type":"OKTA_USER"},
   "requestedBy":{"externalId":"00u1234567890abcdefh","type":"OKTA_USER"},
   "requested":{"entryId":"cen1234567890abcdefg","resourceId":"0oa1234567890abcdefg","resourceType":"APPLICATION"},
   "created":"2026-01-01T00:00:00Z","createdBy":"00u1","lastUpdated":"2026-01-01T00:00:00Z","lastUpdatedBy":"00u1",
   "_links":{"self":{"href":"https://acme.okta.com/governance/api/v2/requests/reqA"}}}
  """#
