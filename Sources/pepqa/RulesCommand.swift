import ArgumentParser

/// `pepqa rules …`: the rule-file commands.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Work with the QA rule files.", subcommands: [RulesCheckCommand.self])
}
