import Testing

@testable import OktaAPI

@Suite struct LinkHeaderTests {
  @Test func findsNextAmongSeveralLinksAndHeaders() {
    let values = [
      #"<https://a.okta.com/api/v1/users?limit=2>; rel="self""#,
      #"<https://a.okta.com/api/v1/users?after=00u2&limit=2&filter=a,b>; rel="next", <https://x>; rel="prev""#,
    ]
    #expect(
      LinkHeader.target(rel: "next", in: values)
        == "https://a.okta.com/api/v1/users?after=00u2&limit=2&filter=a,b")
    #expect(LinkHeader.target(rel: "prev", in: values) == "https://x")
  }

  @Test func acceptsUnquotedAndMultiValuedRelations() {
    #expect(LinkHeader.target(rel: "next", in: ["</p?after=1>; REL=next"]) == "/p?after=1")
    #expect(LinkHeader.target(rel: "next", in: [#"</p?after=1>; rel="last next""#]) == "/p?after=1")
  }

  @Test func noNextMeansTheEnd() {
    #expect(LinkHeader.target(rel: "next", in: [#"<https://a/p>; rel="self""#]) == nil)
    #expect(LinkHeader.target(rel: "next", in: ["garbage", ""]) == nil)
  }
}
