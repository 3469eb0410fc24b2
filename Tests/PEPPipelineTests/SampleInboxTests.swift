import Foundation
import Logging
import PEPModel
import Testing
import PEPTestSupport
@testable import PEPPipeline

/// One row of docs/sample-inbox.tsv: how a sample was designed to come out.
struct SampleDesign {
    var file: String
    var receivedOn: String
    var quality: String
    var compliance: String
}

func sampleDesigns() throws -> [SampleDesign] {
    let text = try String(contentsOf: Repository.root.appendingPathComponent("docs/sample-inbox.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return SampleDesign(file: f[0], receivedOn: f[1], quality: f[2], compliance: f[3])
    }
}

/// A temporary copy of the sample inbox with each file's mtime set to its designed arrival day.
func stampedSampleInbox() throws -> (inbox: URL, root: URL) {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pepqa-samples-\(UUID().uuidString)")
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    for design in try sampleDesigns() {
        let source = Repository.sampleInbox.appendingPathComponent(design.file)
        let target = inbox.appendingPathComponent(design.file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        let day = try #require(CalendarDate(iso: design.receivedOn))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 9, minute: 30))!
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.path)
    }
    return (inbox, root)
}

func samplePipeline(root: URL, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) throws
    -> Pipeline
{
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = root.appendingPathComponent("state").path
    config.outDir = root.appendingPathComponent("out").path
    return try Pipeline(configuration: config, logger: logger)
}

@Test func everySampleIsRatedAsDesigned() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let summary = try samplePipeline(root: root).process(paths: [inbox.path])
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
    let first = try samplePipeline(root: root).process(paths: [inbox.path])
    let second = try samplePipeline(root: root).process(paths: [inbox.path])
    #expect(first.ratedCount == (try sampleDesigns()).filter { $0.quality != "rejected" }.count)
    #expect(second.ratedCount == 0)
    #expect(second.duplicateCount == first.outcomes.count)
}

@Test func resubmissionSupersedesTheRedPEPAndItsHeldFunding() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let summary = try samplePipeline(root: root).process(paths: [inbox.path])
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
    let summary = try samplePipeline(root: root, logger: logger).process(paths: [inbox.path])
    let text = lines.all.joined(separator: "\n") + summary.table()
    #expect(!lines.all.isEmpty)
    for secret in ["Ava", "Testwood", "Leo", "Marchant", "2012-03-14", "2017-01-22", "14/03/2012"] {
        #expect(!text.contains(secret), "log or summary mentions \(secret)")
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
