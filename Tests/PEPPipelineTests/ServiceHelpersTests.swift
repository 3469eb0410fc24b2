import Foundation
import Testing
import PEPPipelineTestSupport
@testable import PEPPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Crash marker, start-up sweep and progress reporting.

@Test func theCrashMarkerCountsTheDeathOfTheRunThatLeftIt() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let marker = CrashMarker(stateDir: fixture.root.path)
    #expect(marker.recover().isEmpty)
    marker.begin([("/inbox/a b.json", 1)])
    let recovered = try #require(marker.recover().first)
    #expect(recovered.itemPath == "/inbox/a b.json")
    #expect(recovered.deaths == 2)
    #expect(marker.recover().isEmpty, "recovering removes the marker")
    // Items read ahead on other cores are all in hand: each is named, with its own count.
    marker.begin([("/inbox/d.json", 0), ("/inbox/e.docx", 2)])
    let both = marker.recover()
    #expect(both.map(\.itemPath) == ["/inbox/d.json", "/inbox/e.docx"])
    #expect(both.map(\.deaths) == [1, 3])
    marker.begin([("/inbox/c.json", 0)])
    marker.end()
    #expect(marker.recover().isEmpty, "a clean end leaves no marker")
}

@Test func theStartupSweepRemovesWhatAKilledRunLeftAndNothingElse() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let out = fixture.root.appendingPathComponent("out/reports")
    let archive = fixture.archive.appendingPathComponent("2025/10")
    let quarantine = fixture.quarantine
    for folder in [out, archive, quarantine] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    // A pid that cannot be running (above the kernel's pid_max).
    let dead: Int32 = 99_999_999
    let files: [(URL, Bool)] = [
        (out.appendingPathComponent(".a.json.tmp-\(dead)-12345"), true),
        (out.appendingPathComponent(".a.csv.staging-\(dead)-1"), true),
        (out.appendingPathComponent(".b.json.tmp-1-77"), false),  // pid 1 is alive: another process's write
        (out.appendingPathComponent("a.json"), false),
        (archive.appendingPathComponent(".pepqa-tmp-abc123"), true),
        (archive.appendingPathComponent("20251020-090000-abcdef012345-a.json"), false),
        (quarantine.appendingPathComponent("x.json.reason"), true),  // its file never arrived
        (quarantine.appendingPathComponent("y.json"), false),
        (quarantine.appendingPathComponent("y.json.reason"), false),
    ]
    for (url, _) in files { try Data("x".utf8).write(to: url) }
    // After a clean close: the trees that grow with every PEP (reports, archive) are not walked.
    let reportLeftover = out.appendingPathComponent(".x.html.tmp-\(dead)-1")
    try Data("x".utf8).write(to: reportLeftover)
    let light = StartupSweep.run(
        outDir: fixture.root.appendingPathComponent("out").path, archiveDir: fixture.archive.path,
        quarantineDir: quarantine.path, everything: false)
    #expect(FileManager.default.fileExists(atPath: reportLeftover.path), "reports/ left alone after a clean close")
    #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent(".pepqa-tmp-abc123").path))
    #expect(!light.isEmpty && light.allSatisfy { !$0.contains("/reports/") && !$0.hasPrefix(archive.path) })
    let removed = StartupSweep.run(
        outDir: fixture.root.appendingPathComponent("out").path, archiveDir: fixture.archive.path,
        quarantineDir: quarantine.path)
    for (url, shouldGo) in files {
        #expect(FileManager.default.fileExists(atPath: url.path) == !shouldGo, "\(url.lastPathComponent)")
    }
    #expect(!FileManager.default.fileExists(atPath: reportLeftover.path), "after a crash, every tree")
    #expect(light.count + removed.count == files.filter(\.1).count + 1)
}

@Test func progressIsReportedEveryNDocumentsDuringABacklog() {
    var progress = ProgressReporter(everyDocuments: 100, everySeconds: 3600)
    let start = Date()
    progress.startBacklog(250, now: start)
    var reportedAt: [String] = []
    for i in 1...250 {
        let result = ItemResult(outcomes: [.duplicate(file: "f\(i)", submissionID: nil)], disposition: .archived("/a/f\(i)"))
        if let fields = progress.record(result, now: start) { reportedAt.append(fields["done"] ?? "?") }
    }
    #expect(reportedAt == ["100", "200"])
    #expect(progress.statusProcessing == "processing 250/250")
    #expect(progress.statusIdle == "idle; 250 processed")
    #expect(progress.finish(now: start.addingTimeInterval(10))?["rate_per_s"] == "25.0")
}

@Test func progressIsReportedEveryFewSecondsWhateverTheCount() {
    var progress = ProgressReporter(everyDocuments: 1000, everySeconds: 5)
    let start = Date()
    progress.startBacklog(10, now: start)
    let result = ItemResult(outcomes: [], disposition: .gone)
    #expect(progress.record(result, now: start.addingTimeInterval(1)) == nil)
    #expect(progress.record(result, now: start.addingTimeInterval(6))?["done"] == "2")
}

@Test func aFileIsLoggedByAHashOfItsNameNeverTheName() {
    let label = LogLabel.file("/srv/inbox/PEP Ava Testwood.docx")
    #expect(label.hasPrefix("file-") && label.hasSuffix(".docx"))
    #expect(!label.contains("Ava") && !label.contains("Testwood"))
    #expect(label == LogLabel.file("PEP Ava Testwood.docx"), "the same file gets the same label on every line")
    #expect(label != LogLabel.file("PEP Leo Marchant.docx"))
}

@Test func aFiledNameIsLoggedByItsTimeAndContentHashOnly() {
    let label = LogLabel.filed("/var/lib/pepqa/quarantine/20251015-093000-c8b5a05a622b-PEP Ava Testwood.docx")
    #expect(label == "20251015-093000-c8b5a05a622b-…")
}

@Test func anErrorIsScrubbedOfTheFilesPathAndName() {
    let path = "/srv/inbox/PEP Ava Testwood.docx"
    let text = LogLabel.scrub("cannot move \(path): permission denied (PEP Ava Testwood.docx)", path: path)
    #expect(!text.contains("Testwood"))
    #expect(text.contains("permission denied"))
}
