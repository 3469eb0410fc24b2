import ArgumentParser
import HummingbirdBcrypt
import PEPFiles
import PEPLedger
import PEPPipeline

/// `pepqa finance …`: the PP+ finance commands.
struct FinanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finance", abstract: "PP+ finance: prepare and authorise payment runs, reverse a payment made in error.",
        subcommands: [FinanceCloseCommand.self, FinanceAuthoriseCommand.self, FinanceReverseCommand.self])

    /// The state held (one pepqa at a time), the pipeline opened, and the person signed in. The
    /// caller closes the ledger when done (`close`), which spares the next open its whole-file
    /// check (`CleanCloseStamp`), then lets the lock go.
    static func open(_ settings: ConfigOptions, as name: String) throws -> (Pipeline, AppUser, StateLock) {
        let config = try settings.resolve()
        let lock = CommandSupport.holdState(config)
        let logger = CommandSupport.logger(config, verbose: false, floor: CommandSupport.terminalFloor)
        let pipeline = try CommandSupport.openPipeline(config, logger: logger)
        return (pipeline, signIn(name, ledger: pipeline.ledger), lock)
    }

    /// Closes what `open` opened: the ledger, then the state lock.
    static func close(_ pipeline: Pipeline, _ lock: StateLock) {
        try? pipeline.ledger.close()
        withExtendedLifetime(lock) {}
    }

    /// The named workbench user, checked by the password on standard input: money moves only
    /// on a person's word, and the run names them.
    static func signIn(_ name: String, ledger: Ledger) -> AppUser {
        let password = readLine(strippingNewline: true) ?? ""
        guard let found = try? ledger.users.credentials(name: name), !found.user.disabled,
            Bcrypt.verify(password, hash: found.passwordHash)
        else { CommandSupport.fail("\(name): unknown user, disabled, or wrong password (read from standard input)") }
        return found.user
    }
}
