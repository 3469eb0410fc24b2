import PEPModel
import Testing
import PEPTestSupport
@testable import PEPReaders

private func read(_ text: String, file: String = "pep.xml") throws(IngestError) -> ExtractedDocument {
    try XMLPEPReader().read(Array(text.utf8), file: file)
}

private func refusal(_ text: String) -> IngestError? {
    do {
        _ = try read(text)
        return nil
    } catch {
        return error
    }
}

private func pep(_ body: String) -> String {
    "<pep xmlns=\"urn:virtual-school:pep:1\" schema-version=\"1\">\(body)</pep>"
}

private func scalar(_ doc: ExtractedDocument, _ path: FieldPath) -> ExtractedValue? {
    doc.scalars.first { $0.path == path }
}

@Test func completeXMLLandsEveryFieldAtItsPath() throws {
    let doc = try XMLPEPReader().read(Fixture.bytes("complete.xml"), file: "complete.xml")
    #expect(doc.format == .xml)
    #expect(scalar(doc, "child.upn")?.raw == .text("H801200001001"))
    #expect(scalar(doc, "child.upn")?.source == SourceRef(file: "complete.xml", location: "/pep/child/upn (line 5)"))
    #expect(scalar(doc, "child.send.ehcp_review_date")?.raw == .null)
    #expect(scalar(doc, "meeting.child_absence_reason")?.raw == .null)
    #expect(scalar(doc, "pep.term")?.raw == .text("Autumn term"))
    #expect(scalar(doc, "child_voice")?.raw == .text("I like art & want to do better in maths."))
    #expect(scalar(doc, "carer_views")?.raw == .text("Settled well this term & happy."))
    #expect(scalar(doc, "school.designated_teacher.email")?.source.location == "/pep/school/designated_teacher/email (line 29)")
    let targets = try #require(doc.lists.first { $0.path == "targets" })
    #expect(targets.records.count == 2)
    #expect(targets.records[1].source.location == "/pep/targets/target[2] (line 66)")
    let area = try #require(targets.records[1].values.first { $0.field == "area" })
    #expect(area.raw == .text("Wellbeing"))
    #expect(area.source.location == "/pep/targets/target[2]/area (line 67)")
    let attainment = try #require(doc.lists.first { $0.path == "attainment" })
    #expect(attainment.records.map(\.source.location) == ["/pep/attainment/assessment[1] (line 50)", "/pep/attainment/record[1] (line 51)"])
}

@Test func completeXMLBuildsTheSamePEPAsCompleteJSON() throws {
    let xml = PEPBuilder.build(try XMLPEPReader().read(Fixture.bytes("complete.xml"), file: "complete.xml"))
    let json = PEPBuilder.build(try JSONPEPReader().read(Fixture.bytes("complete.json"), file: "complete.json"))
    #expect(xml.issues.isEmpty)
    #expect(Set(FieldCatalogue.allPaths).subtracting(xml.found).isEmpty)
    // The two fixtures differ only in the text of these two fields.
    var xmlPEP = xml.pep
    xmlPEP.childVoice = json.pep.childVoice
    xmlPEP.carerViews = json.pep.carerViews
    #expect(xmlPEP.canonicalJSON.serialized() == json.pep.canonicalJSON.serialized())
}

@Test func elementOrderOfScalarsIsFree() throws {
    let doc = try read(pep("<sign_off><confirmed>Yes</confirmed><designated_teacher><date>7/11/25</date><name>D</name></designated_teacher></sign_off>"))
    #expect(scalar(doc, "sign_off.confirmed")?.raw == .text("Yes"))
    #expect(scalar(doc, "sign_off.designated_teacher.date")?.raw == .text("7/11/25"))
}

@Test func anEmptyDocumentRootReadsAsNothingGiven() throws {
    let doc = try read("<pep xmlns=\"urn:virtual-school:pep:1\" schema-version=\"1\"/>")
    #expect(doc.scalars.isEmpty && doc.lists.isEmpty)
}

