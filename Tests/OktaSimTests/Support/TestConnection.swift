import Foundation

@testable import OktaSim

#if canImport(Glibc)
  import Glibc
#endif

/// How a connection ended without an answer.
enum ConnectionEnd: Error, Equatable {
  /// The server sent RST (ECONNRESET).
  case reset
  /// The server closed the connection in order (FIN) without an answer.
  case closed
  /// Nothing arrived in time.
  case timeout
}

/// One answer read off the wire.
struct TestResponse {
  var status: Int
  /// Header values by lower-cased name; repeated headers (Link) are kept in order.
  var headers: [String: [String]]
  var body: [UInt8]

  func header(_ name: String) -> String? { headers[name.lowercased()]?.first }

  var json: JSONValue? { try? JSONParser.parse(body) }
  var text: String { String(decoding: body, as: UTF8.self) }
}

/// A raw HTTP/1.1 client connection over a POSIX socket: keep-alive, and it tells a reset from a close —
/// which URLSession cannot (it silently re-sends).
final class TestConnection {
  private let fd: Int32
  private var buffer: [UInt8] = []

  init(port: UInt16, timeoutSeconds: Int = 5) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(fd)
      throw ConnectionEnd.closed
    }
  }

  deinit { close(fd) }

  /// Sends one request.
  func send(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = []) {
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" || method == "PATCH" { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    let bytes = Array(head.utf8) + body
    _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Reads one answer (Content-Length framed).
  func receive() throws(ConnectionEnd) -> TestResponse {
    let separator: [UInt8] = [13, 10, 13, 10]
    var headerEnd: Int?
    while headerEnd == nil {
      if let found = Self.find(separator, in: buffer) {
        headerEnd = found
      } else {
        try fill()
      }
    }
    let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
    buffer.removeFirst(headerEnd! + 4)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst().split(separator: " ")
    let status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
    var headers: [String: [String]] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers[name, default: []].append(value)
    }
    let length = Int(headers["content-length"]?.first ?? "0") ?? 0
    while buffer.count < length { try fill() }
    let body = Array(buffer[..<length])
    buffer.removeFirst(length)
    return TestResponse(status: status, headers: headers, body: body)
  }

  /// Sends and reads.
  func exchange(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = [])
    throws(ConnectionEnd) -> TestResponse
  {
    send(method, target, headers: headers, body: body)
    return try receive()
  }

  private func fill() throws(ConnectionEnd) {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    if count > 0 {
      buffer.append(contentsOf: chunk[..<count])
      return
    }
    if count == 0 { throw .closed }
    if errno == ECONNRESET { throw .reset }
    throw .timeout
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<start + needle.count].elementsEqual(needle) {
      return start
    }
    return nil
  }
}
