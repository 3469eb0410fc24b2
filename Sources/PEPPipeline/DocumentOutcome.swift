import PEPModel

/// What happened to one submission in a run: the row of the run summary.
package enum DocumentOutcome: Sendable, Hashable {
    /// Read, rated and recorded.
    case rated(RatedDocument)
    /// The same bytes were already in the ledger: nothing was done again.
    case duplicate(file: String, submissionID: Int64?)
    /// Could not be read at all; the reason is one line.
    case rejected(file: String, reason: String)
    /// A transient failure (disk full, ledger busy): nothing was recorded; it will be retried.
    case failed(file: String, reason: String)

    package var file: String {
        switch self {
        case .rated(let r): return r.file
        case .duplicate(let f, _), .rejected(let f, _), .failed(let f, _): return f
        }
    }
}

/// The summary of a rated document, for the terminal table and the logs (IDs, no names).
package struct RatedDocument: Sendable, Hashable {
    package var file: String
    package var submissionID: Int64
    package var childID: String
    package var assessable: Bool
    package var quality: Rating
    package var compliance: Rating
    package var requested: Pence
    package var approved: Pence
    package var held: Pence
    package var supersededEarlier: Bool
    package var supersededAtOnce: Bool
    package var reportPath: String

    /// `approved £400.00`, `held £300.00 (rating)`, `none requested`.
    package var fundingSummary: String {
        if requested == .zero { return "none requested" }
        if held == .zero { return "approved \(approved.display)" }
        if approved == .zero { return "held \(held.display)" }
        return "approved \(approved.display), held \(held.display)"
    }
}
