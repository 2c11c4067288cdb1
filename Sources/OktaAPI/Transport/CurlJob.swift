import CCurl
import Foundation
import Synchronization

/// One request in flight on the ``CurlMultiLoop``: its buffers and the continuation to resume.
///
/// Everything except `isCancelled` is touched only on the loop thread after `submit`.
final class CurlJob: @unchecked Sendable {
  let request: HTTPRequest
  var continuation: CheckedContinuation<HTTPResponse, any Error>?
  var responseBody = Data()
  /// Set when the answer grew past ``maxResponseBytes`` and the transfer was stopped.
  var responseTooLarge = false
  /// Okta pages are well under a megabyte; a bigger answer is a broken or hostile server, and keeping it
  /// would only exhaust memory.
  static let maxResponseBytes = 64 << 20
  var responseHeaders = HTTPHeaders()
  var headerList: UnsafeMutablePointer<curl_slist>?
  let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
  private let cancelled = Atomic<Bool>(false)

  init(request: HTTPRequest) {
    self.request = request
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit {
    curl_slist_free_all(headerList)
    errorBuffer.deallocate()
  }

  var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

  func markCancelled() { cancelled.store(true, ordering: .releasing) }

  /// Resumes the waiting task exactly once; later calls do nothing.
  func finish(_ result: Result<HTTPResponse, any Error>) {
    guard let continuation else { return }
    self.continuation = nil
    continuation.resume(with: result)
  }

  /// Collects one header line; a new status line (after `100 Continue` or a proxy) starts over.
  func receiveHeaderLine(_ line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("HTTP/") {
      responseHeaders = HTTPHeaders()
      return
    }
    guard let colon = trimmed.firstIndex(of: ":") else { return }
    let name = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
    let value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    responseHeaders.add(name, value)
  }
}
