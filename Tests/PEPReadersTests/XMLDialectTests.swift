import Foundation
import PEPModel
import PEPRules
import PEPTestSupport
import Testing
@testable import PEPReaders

private let shippedDialects: [XMLDialect] = {
    do {
        return try XMLDialectLoader.load(directory: Repository.rules.appendingPathComponent("xml"))
    } catch {
        fatalError("Rules/xml does not load: \(error)")
    }
}()

private let registry = ReaderRegistry(ReaderRegistry.readers(dialects: shippedDialects))

private func problems(_ yaml: String) -> [String] {
    do {
        _ = try XMLDialectLoader.parse(yaml, file: "xml/test.yaml")
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

private let header = """
    version: 1
    dialect: test
    root: { element: Export, namespace: "urn:test" }

    """

@Test func theKestrelExportReadsToTheSameCanonicalPEPAsItsJSONTwin() throws {
    let xml = try registry.read(Fixture.bytes("kestrel-export.xml"), file: "kestrel.xml")
    let json = try registry.read(Fixture.bytes("complete.json"), file: "complete.json")
    #expect(xml.readVia?.dialect == "kestrel-epep")
    #expect(json.readVia == nil)
    #expect(xml.pep.canonicalJSON.serialized() == json.pep.canonicalJSON.serialized())
    #expect(xml.issues.isEmpty)
    #expect(xml.pep.child.upn?.source?.location == "/PlanExport/Learner/Identifiers/UPN (line 7)")
    #expect(xml.pep.child.laId?.source?.location == "/PlanExport/Learner/@caseRef (line 6)")
}

@Test func theSameRootInAnotherNamespaceIsNotTheDialect() throws {
    let text = try Fixture.text("kestrel-export.xml").replacingOccurrences(of: "urn:kestrel-systems:epep:2", with: "urn:other")
    #expect(throws: IngestError.self) { try registry.read(Array(text.utf8), file: "other.xml") }
}

@Test func aDialectDocumentStillGoesThroughTheSafeStream() {
    let text = """
        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <k:PlanExport xmlns:k="urn:kestrel-systems:epep:2"><k:Learner><k:Name><k:Forename>&e;</k:Forename></k:Name></k:Learner></k:PlanExport>
        """
    #expect(throws: IngestError.self) { try registry.read(Array(text.utf8), file: "xxe.xml") }
}

@Test func aValueNoConversionPlacesIsPassedOnAndReportedAsUnreadable() throws {
    let text = try Fixture.text("kestrel-export.xml")
        .replacingOccurrences(of: "<k:Born>02.04.2013</k:Born>", with: "<k:Born>2013/04/02x</k:Born>")
        .replacingOccurrences(of: "<k:Provision>K</k:Provision>", with: "<k:Provision>Q</k:Provision>")
    let result = try registry.read(Array(text.utf8), file: "k.xml")
    #expect(result.pep.child.dateOfBirth == nil)
    #expect(result.issues.contains { $0.path == "child.date_of_birth" })
    #expect(result.issues.contains { $0.path == "child.send.status" })
}

@Test func dateConversionsFollowThePattern() {
    let cases: [(String, String, String)] = [
        ("dd.MM.yyyy", "02.04.2013", "2013-04-02"), ("yyyyMMdd", "20130402", "2013-04-02"),
        ("d/M/yy", "2/4/13", "2013-04-02"), ("d/M/yy", "12/11/98", "1998-11-12"), ("MM-dd-yyyy", "04-02-2013", "2013-04-02"),
    ]
    for (pattern, text, iso) in cases {
        #expect(XMLDialect.Conversion.date(pattern: pattern).apply(text) == iso, "\(pattern) \(text)")
    }
    #expect(XMLDialect.Conversion.date(pattern: "dd.MM.yyyy").apply("31.02.2013") == "31.02.2013")
    #expect(XMLDialect.Conversion.date(pattern: "dd.MM.yyyy").apply("2.4.2013") == "2.4.2013")
    #expect(XMLDialect.Conversion.yesNo(yes: ["present"], no: ["absent"]).apply(" Present ") == "true")
    #expect(XMLDialect.Conversion.codes(["k": "sen-support"]).apply("K") == "sen-support")
}

@Test func aListItemsPathReadsEveryRecordAndItsAttributes() throws {
    let dialect = try XMLDialectLoader.parse(
        header + """
            lists:
              targets:
                items: Goals/Goal
                fields: { area: "@area", description: Text }
            """, file: "xml/test.yaml")
    let text = """
        <Export xmlns="urn:test"><Goals><Goal area="English"><Text>One</Text></Goal><Goal area="Maths"/></Goals>
        <Text>not a target</Text></Export>
        """
    let doc = try XMLPEPReader(dialects: [dialect]).read(Array(text.utf8), file: "t.xml")
    let targets = try #require(doc.lists.first { $0.path == "targets" })
    #expect(targets.records.map { $0.values.map(\.field) } == [["area", "description"], ["area"]])
    #expect(doc.scalars.isEmpty)
}

@Test func theLoaderNamesEveryProblemWithItsLine() {
    let found = problems(
        header + """
            fields:
              child.colour: Learner/Colour
              child.upn: Learner/@a/b
              child.first_name: { path: A, date: dd.MM.yyyy }
              child.date_of_birth: { path: B, date: dd.yyyy }
              child.send.status: { path: C, codes: { K: sen_support } }
              meeting.child_attended: { path: D, yes_no: { yes: [Y], no: [Y] } }
            lists:
              targets:
                items: Goals/Goal
                fields: { colour: X }
            """)
    #expect(found.count == 8, "\(found)")
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:12:3: list `targets` has no `fields:`") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:5:3: `child.colour` is not a field of the PEP contract") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:6:") && $0.contains("not an element path") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:7:") && $0.contains("`date:` is for date fields") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:8:") && $0.contains("date pattern") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:9:") && $0.contains("`sen_support` is not a value") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:10:") && $0.contains("`yes_no` needs") })
    #expect(found.contains { $0.hasPrefix("xml/test.yaml:14:") && $0.contains("`targets[].colour`") })
}

@Test func aDialectNeedsANameARootOfItsOwnAndAField() {
    #expect(problems("version: 1\nfields: {}\n").count == 3)
    let pepRoot = problems("dialect: x\nroot: { element: pep, namespace: \"urn:virtual-school:pep:1\" }\nfields: { child.upn: A }\n")
    #expect(pepRoot.count == 1 && pepRoot[0].contains("read as PEP XML"))
}

@Test func twoDialectFilesWithOneRootAreRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dialects-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try (header + "fields: { child.upn: A }\n").write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
    try (header.replacingOccurrences(of: "dialect: test", with: "dialect: other") + "fields: { child.upn: B }\n")
        .write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
    #expect {
        _ = try XMLDialectLoader.load(directory: folder)
    } throws: { error in
        "\(error)".contains("xml/b.yaml") && "\(error)".contains("already the dialect of xml/a.yaml")
    }
    #expect(try XMLDialectLoader.load(directory: folder.appendingPathComponent("missing")).isEmpty)
}
