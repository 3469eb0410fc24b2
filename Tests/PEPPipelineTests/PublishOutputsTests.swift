import Foundation
import PEPFiles
import PEPLedger
import PEPModel
import PEPOutput
import Testing

@testable import PEPPipeline

@Test func publishingWritesReportsFeedbackExportsAndTheDashboard() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.feedbackWritten.count > 0)
    #expect(summary.exportFiles.map(\.lastPathComponent) == ["eclipse-000001.csv", "eclipse-000001.xml"])
    #expect(FileManager.default.fileExists(atPath: summary.dashboardIndex.path))
    #expect(summary.dashboardIndex.path.hasSuffix("out/dashboard/index.html"))
    #expect(summary.problems.isEmpty)
}

@Test func aSecondPublishWritesNothingNew() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let outbox = contents(of: s.outbox)
    let second = try s.pipeline.outputs.publish(now: outputNow)
    #expect(!second.wroteAnything)
    #expect(second.dashboardPagesWritten == 0)
    #expect(try s.pipeline.ledger.exports.batches().count == 1)
    #expect(contents(of: s.outbox) == outbox)
    #expect(contents(of: s.exports).count == 2)
}

@Test func feedbackGoesOncePerSubmissionEvenAfterTheRelayEmptiesTheOutbox() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let first = try s.pipeline.outputs.publish(now: outputNow)
    for name in contents(of: s.outbox).keys { try FileManager.default.removeItem(at: s.outbox.appendingPathComponent(name)) }
    let second = try s.pipeline.outputs.publish(now: outputLater)
    #expect(first.feedbackWritten.count > 0)
    #expect(second.feedbackWritten.isEmpty)
    #expect(contents(of: s.outbox).isEmpty)
}

@Test func everyRatedSubmissionIsDecidedOnceForEachRecipient() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    // Feedback goes for each PEP whose QA was completed: the current ones (a superseded PEP is
    // never reviewed, its successor is).
    let rated = try s.pipeline.ledger.ratings.ratedSubmissionHeadlines()
        .filter { try !s.pipeline.ledger.reviews.isSuperseded(submissionID: $0.submissionID) }.count
    let messages = try s.pipeline.ledger.outbox.messages().filter { $0.kind == .feedback }
    #expect(messages.count == 2 * rated)
    #expect(Set(messages.map { "\($0.submissionID ?? 0)-\($0.recipient)" }).count == messages.count)
    #expect(messages.filter { $0.fileName == nil }.count == summary.feedbackWithoutAddress)
    #expect(messages.compactMap(\.fileName).count == summary.feedbackWritten.count)
}

@Test func theSocialWorkersCopyCarriesNoPaymentDetails() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    let outbox = contents(of: s.outbox)
    let sw = outbox.filter { $0.key.hasSuffix("-sw.eml") }
    let dt = outbox.filter { $0.key.hasSuffix("-dt.eml") }
    #expect(!sw.isEmpty)
    for (name, data) in sw {
        let body = String(decoding: data, as: UTF8.self)
        #expect(!body.contains("=C2=A3") && !body.contains("£"), "\(name) shows an amount")
        #expect(!body.contains("Pupil Premium"), "\(name) mentions PP+")
    }
    #expect(dt.values.contains { String(decoding: $0, as: UTF8.self).contains("Pupil Premium Plus") })
}

@Test func aMissingReportIsWrittenAgainByteForByte() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    let originals = contents(of: s.reports)
    #expect(originals.count > 20)
    for name in originals.keys { try FileManager.default.removeItem(at: s.reports.appendingPathComponent(name)) }
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.reportsRestored.count * 2 == originals.count)
    let restored = contents(of: s.reports)
    #expect(Set(restored.keys) == Set(originals.keys))
    for (name, data) in originals { #expect(restored[name] == data, "\(name) differs after a rebuild from the ledger") }
    #expect(try s.pipeline.outputs.publish(now: outputNow).reportsRestored.isEmpty)
}

@Test func aResubmissionAfterExportGoesOutAsAnUpdateRecord() throws {
    let s = try ProcessedSamples(heldBack: ["13-resubmission-supersedes-05.json"])
    defer { s.remove() }
    try s.pipeline.outputs.publish(now: outputNow)
    s.processLater()
    let summary = try s.pipeline.outputs.publish(now: outputLater)
    #expect(summary.exportFiles.map(\.lastPathComponent) == ["eclipse-000002.csv", "eclipse-000002.xml"])
    let first = csvRows(try text(s.exports.appendingPathComponent("eclipse-000001.csv")))
    let second = csvRows(try text(s.exports.appendingPathComponent("eclipse-000002.csv")))
    let kind = try #require(second[0].firstIndex(of: "RECORD_KIND"))
    let batch = try #require(second[0].firstIndex(of: "BATCH_ID"))
    #expect(second.count == 2)
    #expect(second[1][0] == "LA100005" && second[1][kind] == "update" && second[1][batch] == "ECL-000002")
    #expect(first.dropFirst().contains { $0[0] == "LA100005" && $0[kind] == "new" })
    let xml = try text(s.exports.appendingPathComponent("eclipse-000002.xml"))
    #expect(xml.contains("<RECORD_KIND>update</RECORD_KIND>") && xml.contains("count=\"1\""))
}

