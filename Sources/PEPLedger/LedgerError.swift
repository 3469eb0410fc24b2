/// Why the ledger refused an operation. Messages name ids, files and field paths, never values
/// that may be personal data.
package enum LedgerError: Error, Equatable, CustomStringConvertible {
    /// The ledger's folder could not be created.
    case cannotCreateFolder(path: String)
    /// The file was migrated by a newer pepqa: this build does not know its schema.
    case newerSchema(path: String)
    /// The file is not a sound SQLite database (bytes overwritten, truncated, not a ledger).
    case damaged(path: String, detail: String)
    /// A decision would be approved without a child, school, term or year to pay it against.
    case approvalWithoutPayee(file: String, requestIndex: Int, missing: String)
    /// A batch with no items.
    case emptyBatch
    /// The same decision twice in one batch.
    case repeatedItem(decisionID: Int64)
    /// Decisions already on a payment batch: a decision is paid at most once.
    case alreadyBatched(decisionIDs: [Int64])
    /// A decision that does not exist.
    case unknownDecision(decisionID: Int64)
    /// A decision that is not (or no longer) approved: held or superseded.
    case notPayable(decisionID: Int64, status: String)
    /// The amount to pay differs from the amount approved.
    case amountMismatch(decisionID: Int64)
    /// A rating run that does not exist.
    case unknownRun(runID: Int64)
    /// Rating runs already exported.
    case alreadyExported(runIDs: [Int64])
    /// An export with no records.
    case emptyExport
    /// The ledger holds something its own constraints should have made impossible.
    case inconsistent(String)

    package var description: String {
        switch self {
        case .cannotCreateFolder(let path): return "ledger: cannot create the folder \(path)"
        case .newerSchema(let path): return "ledger: \(path) was written by a newer pepqa; refusing to open it"
        case .damaged(let path, let detail):
            // SQLite's report can run to many lines: the first problem, on one line, is enough.
            let first = String(detail.split(whereSeparator: \.isNewline).first ?? "").prefix(160)
            return "ledger: \(path) is damaged (\(first)); stop every pepqa and restore the latest backup (README: Backing up the ledger)"
        case .approvalWithoutPayee(let file, let index, let missing):
            return "ledger: \(file): ppplus.requests[\(index)] is approved but \(missing) is not given"
        case .emptyBatch: return "ledger: a payment batch needs at least one decision"
        case .repeatedItem(let id): return "ledger: decision \(id) appears twice in one batch"
        case .alreadyBatched(let ids):
            return "ledger: decision(s) \(ids.map(String.init).joined(separator: ", ")) already on a payment batch"
        case .unknownDecision(let id): return "ledger: no funding decision \(id)"
        case .notPayable(let id, let status): return "ledger: decision \(id) is \(status), not approved"
        case .amountMismatch(let id): return "ledger: the amount for decision \(id) differs from the amount approved"
        case .unknownRun(let id): return "ledger: no rating run \(id)"
        case .alreadyExported(let ids):
            return "ledger: run(s) \(ids.map(String.init).joined(separator: ", ")) already exported"
        case .emptyExport: return "ledger: an export batch needs at least one record"
        case .inconsistent(let what): return "ledger: inconsistent state: \(what)"
        }
    }
}
