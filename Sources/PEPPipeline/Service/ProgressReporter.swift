import Foundation

/// Counts what the service has done and says when to report progress through a backlog: every
/// `everyDocuments` items or every `everySeconds`, whichever comes first, with a rate.
struct ProgressReporter {
    let everyDocuments: Int
    let everySeconds: Double
    private(set) var tally = ServiceTally.Counts()
    private var backlog = 0
    private var done = 0
    private var started = Date()
    private var lastReport = Date()
    private var lastReportDone = 0

    init(everyDocuments: Int = 100, everySeconds: Double = 10) {
        self.everyDocuments = max(1, everyDocuments)
        self.everySeconds = everySeconds
    }

    /// A cycle starts with `total` items to take.
    mutating func startBacklog(_ total: Int, now: Date) {
        backlog = total
        done = 0
        started = now
        lastReport = now
        lastReportDone = 0
    }

    /// Records one item; returns the progress line's fields when one is due.
    mutating func record(_ result: ItemResult, now: Date) -> [String: String]? {
        tally.add(result)
        done += 1
        let due = done - lastReportDone >= everyDocuments || now.timeIntervalSince(lastReport) >= everySeconds
        guard due, done < backlog else { return nil }
        lastReport = now
        lastReportDone = done
        return fields(now: now)
    }

    /// The closing line of a backlog worth a line (more than one report's worth), else nil.
    func finish(now: Date) -> [String: String]? {
        guard backlog >= everyDocuments || now.timeIntervalSince(started) >= everySeconds else { return nil }
        return fields(now: now)
    }

    var statusProcessing: String { "processing \(done)/\(backlog)" }
    var statusIdle: String { "idle; \(tally.documents) processed" }

    private func fields(now: Date) -> [String: String] {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        return [
            "done": "\(done)", "total": "\(backlog)", "rate_per_s": String(format: "%.1f", Double(done) / elapsed),
            "rated": "\(tally.rated)", "rejected": "\(tally.rejected)", "duplicates": "\(tally.duplicates)",
            "retrying": "\(tally.retried)",
        ]
    }
}
