import Testing

@Test func PEPPipelineTestsBuilds() { #expect(Bool(true)) }
