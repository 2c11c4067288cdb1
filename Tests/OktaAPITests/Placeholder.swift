import Testing

@Test func placeholderOktaAPITests() { #expect(Bool(true)) }
