import Testing

@Test func PEPOutputTestsBuilds() { #expect(Bool(true)) }
