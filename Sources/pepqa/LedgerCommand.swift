import ArgumentParser

/// `pepqa ledger …`: looking after the ledger.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Look after the ledger.", subcommands: [LedgerBackupCommand.self])
}
