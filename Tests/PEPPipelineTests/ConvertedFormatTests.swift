import Foundation
import PEPModel
import PEPTestSupport
import Testing
@testable import PEPPipeline

private let hasLibreOffice = SofficeConverter.locate() != nil

private func canonicalPEP(_ json: String) -> Substring {
    json[..<(json.range(of: ",\n  \"submission\"")?.lowerBound ?? json.endIndex)]
}

/// Makes a `.doc` from a sample `.docx` with LibreOffice itself, then reads it back through
/// the conversion: the fields must be those of the `.docx`.
@Test(.enabled(if: hasLibreOffice, "needs LibreOffice (soffice); skipped: apt-get install libreoffice-writer-nogui"))
func anOldWordDocumentIsConvertedAndReadsLikeItsDocx() throws {
    let converter = try #require(SofficeConverter.locate())
    let sample = Repository.root.appendingPathComponent("SampleInbox/docx/pep-label-tables-good.docx")
    let doc = try converter.convert(Array(Data(contentsOf: sample)), to: "doc", file: "sample.docx")
    #expect(doc.starts(with: [0xD0, 0xCF, 0x11, 0xE0]))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pep.doc")
    try Data(doc).write(to: path)
    let fromDoc = try DocumentExtraction.canonicalJSON(file: path.path, rulesDirectory: rulesPath)
    let fromDocx = try DocumentExtraction.canonicalJSON(file: sample.path, rulesDirectory: rulesPath)
    #expect(canonicalPEP(fromDoc) == canonicalPEP(fromDocx))
    #expect(fromDoc.contains(#""converted_from": "doc""#))
}

@Test func aConversionThatHangsIsKilledAtTheTimeout() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hang-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("soffice")
    try "#!/bin/sh\nexec sleep 30\n".write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
    let converter = SofficeConverter(executable: script, timeout: 1)
    let started = Date()
    #expect {
        _ = try converter.convertToDocx(Array("{\\rtf1 x}".utf8), from: .rtf, file: "slow.rtf")
    } throws: { error in
        "\(error)".contains("took longer than 1 s") && !"\(error)".contains("\n")
    }
    #expect(Date().timeIntervalSince(started) < 10)
}

@Test func withoutLibreOfficeOnThePathNoConverterIsFound() {
    #expect(SofficeConverter.locate(environment: ["PATH": "/nonexistent"], extraFolders: []) == nil)
}
