import Testing

@Test func PEPRulesTestsBuilds() { #expect(Bool(true)) }
