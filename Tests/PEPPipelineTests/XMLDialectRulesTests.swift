import Foundation
import PEPTestSupport
import Testing
@testable import PEPPipeline

private let kestrelSample = Repository.root.appendingPathComponent("Tests/PEPReadersTests/Fixtures/kestrel-export.xml").path

@Test func extractNamesTheXMLDialectItUsed() throws {
    let json = try DocumentExtraction.canonicalJSON(file: kestrelSample, rulesDirectory: rulesPath)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let submission = try #require(object["submission"] as? [String: Any])
    #expect(submission["format"] as? String == "xml")
    #expect(submission["dialect"] as? String == "kestrel-epep")
    #expect((object["child"] as? [String: Any])?["upn"] as? String == "H801200001001")
}

@Test func rulesCheckNamesABrokenDialectFileAndLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("xml"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = "version: 1\ndialect: broken\nroot: { element: X }\nfields:\n  child.colour: A\n"
    try yaml.write(to: folder.appendingPathComponent("xml/broken.yaml"), atomically: true, encoding: .utf8)
    let problems = RulesCheck.problems(in: folder.path)
    #expect(problems.contains("\(folder.path)/xml/broken.yaml:5:3: `child.colour` is not a field of the PEP contract"))
    #expect(throws: (any Error).self) { try ReaderFactory.registry(rulesDirectory: folder) }
}
