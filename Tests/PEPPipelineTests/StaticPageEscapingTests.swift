import Foundation
import PEPIntake
import PEPPipelineTestSupport
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// The static QA report and dashboard (`HTMLWriter`) escape every value: a child name or school
/// name carrying markup shows as text and runs nothing. (Fails if a page writes a value as
/// markup, or `HTMLWriter.text` stops escaping.)
@Test func markupInAPEPShowsAsTextInTheReportAndTheDashboard() throws {
    let root = try Repository.temporaryFolder("pepqa-escaping")
    defer { try? FileManager.default.removeItem(at: root) }
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    let sample = try String(
        contentsOf: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json"), encoding: .utf8)
    let hostile = sample
        .replacingOccurrences(of: "\"first_name\": \"Ava\"", with: "\"first_name\": \"<script>alert(1)</script>\"")
        .replacingOccurrences(of: "\"name\": \"Riverside Academy\"", with: "\"name\": \"Riverside \\\"><img src=x onerror=alert(2)>\"")
    #expect(hostile != sample)
    try Data(hostile.utf8).write(to: inbox.appendingPathComponent("hostile.json"))
    let pipeline = try samplePipeline(root: root)
    _ = pipeline.paths.process(paths: [inbox.path], clock: .fileModified)
    _ = try pipeline.outputs.publish(now: Date())
    let out = root.appendingPathComponent("out")
    var pages: [URL] = []
    for folder in ["reports", "dashboard"] {
        let dir = out.appendingPathComponent(folder)
        pages += try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).filter { $0.pathExtension == "html" }
    }
    let report = try #require(pages.first { $0.path.contains("/reports/") })
    let html = try text(report)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Riverside &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    for page in pages {
        let html = try text(page)
        #expect(!html.contains("<script"), "\(page.lastPathComponent)")
        #expect(!html.contains("<img"), "\(page.lastPathComponent)")
    }
    #expect(pages.count > 2)
}
