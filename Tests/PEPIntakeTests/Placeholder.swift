import Testing

@Test func PEPIntakeTestsBuilds() { #expect(Bool(true)) }
