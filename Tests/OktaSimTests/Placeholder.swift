import Testing

@Test func placeholderOktaSimTests() { #expect(Bool(true)) }
