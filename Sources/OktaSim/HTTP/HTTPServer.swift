import CMicroHTTPD
import Dispatch
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 built on libmicrohttpd (epoll, internal thread pool, suspend/resume),
/// with keep-alive, delayed answers that do not block other connections, and real resets and drops.
final class HTTPServer: Sendable {
  typealias Handler = @Sendable (HTTPRequest) -> HTTPOutcome

  /// Why the server could not start.
  struct StartError: Error, CustomStringConvertible {
    var port: UInt16
    var description: String { "could not start the HTTP server on 127.0.0.1:\(port) (port in use?)" }
  }

  private let handler: Handler
  private let countsInFlight: @Sendable (String) -> Bool
  private let daemon = Mutex<ConnectionRef?>(nil)
  private let suspended = Mutex(Suspended())
  private let inFlightCount = Atomic<Int>(0)
  private let boundPort = Atomic<UInt16>(0)
  private let delayQueue = DispatchQueue(label: "oktasim.delays", attributes: .concurrent)

  /// Bodies above this are refused (413) rather than buffered without end.
  static let maximumBody = 1 << 20

  /// The bound port (after `start`).
  var port: UInt16 { boundPort.load(ordering: .relaxed) }

  /// Requests currently in flight (received, not yet completed).
  var inFlight: Int { inFlightCount.load(ordering: .relaxed) }

  /// `countsInFlight(path)` says whether a request takes part in the in-flight count (control calls do not).
  init(countsInFlight: @escaping @Sendable (String) -> Bool = { _ in true }, handler: @escaping Handler) {
    self.countsInFlight = countsInFlight
    self.handler = handler
  }

  /// Starts listening on 127.0.0.1:`port` (0 = a free port).
  func start(port: UInt16, threads: Int) throws {
    let me = Unmanaged.passUnretained(self).toOpaque()
    let started = oktasim_start_daemon(
      port, UInt32(max(1, threads)), 4096, 120, HTTPServer.accessHandler, me, HTTPServer.completedHandler, me)
    guard let started else { throw StartError(port: port) }
    daemon.withLock { $0 = ConnectionRef(pointer: started) }
    boundPort.store(oktasim_daemon_port(started), ordering: .relaxed)
  }

  /// Resumes every suspended connection, then stops the daemon and closes all connections.
  func stop() {
    guard
      let running = daemon.withLock({ value -> ConnectionRef? in
        defer { value = nil }
        return value
      })
    else { return }
    let pending = suspended.withLock { suspended -> [ConnectionRef] in
      suspended.stopping = true
      defer { suspended.table.removeAll() }
      return Array(suspended.table.values)
    }
    for connection in pending { MHD_resume_connection(connection.pointer) }
    MHD_stop_daemon(running.pointer)
  }

  deinit { stop() }

  // MARK: - libmicrohttpd callbacks

  private static let accessHandler: MHD_AccessHandlerCallback = {
    cls, connection, url, method, _, uploadData, uploadSize, conCls in
    let server = Unmanaged<HTTPServer>.fromOpaque(cls!).takeUnretainedValue()
    return server.access(connection!, url, method, uploadData, uploadSize!, conCls!)
  }

