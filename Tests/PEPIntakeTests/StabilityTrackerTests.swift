import Foundation
import Testing

@testable import PEPIntake

private let t0 = Date(timeIntervalSince1970: 1_762_510_500)

private func file(_ name: String, size: Int64, modified: Date = t0) -> DropFile {
    DropFile(url: URL(fileURLWithPath: "/inbox/\(name)"), size: size, modified: modified)
}

@Test func fileIsNotReadyAtItsFirstSighting() {
    var tracker = StabilityTracker()
    #expect(tracker.poll([file("pep.docx", size: 10)], now: t0).isEmpty)
}

@Test func fileIsReadyWhenSizeAndTimeHoldAcrossTwoPolls() {
    var tracker = StabilityTracker()
    _ = tracker.poll([file("pep.docx", size: 10)], now: t0)
    #expect(tracker.poll([file("pep.docx", size: 10)], now: t0 + 5).map(\.name) == ["pep.docx"])
}

@Test func growingFileWaitsUntilItStopsChanging() {
    var tracker = StabilityTracker()
    _ = tracker.poll([file("pep.docx", size: 10)], now: t0)
    #expect(tracker.poll([file("pep.docx", size: 20, modified: t0 + 1)], now: t0 + 5).isEmpty)
    #expect(tracker.poll([file("pep.docx", size: 20, modified: t0 + 2)], now: t0 + 10).isEmpty)  // touched again
    #expect(tracker.poll([file("pep.docx", size: 20, modified: t0 + 2)], now: t0 + 15).count == 1)
}

@Test func vanishedFileIsForgottenAndStartsAgain() {
    var tracker = StabilityTracker()
    _ = tracker.poll([file("pep.docx", size: 10)], now: t0)
    _ = tracker.poll([], now: t0 + 5)
    #expect(tracker.trackedCount == 0)
    #expect(tracker.poll([file("pep.docx", size: 10)], now: t0 + 10).isEmpty)
}

@Test func quietPeriodHoldsBackARecentlyModifiedFile() {
    var tracker = StabilityTracker(quietPeriod: 30)
    _ = tracker.poll([file("pep.docx", size: 10)], now: t0 + 1)
    #expect(tracker.poll([file("pep.docx", size: 10)], now: t0 + 10).isEmpty)
    #expect(tracker.poll([file("pep.docx", size: 10)], now: t0 + 31).count == 1)
}

@Test func moreRequiredPollsWaitLonger() {
    var tracker = StabilityTracker(requiredPolls: 3)
    _ = tracker.poll([file("a.json", size: 1)], now: t0)
    #expect(tracker.poll([file("a.json", size: 1)], now: t0).isEmpty)
    #expect(tracker.poll([file("a.json", size: 1)], now: t0).count == 1)
}
