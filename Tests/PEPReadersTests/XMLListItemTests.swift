import Foundation
import PEPModel
import Testing
@testable import PEPReaders

/// `complete.xml` with its list items renamed the ways other systems name them: a generic
/// `item`, the singular of the list's name, and a vendor's own word.
private func withItemsNamedOtherWays() throws -> [UInt8] {
    var text = try Fixture.text("complete.xml")
    let renames = [
        ("<target><description>", "<previous_target><description>"),  // singular of the list's name
        ("</comment></target>", "</comment></previous_target>"),
        ("<target>\n", "<item>\n"), ("</target>\n", "</item>\n"),  // targets: generic
        ("<attendee>", "<person>"), ("</attendee>", "</person>"),  // a vendor's word
        ("<assessment>", "<subject_result>"), ("</assessment>", "</subject_result>"),
        ("<record>", "<attainment_record>"), ("</record>", "</attainment_record>"),
        ("<request>", "<ppplus_request>"), ("</request>", "</ppplus_request>"),
    ]
    for (from, to) in renames { text = text.replacingOccurrences(of: from, with: to) }
    return Array(text.utf8)
}

private func canonical(_ bytes: [UInt8], file: String) throws -> String {
    try ReaderRegistry(ReaderRegistry.structuredReaders).read(bytes, file: file).pep.canonicalJSON.serialized()
}

@Test func listItemsNamedThreeDifferentWaysGiveTheSameCanonicalPEPAsTheJSONTwin() throws {
    let renamed = try withItemsNamedOtherWays()
    let text = String(decoding: renamed, as: UTF8.self)
    #expect(text.contains("<item>") && text.contains("<previous_target>") && text.contains("<person>"))
    #expect(!text.contains("<target>\n") && !text.contains("<attendee>"))
    // complete.json with the two free-text answers complete.xml words differently.
    let twin = try Fixture.text("complete.json")
        .replacingOccurrences(of: "art and want", with: "art & want")
        .replacingOccurrences(of: "this term.", with: "this term & happy.")
    let json = try canonical(Array(twin.utf8), file: "twin.json")
    #expect(try canonical(renamed, file: "vendor.xml") == json)
    #expect(try canonical(Fixture.bytes("complete.xml"), file: "complete.xml") == json)
}

@Test func aListItemKeepsItsOwnNameInItsSource() throws {
    let doc = try XMLPEPReader().read(withItemsNamedOtherWays(), file: "vendor.xml")
    let targets = try #require(doc.lists.first { $0.path == "targets" })
    #expect(targets.records.map(\.source.location) == ["/pep/targets/item[1] (line 57)", "/pep/targets/item[2] (line 66)"])
}

private func refusal(_ body: String) -> IngestError? {
    let text = "<pep xmlns=\"urn:virtual-school:pep:1\" schema-version=\"1\">\(body)</pep>"
    do {
        _ = try XMLPEPReader().read(Array(text.utf8), file: "pep.xml")
        return nil
    } catch {
        return error
    }
}

@Test func anItemUnderAnyNameStillHasItsFieldsChecked() {
    let error = refusal("<targets><item><colour>x</colour></item></targets>")
    #expect(error?.code == .schemaViolation)
    #expect(error?.description.contains("Element 'colour'") == true)
    #expect(refusal("<targets><item><area>x</area></item><entry><area>y</area></entry></targets>") == nil)
}

@Test func anItemInAnotherNamespaceIsRefused() {
    let error = refusal("<targets><v:item xmlns:v=\"urn:vendor\"><v:area>x</v:area></v:item></targets>")
    #expect(error?.code == .schemaViolation)
}

@Test func textDirectlyInAListIsStillRefused() {
    #expect(refusal("<targets>Read more</targets>")?.code == .schemaViolation)
}
