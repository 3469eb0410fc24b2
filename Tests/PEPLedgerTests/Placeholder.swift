import Testing

@Test func PEPLedgerTestsBuilds() { #expect(Bool(true)) }
