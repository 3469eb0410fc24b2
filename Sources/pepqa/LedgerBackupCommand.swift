import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa ledger backup FILE`: a consistent copy of the ledger, taken while the service runs.
struct LedgerBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the ledger to FILE (safe while the service runs).",
        discussion: """
            Uses SQLite's online backup: the copy includes what still sits in the ledger's -wal file, \
            which copying ledger.sqlite alone would miss. FILE must not exist yet.
            """)

    @Argument(help: ArgumentHelp("Where to write the copy (a new SQLite file).", valueName: "file"))
    var destination: String

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        let config = try settings.resolve()
        do {
            try LedgerBackup.run(config, to: destination)
        } catch {
            CommandSupport.fail("backup failed: \(error)")
        }
        print("\(config.ledgerPath) -> \(destination)")
    }
}
