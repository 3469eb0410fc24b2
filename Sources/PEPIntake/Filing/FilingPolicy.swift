/// What happens to an item's file once its submissions are committed: the one difference
/// between `pepqa process` and the service, which share the walker, the reader and the rest.
package enum FilingPolicy: Sendable {
    /// `pepqa process`: the user's files stay where they are.
    case leaveInPlace
    /// The service: a taken item is archived, an unusable one quarantined with its reason, and
    /// a Maildir message moved `new/` → `cur/`, always after the ledger commit.
    case file(Filing)
}
