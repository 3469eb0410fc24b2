import Foundation
import PEPIntake
import PEPLedger
import PEPModel
import Logging
import Testing
import PEPTestSupport
import PEPPipelineTestSupport

@testable import PEPPipeline

/// The gate of issue 10: the machine's rating is a recommendation. Only a person completing
/// QA releases the feedback e-mails and the Eclipse/ICS record (naming them as QA officer);
/// a Virtual School may let machine-Green PEPs complete themselves (off by default).
@Suite struct NothingLeavesBeforeQATests {
    func processed(autoCompleteGreen: Bool = false) throws -> (Pipeline, URL) {
        let (inbox, root) = try stampedSampleInbox()
        var config = ServiceConfiguration()
        config.rulesDir = Repository.rules.path
        config.stateDir = root.appendingPathComponent("state").path
        config.outDir = root.appendingPathComponent("out").path
        config.autoCompleteGreen = autoCompleteGreen
        let pipeline = try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        _ = pipeline.paths.process(paths: [inbox.path], clock: .fileModified)
        return (pipeline, root)
    }

    func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func nothingIsExportedOrEmailedBeforeQACompletes() throws {
        let (pipeline, root) = try processed()
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = try pipeline.outputs.publish(now: outputNow)
        #expect(summary.feedbackWritten.isEmpty)
        #expect(summary.exportFiles.isEmpty)
        #expect(files(root.appendingPathComponent("out/outbox")).isEmpty)
        #expect(files(root.appendingPathComponent("out/exports")).isEmpty)
        #expect(try pipeline.ledger.outbox.messages().isEmpty)
        #expect(try pipeline.ledger.reviews.worklist().count > 1)
    }

    @Test func completingQAReleasesThatPEPAloneWithItsOfficer() throws {
        let (pipeline, root) = try processed()
        defer { try? FileManager.default.removeItem(at: root) }
        let ledger = pipeline.ledger
        let entry = try #require(try ledger.reviews.worklist().first { $0.childLAID != nil })
        let user = try ledger.users.add(
            name: "alice", passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: .coordinator,
            phase: nil, actor: "test", at: outputNow)
        try ledger.reviews.complete(
            submissionID: entry.submissionID, runID: entry.runID, quality: .green, compliance: entry.compliance, by: user,
            at: outputNow)
        let summary = try pipeline.outputs.publish(now: outputNow)
        #expect(Set(try ledger.outbox.messages().compactMap(\.submissionID)) == [entry.submissionID])
        let csv = try #require(summary.exportFiles.first { $0.pathExtension == "csv" })
        let lines = try String(contentsOf: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == 2)
        #expect(lines.first?.contains("QA_OFFICER") == true)
        #expect(lines.last?.contains("alice") == true)
    }

    @Test func autoCompletionOfGreenPEPsIsOffByDefaultAndOnlyForGreen() throws {
        #expect(ServiceConfiguration().autoCompleteGreen == false)
        let (pipeline, root) = try processed(autoCompleteGreen: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try pipeline.outputs.publish(now: outputNow)
        let released = Set(try pipeline.ledger.outbox.messages().compactMap(\.submissionID))
        let green = try pipeline.ledger.ratings.currentRatedSubmissions().filter { $0.quality == .green && $0.compliance == .green }
        #expect(!green.isEmpty)
        #expect(released == Set(green.map(\.submissionID)))
        for id in released {
            #expect(try pipeline.ledger.reviews.completion(submissionID: id)?.automatic == true)
        }
    }
}
