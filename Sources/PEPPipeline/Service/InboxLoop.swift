import Foundation
import Logging
import PEPIntake

/// The service's state between polls, and one poll cycle: list the inboxes, take every ready
/// item in turn (unless it is waiting out a backoff), file it, and report.
///
/// A stop request is honoured between items only, so the item in hand is always finished and
/// filed: its ledger commit and its move are never cut apart by a graceful stop.
struct InboxLoop {
    let processor: ItemProcessor
    let marker: CrashMarker
    let options: RunOptions
    let logger: Logger
    let notifier: SystemdNotifier
    let tally: ServiceTally
    var scanner: InboxScanner
    var retries: RetryBook
    var progress: ProgressReporter
    var watchdog: WatchdogPacer
    /// Items the process died on (from the crash marker), with how often.
    var deaths: [String: Int] = [:]
    private var lastStatus = Date.distantPast
    private var lastProblems: [String] = []

    init(
        processor: ItemProcessor, scanner: InboxScanner, marker: CrashMarker, options: RunOptions, notifier: SystemdNotifier,
        tally: ServiceTally, logger: Logger
    ) {
        self.processor = processor
        self.scanner = scanner
        self.marker = marker
        self.options = options
        self.notifier = notifier
        self.tally = tally
        self.logger = logger
        retries = RetryBook(schedule: options.backoff)
        progress = ProgressReporter(everyDocuments: options.progressEveryDocuments, everySeconds: options.progressEverySeconds)
        watchdog = WatchdogPacer(notifier: notifier)
    }

    /// What one cycle saw and did.
    struct Cycle: Equatable {
        /// Items taken (whatever became of them).
        var taken = 0
        /// Items that left the inbox (archived, quarantined, marked done).
        var settled = 0
        /// Drop files seen that are not stable yet.
        var waiting = 0
        /// Ready items left alone because they are waiting out a backoff.
        var deferred = 0
        /// A stop was requested before every ready item was taken.
        var interrupted = false
    }

    /// Reads the crash marker a killed run left, so that its items are counted.
    mutating func recoverCrashMarker() {
        for (path, count) in marker.recover() {
            deaths[path] = count
            logger.warning(
                "the last run stopped while working on a file", metadata: ["item": "\(LogLabel.file(path))", "times": "\(count)"])
        }
    }

    /// Yields between items, so that signal handling and the graceful-shutdown machinery get a
    /// thread even on a one-core machine while a long backlog drains.
    mutating func cycle(stopRequested: () -> Bool) async -> Cycle {
        var cycle = Cycle()
        let poll = scanner.poll(now: Date())
        reportProblems(poll.problems.map(\.description))
        retries.keepOnly(poll.listed)
        deaths = deaths.filter { poll.listed.contains($0.key) }
        cycle.waiting = poll.waiting
        let now = Date()
        let due = poll.ready.filter { retries.isDue($0.path, now: now) }
        cycle.deferred = poll.ready.count - due.count
        guard !due.isEmpty else { return cycle }
        progress.startBacklog(due.count, now: now)
        sendStatus(force: true)
        // The next items are read on other cores while one is recorded. The crash marker names
        // every item in hand; one the process died on is read alone, or set aside unread.
        let suspects = deaths
        let limit = marker.limit
        let ahead = ReadAhead(
            due, depth: options.readAhead, alone: { suspects[$0.path] != nil },
            inHand: { [marker] items in marker.begin(items.map { ($0.path, suspects[$0.path] ?? 0) }) },
            prepare: { [processor] item in (suspects[item.path] ?? 0) >= limit ? nil : processor.prepare(item) })
        defer {
            processor.finishPending()
            marker.end()
        }
        for index in due.indices {
            if stopRequested() {
                cycle.interrupted = true
                break
            }
            guard let (item, prepared) = ahead.next() else { break }
            let result = take(item, prepared: prepared)
            cycle.taken += 1
            if result.isSettled { cycle.settled += 1 }
            let now = Date()
            if let fields = progress.record(result, now: now) {
                logger.info("progress", metadata: fields.mapValues { .string($0) })
            }
            tally.update(progress.tally)
            options.progress?(index + 1, due.count, item.name)
            watchdog.pingIfDue(now: now)
            sendStatus(force: false)
            await Task.yield()
        }
        if let fields = progress.finish(now: Date()) {
            logger.info("backlog done", metadata: fields.mapValues { .string($0) })
        }
        return cycle
    }

    /// Records and files one item read ahead (`prepared`), or sets it aside unread when the
    /// process died on it too often (`prepared` is nil).
    mutating func take(_ item: InboxItem, prepared: ItemProcessor.PreparedItem?) -> ItemResult {
        let died = deaths[item.path] ?? 0
        let result: ItemResult
        if let prepared, died < marker.limit {
            result = processor.process(item, prepared: prepared)
        } else {
            let reason = "\(item.name): the service stopped \(died) times while reading this file; set aside so the queue goes on"
            result = processor.quarantineUnread(item, reason: reason)
        }
        var log = logger
        log[metadataKey: "item"] = "\(LogLabel.file(item.name))"
        switch result.disposition {
        case .archived, .markedDone, .gone, .leftInPlace:
            log.debug("filed", metadata: ["disposition": "\(result.disposition)"])
        case .quarantined(let path):
            log.warning("quarantined", metadata: ["to": "\(LogLabel.filed(path))"])
        case .retry(let reason):
            let entry = retries.recordFailure(item.path, reason: reason, now: Date())
            log.warning(
                "not processed; left in the inbox to retry",
                metadata: [
                    "reason": "\(LogLabel.scrub(reason, path: item.path))", "attempt": "\(entry.failures)",
                    "retry_in_s": "\(Int(options.backoff.delay(afterFailures: entry.failures)))",
                ])
        }
        if result.isSettled {
            retries.recordSuccess(item.path)
            deaths[item.path] = nil
            scanner.forget(item)
        }
        return result
    }

    /// Items still waiting for another attempt.
    var leftToRetry: Int { retries.count }

    /// `STATUS=processing n/N`, at most once a second unless forced.
    mutating func sendStatus(force: Bool) {
        let now = Date()
        guard notifier.isActive, force || now.timeIntervalSince(lastStatus) >= 1 else { return }
        notifier.status(progress.statusProcessing)
        lastStatus = now
    }

    /// Logs an inbox that cannot be listed when the set of such problems changes (not every poll).
    private mutating func reportProblems(_ problems: [String]) {
        guard problems != lastProblems else { return }
        for problem in problems where !lastProblems.contains(problem) {
            logger.error("inbox cannot be read; will look again at the next poll", metadata: ["reason": "\(problem)"])
        }
        lastProblems = problems
    }
}
