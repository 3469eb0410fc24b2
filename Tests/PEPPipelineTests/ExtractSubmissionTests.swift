import Foundation
import PEPTestSupport
import Testing
@testable import PEPPipeline

private func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

private let mailPath = Repository.root.appendingPathComponent(
    "SampleInbox/maildir/new/1762510500.M101P4711.mx1.virtualschool.example").path

@Test func extractOfAnEmailCarriesTheSubmissionRecord() throws {
    let json = try DocumentExtraction.canonicalJSON(file: mailPath, rulesDirectory: rulesPath)
    let submission = try #require(try object(json)["submission"] as? [String: Any])
    #expect(submission["source"] as? String == "email")
    #expect(submission["sender"] as? String == "r.adeyemi@northgate-academy.example")
    #expect(submission["message_id"] as? String == "<20251107101500.4711@northgate-academy.example>")
    #expect(submission["date"] as? String == "2025-11-07T10:15:00Z")
    #expect(submission["file_name"] as? String == "pep-VS-104233-autumn-2025.json")
    let attachments = try #require(submission["attachments"] as? [[String: Any]])
    #expect(attachments.map { $0["file_name"] as? String } == ["Boxall Profile October 2025.pdf"])
    #expect(attachments.first?["content_type"] as? String == "application/pdf")
    #expect(submission["subject"] == nil)
}

@Test func extractOfAPlainFileRecordsItsNameAndSize() throws {
    let path = Repository.root.appendingPathComponent("SampleInbox/01-green-review-secondary.json").path
    let json = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: rulesPath)
    let submission = try #require(try object(json)["submission"] as? [String: Any])
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
    #expect(submission["source"] as? String == "file")
    #expect(submission["file_name"] as? String == "01-green-review-secondary.json")
    #expect(submission["size"] as? Int == size)
    #expect(submission["sender"] == nil)
}

/// The printed JSON is itself a valid JSON submission: read again, it gives the same PEP
/// (the same bytes apart from the new submission record, which describes the new file).
@Test func extractOutputReadsBackToTheSamePEPWithItsSubmissionRecordIgnored() throws {
    let first = try DocumentExtraction.canonicalJSON(file: mailPath, rulesDirectory: rulesPath)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("extracted.json")
    try Data(first.utf8).write(to: copy)
    let second = try DocumentExtraction.canonicalJSON(file: copy.path, rulesDirectory: rulesPath)
    func pepPart(_ json: String) -> Substring { json[..<(json.range(of: ",\n  \"submission\"")?.lowerBound ?? json.endIndex)] }
    #expect(pepPart(first) == pepPart(second))
    #expect(pepPart(first).count > 1000)
    let submission = try #require(try object(second)["submission"] as? [String: Any])
    #expect(submission["source"] as? String == "file" && submission["file_name"] as? String == "extracted.json")
}
