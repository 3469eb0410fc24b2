import Foundation
import PEPIntake
import Logging
import PEPModel
import Testing
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPPipeline

@Test func everySampleIsRatedAsDesigned() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let summary = try samplePipeline(root: root).paths.process(paths: [inbox.path], clock: .fileModified)
    let byFile = Dictionary(uniqueKeysWithValues: summary.outcomes.map { ($0.file, $0) })
    for design in try sampleDesigns() {
        let name = (design.file as NSString).lastPathComponent
        let outcome = try #require(byFile[name], "no outcome for \(design.file)")
        switch outcome {
        case .rated(let r) where design.quality == "could-not-assess":
            #expect(!r.assessable, "\(design.file) should be reported as could not assess")
        case .rated(let r):
            #expect(r.assessable, "\(design.file) should be assessable")
            #expect(r.quality.rawValue == design.quality, "\(design.file) quality")
            #expect(r.compliance.rawValue == design.compliance, "\(design.file) compliance")
        case .rejected(_, let reason):
            #expect(design.quality == "rejected", "\(design.file) was rejected: \(reason)")
            #expect(!reason.contains("\n"), "a rejection reason is one line")
        default:
            Issue.record("\(design.file): unexpected outcome \(outcome)")
        }
    }
}

@Test func processingTheSameInboxTwiceRecordsNothingNew() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try samplePipeline(root: root).paths.process(paths: [inbox.path], clock: .fileModified)
    let second = try samplePipeline(root: root).paths.process(paths: [inbox.path], clock: .fileModified)
    #expect(first.ratedCount == (try sampleDesigns()).filter { $0.quality != "rejected" }.count)
    #expect(second.ratedCount == 0)
    #expect(second.duplicateCount == first.outcomes.count)
}

@Test func resubmissionSupersedesTheRedPEPAndItsHeldFunding() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let summary = try samplePipeline(root: root).paths.process(paths: [inbox.path], clock: .fileModified)
    guard case .rated(let resub) = summary.outcomes.first(where: { $0.file.hasPrefix("13-") }) else {
        Issue.record("resubmission not rated")
        return
    }
    #expect(resub.supersededEarlier)
    #expect(resub.approved == Pence(40000))
}

@Test func logsNeverCarryAChildsNameOrDateOfBirth() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let lines = LockedLines()
    var logger = Logger(label: "test") { label in JournalLogHandler(label: label, journald: false, sink: { lines.append($0) }) }
    logger.logLevel = .trace
    let summary = try samplePipeline(root: root, logger: logger).paths.process(paths: [inbox.path], clock: .fileModified)
    let text = lines.all.joined(separator: "\n") + summary.table()
    #expect(!lines.all.isEmpty)
    for secret in ["Ava", "Testwood", "Leo", "Marchant", "2012-03-14", "2017-01-22", "14/03/2012"] {
        #expect(!text.contains(secret), "log or summary mentions \(secret)")
    }
}
