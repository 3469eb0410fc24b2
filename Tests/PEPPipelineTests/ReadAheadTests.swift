import Foundation
import Logging
import PEPModel
import PEPPipelineTestSupport
import PEPTestSupport
import Synchronization
import Testing
@testable import PEPPipeline

/// `ReadAhead`: items come back in order, each prepared once, the next ones prepared on other
/// threads while the caller holds one, and an item marked alone with nothing else in hand.

/// What the workers saw: which items were prepared, and how many at once at most.
private final class PrepareLog: Sendable {
    private let state = Mutex<(prepared: [Int], running: Int, most: Int)>(([], 0, 0))
    func begin(_ item: Int) {
        state.withLock {
            $0.running += 1; $0.most = max($0.most, $0.running); $0.prepared.append(item)
        }
    }
    func end() { state.withLock { $0.running -= 1 } }
    var prepared: [Int] { state.withLock { $0.prepared } }
    var most: Int { state.withLock { $0.most } }
}

@Test func itemsComeBackInOrderEachPreparedOnceWhateverTheirSpeed() {
    let log = PrepareLog()
    let ahead = ReadAhead(Array(0..<60), depth: 3) { item in
        log.begin(item)
        usleep(UInt32.random(in: 0...2_000))  // workers finish out of order
        log.end()
        return item * 10
    }
    var seen: [Int] = []
    while let (item, prepared) = ahead.next() {
        #expect(prepared == item * 10)
        seen.append(item)
    }
    #expect(seen == Array(0..<60))
    #expect(log.prepared.sorted() == Array(0..<60), "each item prepared exactly once")
    #expect(ahead.next() == nil)
}

@Test func theNextItemIsPreparedWhileTheCallerHoldsThisOne() {
    // Item 1's preparation signals; the caller, holding item 0, waits for that signal. Without
    // read-ahead nothing prepares item 1 until the caller asks for it, and the wait times out.
    let started = DispatchSemaphore(value: 0)
    let ahead = ReadAhead([0, 1, 2], depth: 1) { item in
        if item == 1 { started.signal() }
        return item
    }
    #expect(ahead.next()?.item == 0)
    #expect(started.wait(timeout: .now() + 10) == .success, "item 1 was being read while item 0 was in hand")
    #expect(ahead.next()?.item == 1)
    #expect(ahead.next()?.item == 2)
}

@Test func withNoDepthEverythingIsPreparedOnTheCallersThreadInTurn() {
    let log = PrepareLog()
    let ahead = ReadAhead(Array(0..<10), depth: 0) { item in
        log.begin(item)
        log.end()
        return item
    }
    var order: [Int] = []
    while let (item, _) = ahead.next() {
        #expect(log.prepared.last == item, "nothing is prepared before its turn")
        order.append(item)
    }
    #expect(order == Array(0..<10))
}

@Test func anItemMarkedAloneIsPreparedWithNothingElseInHand() {
    let log = PrepareLog()
    let hands = Mutex<[[Int]]>([])
    let ahead = ReadAhead(
        Array(0..<12), depth: 3, alone: { $0 == 5 },
        inHand: { items in hands.withLock { $0.append(items) } },
        prepare: { item in
            log.begin(item)
            usleep(1_000)
            log.end()
            return item
        })
    var order: [Int] = []
    while let (item, _) = ahead.next() {
        if item == 5 {
            #expect(hands.withLock { $0.last } == [5], "the suspect alone is in hand")
            #expect(log.prepared.sorted() == Array(0...5), "nothing after it was started before it was taken")
        }
        order.append(item)
    }
    #expect(order == Array(0..<12))
    let reported = hands.withLock { $0 }
    // Every hand is a run of consecutive items starting with the one given out; none but the
    // suspect's own holds item 5, and the hands before it stop short of it.
    for hand in reported {
        #expect(hand == Array(hand[0]..<(hand[0] + hand.count)))
        if hand.contains(5) { #expect(hand == [5]) }
        #expect(hand.count <= 4)
    }
    #expect(log.most > 1, "the others were read ahead in parallel")
}

/// The rater uses a read prepared ahead only when its own readers made it from the same bytes:
/// after `systemctl reload` (new rules, perhaps a new form mapping) a read made by the old
/// readers is made again.
@Test func aReadPreparedByOtherReadersIsMadeAgain() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    let rater = try fixture.pipeline().rater
    let bytes = Array(try Data(contentsOf: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json")))
    let submission = Submission(fileName: "01.json", bytes: bytes, receivedAt: Date(), origin: .dropFile(path: "/inbox/01.json"))
    // A prepared read that says the file cannot be read: used only when it is this rater's.
    let refusal = IngestError(.malformed, file: "01.json", message: "prepared: refused")
    let stale = PreparedRead(readers: UUID(), sha256: submission.sha256, result: .failure(refusal))
    guard case .rated = rater.handle(submission, prepared: stale) else {
        Issue.record("a read by other readers was used")
        return
    }
    let other = Submission(
        fileName: "02.json", bytes: bytes + Array(" ".utf8), receivedAt: Date(), origin: .dropFile(path: "/inbox/02.json"))
    let own = PreparedRead(readers: rater.readers, sha256: other.sha256, result: .failure(refusal))
    guard case .rejected(_, let reason) = rater.handle(other, prepared: own) else {
        Issue.record("this rater's own read was not used")
        return
    }
    #expect(reason.contains("prepared: refused"))
}

/// Reading ahead, the QA reports are written on another thread (`ReportQueue`): when `process`
/// returns, every rated document's report is on disk (its end waits for the queue), and a
/// report the queue could not write is written from the ledger by the next publish.
@Test func reportsWrittenOffTheRatingThreadAreAllThereAndOneThatFailedIsRestored() throws {
    let (inbox, root) = try stampedSampleInbox()
    defer { try? FileManager.default.removeItem(at: root) }
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = root.appendingPathComponent("state").path
    config.outDir = root.appendingPathComponent("out").path
    config.readAhead = 1
    let pipeline = try Pipeline.build(configuration: config, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    #expect(pipeline.rater.queue != nil, "reading ahead: reports go to the queue")
    let summary = pipeline.paths.process(paths: [inbox.path], clock: .fileModified)
    let rated = summary.outcomes.compactMap { if case .rated(let r) = $0 { r } else { nil } }
    #expect(rated.count >= 10)
    for document in rated {
        #expect(FileManager.default.fileExists(atPath: document.reportPath), "\(document.file)")
        #expect(FileManager.default.fileExists(atPath: document.reportPath.replacingOccurrences(of: ".html", with: ".json")))
    }
    // The queue cannot write (reports/ is a file, for any user): the document is still rated.
    let reports = root.appendingPathComponent("out/reports")
    try FileManager.default.removeItem(at: reports)
    try Data("not a folder".utf8).write(to: reports)
    let later = root.appendingPathComponent("later.json")
    let sample = try String(
        contentsOf: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json"), encoding: .utf8)
    try Data(sample.replacingOccurrences(of: "\"LA100001\"", with: "\"LA190001\"").utf8).write(to: later)
    let again = pipeline.paths.process(paths: [later.path], clock: .fileModified)
    guard case .rated(let document) = try #require(again.outcomes.first) else {
        Issue.record("not rated: \(again.outcomes)")
        return
    }
    #expect(!FileManager.default.fileExists(atPath: document.reportPath))
    try FileManager.default.removeItem(at: reports)
    _ = try? pipeline.outputs.publish(now: Date())
    #expect(FileManager.default.fileExists(atPath: document.reportPath), "restored by the next publish")
}
