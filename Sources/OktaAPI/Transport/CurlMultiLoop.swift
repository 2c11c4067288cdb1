import CCurl
import Foundation
import Synchronization

/// Owns a libcurl multi handle and the one thread that drives it.
///
/// Other threads only enqueue work (`submit`, `cancel`, `stop`) and wake the loop; every libcurl
/// call happens on the loop thread, so easy handles need no locking and each continuation is
/// resumed exactly once.
final class CurlMultiLoop: @unchecked Sendable {
  private enum Command {
    case add(CurlJob)
    case cancel(CurlJob)
  }

  private struct Inbox {
    var commands: [Command] = []
    var stopping = false
  }

  private let multi: UnsafeMutableRawPointer
  private let options: CurlTransport.Options
  private let inbox = Mutex(Inbox())
  // Loop-thread state.
  private var active: [UnsafeMutableRawPointer: CurlJob] = [:]
  private var idleHandles: [UnsafeMutableRawPointer] = []

  private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

  init(options: CurlTransport.Options) {
    _ = Self.globalInit
    self.options = options
    multi = curl_multi_init()
    oktabulk_curl_multi_set_long(multi, CURLMOPT_MAXCONNECTS, options.connectionCacheSize)
    let thread = Thread { [self] in run() }
    thread.name = "oktabulk-curl"
    thread.start()
  }

  func submit(_ job: CurlJob) {
    enqueue(.add(job))
  }

  func cancel(_ job: CurlJob) {
    job.markCancelled()
    enqueue(.cancel(job))
  }

  func stop() {
    inbox.withLock { $0.stopping = true }
    curl_multi_wakeup(multi)
  }

  private func enqueue(_ command: Command) {
    inbox.withLock { $0.commands.append(command) }
    curl_multi_wakeup(multi)
  }

  private func run() {
    var running: Int32 = 0
    while true {
      let (commands, stopping) = inbox.withLock { inbox in
        defer { inbox.commands.removeAll(keepingCapacity: true) }
        return (inbox.commands, inbox.stopping)
      }
      if stopping { break }
      for command in commands {
        switch command {
        case .add(let job): start(job)
        case .cancel(let job): abort(job)
        }
      }
      curl_multi_perform(multi, &running)
      collectFinished()
      curl_multi_poll(multi, nil, 0, 1000, nil)
    }
    shutDown()
  }

  private func start(_ job: CurlJob) {
    if job.isCancelled {
      job.finish(.failure(CancellationError()))
      return
    }
    let handle = idleHandles.popLast() ?? curl_easy_init()!
    configure(handle, for: job, proxy: options.proxy, connectTimeout: options.connectTimeout)
    active[handle] = job
    curl_multi_add_handle(multi, handle)
  }

  private func abort(_ job: CurlJob) {
    guard let handle = active.first(where: { $0.value === job })?.key else { return }
    release(handle)
    job.finish(.failure(CancellationError()))
  }

  private func collectFinished() {
    var remaining: Int32 = 0
    while let message = curl_multi_info_read(multi, &remaining) {
      guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
        let job = active[handle]
      else { continue }
      let code = oktabulk_curl_msg_result(message)
      let result = outcome(of: handle, job: job, code: code)
      release(handle)
      job.finish(result)
    }
  }

  private func release(_ handle: UnsafeMutableRawPointer) {
    curl_multi_remove_handle(multi, handle)
    active[handle] = nil
    curl_easy_reset(handle)
    idleHandles.append(handle)
  }

  private func outcome(of handle: UnsafeMutableRawPointer, job: CurlJob, code: CURLcode)
    -> Result<HTTPResponse, any Error>
  {
    if code == CURLE_OK {
      var status = 0
      oktabulk_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
      return .success(HTTPResponse(status: status, headers: job.responseHeaders, body: job.responseBody))
    }
    if job.responseTooLarge {
      return .failure(
        TransportError(
          .other, requestSent: true,
          detail: "answer larger than \(CurlJob.maxResponseBytes >> 20) MB, refused"))
    }
    var requestSize = 0
    oktabulk_curl_get_long(handle, CURLINFO_REQUEST_SIZE, &requestSize)
    let detail = String(cString: job.errorBuffer)
    let fallback = String(cString: curl_easy_strerror(code))
    return .failure(
      TransportError(
        Self.kind(of: code), requestSent: requestSize > 0, detail: detail.isEmpty ? fallback : detail))
  }

  private static func kind(of code: CURLcode) -> TransportError.Kind {
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .dns
    case CURLE_COULDNT_CONNECT: .connectionRefused
    case CURLE_OPERATION_TIMEDOUT: .timeout
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND:
      .tls
    case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE: .connectionLost
    default: .other
    }
  }

  private func shutDown() {
    for (handle, job) in active {
      curl_multi_remove_handle(multi, handle)
      curl_easy_cleanup(handle)
      job.finish(.failure(CancellationError()))
    }
    active = [:]
    let pending = inbox.withLock { $0.commands }
    for case .add(let job) in pending { job.finish(.failure(CancellationError())) }
    idleHandles.forEach { curl_easy_cleanup($0) }
    idleHandles = []
    curl_multi_cleanup(multi)
  }
}
