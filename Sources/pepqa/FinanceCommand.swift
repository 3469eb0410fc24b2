import ArgumentParser

/// `pepqa finance …`: the PP+ finance commands.
struct FinanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finance", abstract: "PP+ finance: payment runs.", subcommands: [FinanceCloseCommand.self])
}
