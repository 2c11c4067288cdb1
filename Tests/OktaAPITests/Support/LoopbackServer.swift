import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1:0 for transport tests: keep-alive, scripted answers, and
/// faults (drop the connection after reading a request, answer late). Counts connections and requests.
final class LoopbackServer: @unchecked Sendable {
  enum Action: Sendable {
    case respond(status: Int, headers: [(String, String)] = [], body: String = "")
    /// Read the request, then close without a byte of answer.
    case drop
    /// Answer after the delay.
    case delayed(Duration, status: Int)
  }

  struct Received: Sendable {
    let method: String
    let target: String
    let headers: [String: String]
    let body: String
    let connection: Int
  }

  private let listener: Int32
  let port: Int
  private let handler: @Sendable (Received) -> Action
  private let state = Mutex<(received: [Received], connections: Int, sockets: [Int32], stopped: Bool)>(
    ([], 0, [], false))

  init(_ handler: @escaping @Sendable (Received) -> Action) throws {
    self.handler = handler
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.listener = listener
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 128) == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(listener, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread { [self] in acceptLoop() }.start()
  }

  var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
  var received: [Received] { state.withLock { $0.received } }
  var connections: Int { state.withLock { $0.connections } }

  /// Stops accepting and cuts open connections. File descriptors are closed only by the threads
  /// that use them, so a number reused by a parallel test is never touched.
  func stop() {
    state.withLock { state in
      state.stopped = true
      for socket in state.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }
    shutdown(listener, Int32(SHUT_RDWR))
  }

  private func acceptLoop() {
    defer { close(listener) }
    while true {
      let client = accept(listener, nil, nil)
      guard client >= 0 else { return }
      var one: Int32 = 1
      setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      let number = state.withLock { state -> Int? in
        guard !state.stopped else { return nil }
        state.connections += 1
        state.sockets.append(client)
        return state.connections
      }
      guard let number else {
        close(client)
        return
      }
      Thread { [self] in serve(client, connection: number) }.start()
    }
  }

  private func serve(_ socket: Int32, connection: Int) {
    defer {
      state.withLock { state in
        state.sockets.removeAll { $0 == socket }
        close(socket)
      }
    }
    var buffer = [UInt8]()
    while let request = readRequest(socket, &buffer, connection: connection) {
      state.withLock { $0.received.append(request) }
      switch handler(request) {
      case .drop:
        return
      case .respond(let status, let headers, let body):
        guard write(socket, status: status, headers: headers, body: body) else { return }
      case .delayed(let delay, let status):
        Thread.sleep(
          forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
        guard write(socket, status: status, headers: [], body: "{}") else { return }
      }
    }
  }

  private func write(_ socket: Int32, status: Int, headers: [(String, String)], body: String) -> Bool {
    var text =
      "HTTP/1.1 \(status) X\r\nContent-Length: \(body.utf8.count)\r\nContent-Type: application/json\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    text += "\r\n" + body
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      == bytes.count
  }

  private func readRequest(_ socket: Int32, _ buffer: inout [UInt8], connection: Int) -> Received? {
    let separator: [UInt8] = [13, 10, 13, 10]
    var headerEnd: Int?
    while true {
      if let end = buffer.firstRange(of: separator)?.upperBound { headerEnd = end }
      if let headerEnd {
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
            in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        if buffer.count >= headerEnd + length {
          let body = String(decoding: buffer[headerEnd..<(headerEnd + length)], as: UTF8.self)
          buffer.removeFirst(headerEnd + length)
          return Received(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body,
            connection: connection)
        }
      }
      var chunk = [UInt8](repeating: 0, count: 16_384)
      let count = recv(socket, &chunk, chunk.count, 0)
      guard count > 0 else { return nil }
      buffer += chunk[..<count]
    }
  }
}