  private static let completedHandler: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
    guard let cls, let conCls, let raw = conCls.pointee else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let context = Unmanaged<RequestContext>.fromOpaque(raw).takeRetainedValue()
    conCls.pointee = nil
    if let pending = context.pending { MHD_destroy_response(pending) }
    if context.counted { server.inFlightCount.subtract(1, ordering: .relaxed) }
  }

  private func access(
    _ connection: OpaquePointer, _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?,
    _ uploadData: UnsafePointer<CChar>?, _ uploadSize: UnsafeMutablePointer<Int>,
    _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  ) -> MHD_Result {
    guard let raw = conCls.pointee else {
      let context = RequestContext()
      context.counted = countsInFlight(url.map { String(cString: $0) } ?? "/")
      context.inFlight =
        context.counted
        ? inFlightCount.add(1, ordering: .relaxed).newValue : inFlightCount.load(ordering: .relaxed)
      conCls.pointee = Unmanaged.passRetained(context).toOpaque()
      return .YES
    }
    let context = Unmanaged<RequestContext>.fromOpaque(raw).takeUnretainedValue()
    if uploadSize.pointee > 0 {
      if let uploadData, context.body.count + uploadSize.pointee <= Self.maximumBody {
        uploadData.withMemoryRebound(to: UInt8.self, capacity: uploadSize.pointee) {
          context.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: uploadSize.pointee))
        }
      } else {
        context.bodyTooLarge = true
      }
      uploadSize.pointee = 0
      return .YES
    }
    if context.bodyTooLarge {
      let refusal = Self.build(
        .json(
          413,
          [
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed: the request body is larger than 1 MB",
            "errorLink": "E0000001", "errorId": "oaeTooLarge", "errorCauses": [],
          ]))
      let result = MHD_queue_response(connection, 413, refusal)
      MHD_destroy_response(refusal)
      return result
    }
    if let pending = context.pending {
      context.pending = nil
      let result = MHD_queue_response(connection, UInt32(context.pendingStatus), pending)
      MHD_destroy_response(pending)
      return result
    }
    let request = HTTPRequest(
      method: method.map { String(cString: $0) } ?? "GET",
      path: url.map { String(cString: $0) } ?? "/",
      query: Self.values(connection, .GET_ARGUMENT_KIND),
      headers: Dictionary(
        Self.values(connection, .HEADER_KIND).map { ($0.name.lowercased(), $0.value ?? "") },
        uniquingKeysWith: { first, _ in first }),
      body: context.body, inFlight: context.inFlight)
    switch handler(request) {
    case .respond(let response):
      let built = Self.build(response)
      let result = MHD_queue_response(connection, UInt32(response.status), built)
      MHD_destroy_response(built)
      return result
    case .delayed(let response, let milliseconds):
      context.pending = Self.build(response)
      context.pendingStatus = response.status
      // Suspend first, then register: a resume (timer or stop) only ever sees suspended connections, and one
      // registered after stop began is resumed here, since libmicrohttpd must not stop with any suspended.
      let key = UInt(bitPattern: Int(bitPattern: connection))
      MHD_suspend_connection(connection)
      let resumeNow = suspended.withLock { suspended -> Bool in
        if suspended.stopping { return true }
        suspended.table[key] = ConnectionRef(pointer: connection)
        return false
      }
      if resumeNow {
        MHD_resume_connection(connection)
      } else {
        delayQueue.asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [self] in
          if let ref = suspended.withLock({ $0.table.removeValue(forKey: key) }) {
            MHD_resume_connection(ref.pointer)
          }
        }
      }
      return .YES
    case .reset:
      _ = oktasim_arm_reset(connection)
      return .NO
    case .drop:
      return .NO
    }
  }

  private static func build(_ response: HTTPResponse) -> OpaquePointer {
    let built = response.body.withUnsafeBytes { buffer in
      MHD_create_response_from_buffer(
        buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
    }!
    for (name, value) in response.headers { MHD_add_response_header(built, name, value) }
    return built
  }

  private static func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(
    name: String, value: String?
  )] {
    let box = PairBox()
    let iterator: MHD_KeyValueIterator = { cls, _, key, value in
      let box = Unmanaged<PairBox>.fromOpaque(cls!).takeUnretainedValue()
      box.pairs.append((key.map { String(cString: $0) } ?? "", value.map { String(cString: $0) }))
      return .YES
    }
    withExtendedLifetime(box) {
      _ = MHD_get_connection_values(connection, kind, iterator, Unmanaged.passUnretained(box).toOpaque())
    }
    return box.pairs
  }
}

/// Per-request state kept by libmicrohttpd between callbacks (only touched on the connection's thread, or
/// after a resume, which libmicrohttpd orders).
private final class RequestContext {
  var body: [UInt8] = []
  var inFlight = 1
  var counted = true
  var bodyTooLarge = false
  var pending: OpaquePointer?
  var pendingStatus = 200
}

/// Connections held for a delayed answer, and whether the server is stopping.
private struct Suspended {
  var table: [UInt: ConnectionRef] = [:]
  var stopping = false
}

private final class PairBox {
  var pairs: [(name: String, value: String?)] = []
}

/// A libmicrohttpd pointer (daemon or connection) that crosses threads; libmicrohttpd allows resume and stop
/// from any thread.
private struct ConnectionRef: @unchecked Sendable {
  var pointer: OpaquePointer
}
