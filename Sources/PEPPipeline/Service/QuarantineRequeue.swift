import Foundation
import PEPIntake
import PEPLedger
import PEPModel

/// Puts a quarantined file back in an inbox (`pepqa requeue`), once its cause is fixed.
///
/// A file whose exact bytes the ledger recorded as rejected is refused: the service would find
/// it already recorded and quarantine it again. Files quarantined without a ledger record (too
/// large, an e-mail with no PEP, a file the process kept dying on) go back as they are.
package struct QuarantineRequeue {
    let filing: Filing
    let ledgerPath: String

    package init(configuration: ServiceConfiguration) {
        filing = Filing(
            archiveRoot: URL(fileURLWithPath: configuration.resolvedArchiveDir),
            quarantineRoot: URL(fileURLWithPath: configuration.resolvedQuarantineDir))
        ledgerPath = configuration.ledgerPath
    }

    package struct Refused: Error, CustomStringConvertible {
        package var description: String
    }

    /// A quarantined file's path, from a path or a bare name in the quarantine folder.
    package func locate(_ file: String) -> URL {
        file.contains("/") ? URL(fileURLWithPath: file) : filing.quarantineRoot.appendingPathComponent(file)
    }

    /// Moves `file` into `inbox` (a Maildir's `new/`), under its original name, and removes its note.
    /// - Returns: the file's path in the inbox.
    package func requeue(_ file: URL, into inbox: URL) throws -> URL {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Refused(description: "\(file.path): no such quarantined file")
        }
        if FileManager.default.fileExists(atPath: ledgerPath) {
            let ledger = try Ledger(path: ledgerPath)
            defer { try? ledger.close() }
            if let record = try ledger.submissions.recorded(sha256: SHA256.hex(Array(data))), record.status == .rejected {
                throw Refused(
                    description: "\(file.lastPathComponent): the ledger recorded these exact bytes as rejected "
                        + "(submission \(record.submissionID)); a corrected file is needed, not a requeue")
            }
        }
        return try filing.requeue(file, into: inbox)
    }
}