@Test func anUnknownElementIsRefusedWithLineAndElement() {
    let error = refusal(pep("\n<child>\n<colour>blue</colour></child>"))
    #expect(error?.code == .schemaViolation)
    #expect(error?.description.hasPrefix("pep.xml: the XML does not match the PEP schema at line 3: Element 'colour': This element is not expected.") == true)
    #expect(error?.description.contains("\n") == false)
    #expect(error?.description.contains("blue") == false)
}

@Test func aWrongRootNamespaceIsRefused() {
    let error = refusal("<pep xmlns=\"urn:virtual-school:pep:2\" schema-version=\"1\"><child/></pep>")
    #expect(error?.code == .schemaViolation)
    #expect(error?.description
        == "pep.xml: the XML does not match the PEP schema at line 1: Element '{urn:virtual-school:pep:2}pep': No matching global declaration available for the validation root.")
}

@Test func aRootWithoutNamespaceIsRefused() {
    #expect(refusal("<pep schema-version=\"1\"/>")?.code == .schemaViolation)
}

@Test func aMissingSchemaVersionIsRefused() {
    let error = refusal("<pep xmlns=\"urn:virtual-school:pep:1\"><child/></pep>")
    #expect(error?.code == .schemaViolation)
    #expect(error?.description
        == "pep.xml: the XML does not match the PEP schema at line 1: Element 'pep': The attribute 'schema-version' is required but missing.")
}

@Test func aWrongSchemaVersionIsRefusedWithoutQuotingIt() {
    let error = refusal("<pep xmlns=\"urn:virtual-school:pep:1\" schema-version=\"2\"/>")
    #expect(error?.code == .schemaViolation)
    #expect(error?.description.contains("schema-version") == true)
    #expect(error?.description.contains("'2'") == false)
}

@Test func textInsideAGroupIsRefused() {
    let error = refusal(pep("<child>Ada Testperson</child>"))
    #expect(error?.code == .schemaViolation)
    #expect(error?.description.contains("Ada") == false)
}

@Test func aRepeatedScalarIsRefused() {
    #expect(refusal(pep("<child><upn>A</upn><upn>B</upn></child>"))?.code == .schemaViolation)
}

@Test func malformedXMLIsMalformed() {
    let error = refusal(pep("<child><upn>x</child>"))
    #expect(error?.code == .malformed)
    #expect(error?.description.contains("\n") == false)
}

@Test func theEmbeddedSchemaCompiles() {
    #expect(CompiledPEPSchema.shared.schema != nil)
}

@Test func redactionKeepsNamesAndHidesValues() {
    #expect(PEPSchemaValidation.redact("Element '{urn:virtual-school:pep:1}upn': The value 'Ada Smith' is bad.\n")
        == "Element 'upn': The value '…' is bad.")
    #expect(PEPSchemaValidation.redact("[facet 'pattern'] The value '2013-04-02' is not accepted")
        == "[facet 'pattern'] The value '…' is not accepted")
}

@Test func manyDocumentsValidateConcurrentlyAgainstTheSharedSchema() async throws {
    let good = try Fixture.bytes("complete.xml")
    let bad = Array(pep("<child><colour>x</colour></child>").utf8)
    let outcomes = await withTaskGroup(of: (Int, Int).self) { group in
        for _ in 0..<8 {
            group.addTask {
                var read = 0
                var refused = 0
                for _ in 0..<25 {
                    if (try? XMLPEPReader().read(good, file: "g.xml")) != nil { read += 1 }
                    do { _ = try XMLPEPReader().read(bad, file: "b.xml") } catch let error as IngestError { if error.code == .schemaViolation { refused += 1 } } catch {}
                }
                return (read, refused)
            }
        }
        var all: [(Int, Int)] = []
        for await outcome in group { all.append(outcome) }
        return all
    }
    #expect(outcomes.count == 8)
    #expect(outcomes.allSatisfy { $0 == (25, 25) })
}
