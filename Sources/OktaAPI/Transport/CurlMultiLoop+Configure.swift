import CCurl
import Foundation

extension CurlMultiLoop {
  /// Sets every option of one exchange on a freshly reset easy handle.
  func configure(
    _ handle: UnsafeMutableRawPointer, for job: CurlJob, proxy: String?, connectTimeout: Duration
  ) {
    let request = job.request
    let context = Unmanaged.passUnretained(job).toOpaque()
    oktabulk_curl_set_string(handle, CURLOPT_URL, request.url.absoluteString)
    oktabulk_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    oktabulk_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
    // A zero timeout means none, as in Okta's SDKs (`requestTimeout: 0`) and libcurl.
    let unlimited = request.timeout <= .zero
    oktabulk_curl_set_long(handle, CURLOPT_TIMEOUT_MS, unlimited ? 0 : request.timeout.milliseconds)
    oktabulk_curl_set_long(
      handle, CURLOPT_CONNECTTIMEOUT_MS,
      unlimited ? connectTimeout.milliseconds : min(request.timeout, connectTimeout).milliseconds)
    oktabulk_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, job.errorBuffer)
    if let proxy {
      oktabulk_curl_set_string(handle, CURLOPT_PROXY, proxy)
    } else if OrgURLPolicy.isLoopback(request.url.host ?? "") {
      // The simulator is on this machine: a corporate `https_proxy` must not capture it.
      oktabulk_curl_set_string(handle, CURLOPT_PROXY, "")
    }
    if request.freshConnection {
      // A non-idempotent request must never ride a connection that might be dead: libcurl would
      // resend it on a new one, and the server could act twice.
      oktabulk_curl_set_long(handle, CURLOPT_FRESH_CONNECT, 1)
      oktabulk_curl_set_long(handle, CURLOPT_FORBID_REUSE, 1)
    }

    switch request.method {
    case .get: oktabulk_curl_set_long(handle, CURLOPT_HTTPGET, 1)
    case .head: oktabulk_curl_set_long(handle, CURLOPT_NOBODY, 1)
    case .post: oktabulk_curl_set_long(handle, CURLOPT_POST, 1)
    default: oktabulk_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
    }
    if request.body != nil || request.method == .post {
      let body = request.body ?? Data()
      oktabulk_curl_set_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
      body.withUnsafeBytes { bytes in
        // COPYPOSTFIELDS copies now, so the body's lifetime ends with this call.
        let base = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        oktabulk_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
      }
    }

    var list: UnsafeMutablePointer<curl_slist>? = nil
    for field in request.headers {
      list = curl_slist_append(list, "\(field.name): \(field.value)")
    }
    // No `Expect: 100-continue` round trip before bodies.
    list = curl_slist_append(list, "Expect:")
    curl_slist_free_all(job.headerList)
    job.headerList = list
    oktabulk_curl_set_slist(handle, CURLOPT_HTTPHEADER, list)

    oktabulk_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
    oktabulk_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
      let job = Unmanaged<CurlJob>.fromOpaque(context!).takeUnretainedValue()
      let length = size * count
      if let data {
        job.responseBody.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
      }
      return length
    }
    oktabulk_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
    oktabulk_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
      let job = Unmanaged<CurlJob>.fromOpaque(context!).takeUnretainedValue()
      let length = size * count
      if let data {
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        job.receiveHeaderLine(String(decoding: bytes, as: UTF8.self))
      }
      return length
    }
  }
}

extension Duration {
  /// Whole milliseconds, at least 1 (libcurl reads 0 as "no timeout").
  var milliseconds: Int {
    let (seconds, attoseconds) = components
    return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
  }
}
