#ifndef CCurl_SHIM_H
#define CCurl_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call:
   these typed wrappers are the only way the OktaAPI transport reaches them. */

typedef size_t (*oktabulk_curl_data_callback)(char *, size_t, size_t, void *);
typedef int (*oktabulk_curl_xferinfo_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode oktabulk_curl_set_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode oktabulk_curl_set_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode oktabulk_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode oktabulk_curl_set_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode oktabulk_curl_set_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode oktabulk_curl_set_data_callback(CURL *handle, CURLoption option,
                                                       oktabulk_curl_data_callback callback) {
  return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode oktabulk_curl_set_xferinfo_callback(CURL *handle,
                                                           oktabulk_curl_xferinfo_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode oktabulk_curl_get_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode oktabulk_curl_get_pointer(CURL *handle, CURLINFO info, void **value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode oktabulk_curl_get_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode oktabulk_curl_multi_set_long(CURLM *multi, CURLMoption option, long value) {
  return curl_multi_setopt(multi, option, value);
}

/* CURLMsg.data is a union; Swift sees it, but reading `result` through a helper keeps call sites plain. */
static inline CURLcode oktabulk_curl_msg_result(const CURLMsg *message) {
  return message->data.result;
}

#endif
