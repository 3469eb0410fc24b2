import Foundation
import PEPLedger

/// `pepqa ledger backup`: SQLite's online backup of the ledger, safe while the service writes.
package enum LedgerBackup {
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// Copies the ledger at `configuration.ledgerPath` to `destination`, which must not exist.
    package static func run(_ configuration: ServiceConfiguration, to destination: String) throws {
        guard FileManager.default.fileExists(atPath: configuration.ledgerPath) else {
            throw Problem(description: "\(configuration.ledgerPath): no ledger there (give --state DIR or --config FILE)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw Problem(description: "\(destination) already exists; choose a new file")
        }
        let ledger = try Ledger(path: configuration.ledgerPath)
        defer { try? ledger.close() }
        try ledger.backup(to: destination)
    }
}
