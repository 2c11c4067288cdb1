import Testing

@Test func placeholderShellTests() { #expect(Bool(true)) }
