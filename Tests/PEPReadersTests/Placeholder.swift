import Testing

@Test func PEPReadersTestsBuilds() { #expect(Bool(true)) }
