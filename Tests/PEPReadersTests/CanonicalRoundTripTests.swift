import PEPModel
import Testing
@testable import PEPReaders

/// The PEP with every source removed, so that PEPs read from different places compare.
private func withoutSources(_ pep: PEP) -> PEP {
    var out = pep
    for binding in FieldCatalogue.scalars {
        binding.set(&out, binding.get(pep).map { Field($0.value, source: nil) })
    }
    for list in FieldCatalogue.lists {
        let records = list.get(pep).map { record in
            PEPRecord(source: nil, fields: record.fields.mapValues { Field($0.value, source: nil) })
        }
        list.set(&out, records)
    }
    return out
}

@Test func canonicalJSONReadsBackToTheSamePEP() throws {
    for fixture in ["complete.json", "complete.xml"] {
        let original = try ReaderRegistry(ReaderRegistry.structuredReaders).read(Fixture.bytes(fixture), file: fixture).pep
        let canonical = Array(original.canonicalJSON.serialized().utf8)
        let reread = try ReaderRegistry(ReaderRegistry.structuredReaders).read(canonical, file: "canonical.json")
        #expect(reread.issues.isEmpty)
        #expect(reread.format == .json)
        #expect(withoutSources(reread.pep) == withoutSources(original))
        #expect(withoutSources(reread.pep) != withoutSources(PEP()))
        #expect(reread.pep.child.upn?.source?.location == "$.child.upn")
    }
}

@Test func canonicalJSONOfAnEmptyPEPReadsBackEmpty() throws {
    let reread = try JSONPEPReader().read(Array(PEP().canonicalJSON.serialized(pretty: false).utf8), file: "empty.json")
    let result = PEPBuilder.build(reread)
    #expect(result.pep == PEP())
    #expect(result.issues.isEmpty)
    #expect(result.found == Set(FieldCatalogue.scalars.map { FieldPath($0.name) } + FieldCatalogue.lists.map(\.path)))
}

@Test func moneyKeepsItsPenceThroughTheRoundTrip() throws {
    let text = #"{"schema": "pep/1", "ppplus": {"requests": [{"amount": 1250.10}, {"amount": "0.10"}, {"amount": 9999999.99}]}}"#
    let pep = try ReaderRegistry(ReaderRegistry.structuredReaders).read(Array(text.utf8), file: "m.json").pep
    #expect(pep.ppplus.requests.map { $0.amount?.value } == [Pence(125_010), Pence(10), Pence(999_999_999)])
    let reread = try ReaderRegistry(ReaderRegistry.structuredReaders).read(Array(pep.canonicalJSON.serialized().utf8), file: "c.json").pep
    #expect(reread.ppplus.requests.map { $0.amount?.value } == [Pence(125_010), Pence(10), Pence(999_999_999)])
}