@Test func aRecordedExportBatchWithoutFilesIsRenderedOnTheNextPublish() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // A crash right after the ledger's commit: the batch is recorded, no file is written.
    let batch = try #require(try s.pipeline.ledger.exports.closeBatch(at: outputNow))
    #expect(contents(of: s.exports).isEmpty)
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.exportFiles.map(\.lastPathComponent) == ["eclipse-000001.csv", "eclipse-000001.xml"])
    #expect(try s.pipeline.ledger.exports.batches().map(\.id) == [batch.id])
    #expect(try s.pipeline.ledger.exports.batchesAwaitingFiles().isEmpty)
    let rows = csvRows(try text(s.exports.appendingPathComponent("eclipse-000001.csv")))
    #expect(rows.count - 1 == batch.recordCount)
}

@Test func aBatchWithOnlyItsCSVWrittenGetsItsXMLAndKeepsItsCSV() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // A crash between the two files: the batch is recorded, its CSV written, its XML not.
    let batch = try #require(try s.pipeline.ledger.exports.closeBatch(at: outputNow))
    // The batch's files as a first try wrote them (elsewhere), and its CSV alone in place.
    let elsewhere = s.root.appendingPathComponent("first-try")
    let publisher = ExportPublisher(
        ledger: s.pipeline.ledger, exporter: try #require(s.pipeline.outputSettings.eclipse),
        builder: StoredReportBuilder(registry: s.pipeline.registry), folder: elsewhere)
    #expect(try publisher.write(batch).map(\.lastPathComponent) == ["eclipse-000001.csv", "eclipse-000001.xml"])
    let csv = s.exports.appendingPathComponent("eclipse-000001.csv")
    try WriteOnceFile.write(try text(elsewhere.appendingPathComponent("eclipse-000001.csv")), to: csv)
    let csvInode = try FileManager.default.attributesOfItem(atPath: csv.path)[.systemFileNumber] as? Int
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.exportFiles.map(\.lastPathComponent) == ["eclipse-000001.xml"])
    #expect(
        try text(s.exports.appendingPathComponent("eclipse-000001.xml")) == text(elsewhere.appendingPathComponent("eclipse-000001.xml")))
    #expect(try FileManager.default.attributesOfItem(atPath: csv.path)[.systemFileNumber] as? Int == csvInode)
    #expect(try s.pipeline.ledger.exports.batchesAwaitingFiles().isEmpty)
}

@Test func anExportFileThatIsThereWithOtherContentIsNeverReplaced() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try FileManager.default.createDirectory(at: s.exports, withIntermediateDirectories: true)
    let csv = s.exports.appendingPathComponent("eclipse-000001.csv")
    try Data("left by someone else\n".utf8).write(to: csv)
    #expect(throws: OutputFailure.self) { try s.pipeline.outputs.publish(now: outputNow) }
    #expect(try text(csv) == "left by someone else\n")
    #expect(try s.pipeline.ledger.exports.batchesAwaitingFiles().count == 1)
}

@Test func feedbackWrittenButNotRecordedBeforeACrashIsWrittenAgainIdenticallyThenRecorded() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    // The state a crash between writing a message and recording it leaves.
    let first = try #require(try s.pipeline.ledger.outbox.submissionsAwaitingFeedback().first)
    let stored = try #require(try s.pipeline.ledger.ratings.latestStoredRating(submissionID: first.submissionID))
    let report = try StoredReportBuilder(registry: s.pipeline.registry).report(stored)
    let composer = try #require(s.pipeline.outputSettings.feedback)
    let message = try #require(try composer.compose(FeedbackInput(report: report, sentAt: stored.ratedAt)).first)
    let url = s.outbox.appendingPathComponent(message.fileName)
    try DurableFile.write(message.message.rendered(), to: url)
    let before = try Data(contentsOf: url)
    let summary = try s.pipeline.outputs.publish(now: outputNow)
    #expect(summary.feedbackWritten.contains(url))
    #expect(try Data(contentsOf: url) == before)
    let recorded = try s.pipeline.ledger.outbox.messages().filter { $0.fileName == message.fileName }
    #expect(recorded.count == 1)
}
