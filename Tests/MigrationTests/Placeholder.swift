import Testing

@Test func placeholderMigrationTests() { #expect(Bool(true)) }
