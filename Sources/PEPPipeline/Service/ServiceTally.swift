import Foundation

/// What the service has done so far, readable from outside the run (the `--once` command
/// prints it and picks its exit status from it).
package final class ServiceTally: @unchecked Sendable {
    package struct Counts: Sendable, Equatable {
        /// Submissions rated, rejected, and found already recorded.
        package var rated = 0
        package var rejected = 0
        package var duplicates = 0
        /// Items (files or messages) archived, quarantined, or moved to a Maildir's `cur/`.
        package var archived = 0
        package var quarantined = 0
        package var markedDone = 0
        /// Attempts that failed for a transient reason (the item stays in the inbox).
        package var retried = 0
        /// Items waiting in the inbox for another attempt when the run ended.
        package var leftToRetry = 0
        /// Drop files still changing when a `--once` run ended.
        package var leftArriving = 0

        /// Submissions handled to a final outcome.
        package var documents: Int { rated + rejected + duplicates }

        mutating func add(_ result: ItemResult) {
            for outcome in result.outcomes {
                switch outcome {
                case .rated: rated += 1
                case .rejected: rejected += 1
                case .duplicate: duplicates += 1
                case .failed: break
                }
            }
            switch result.disposition {
            case .archived: archived += 1
            case .quarantined: quarantined += 1
            case .markedDone: markedDone += 1
            case .retry: retried += 1
            case .gone, .leftInPlace: break
            }
        }

        /// `12 documents: 10 rated, 1 rejected, 1 already recorded; 1 to retry`.
        package var summary: String {
            var text = "\(documents) documents: \(rated) rated, \(rejected) rejected, \(duplicates) already recorded"
            if leftToRetry > 0 { text += "; \(leftToRetry) left in the inbox to retry" }
            if leftArriving > 0 { text += "; \(leftArriving) still arriving (left for the next run)" }
            return text
        }
    }

    private let lock = NSLock()
    private var value = Counts()

    package init() {}

    package var counts: Counts { lock.withLock { value } }

    func update(_ counts: Counts) { lock.withLock { value = counts } }
}
