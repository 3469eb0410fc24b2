/// What became of one inbox item: the outcome of each of its submissions, and where the file went.
package struct ItemResult: Sendable, Equatable {
    package enum Disposition: Sendable, Equatable {
        /// Moved to the archive (its new path): every submission is committed.
        case archived(String)
        /// Moved to quarantine (its new path) with a `.reason` note beside it.
        case quarantined(String)
        /// A Maildir message moved `new/` → `cur/` (its new path) after its submissions committed.
        case markedDone(String)
        /// Left in the inbox, to be tried again after a backoff: a transient failure.
        case retry(reason: String)
        /// Gone from the inbox before it could be read (taken by someone else): nothing to do.
        case gone
        /// Done with and left where it is (`FilingPolicy.leaveInPlace`: `pepqa process`).
        case leftInPlace
    }

    package var outcomes: [DocumentOutcome]
    package var disposition: Disposition

    package init(outcomes: [DocumentOutcome], disposition: Disposition) {
        (self.outcomes, self.disposition) = (outcomes, disposition)
    }

    /// Whether the item left the inbox for good.
    package var isSettled: Bool {
        switch disposition {
        case .archived, .quarantined, .markedDone, .gone, .leftInPlace: return true
        case .retry: return false
        }
    }
}
