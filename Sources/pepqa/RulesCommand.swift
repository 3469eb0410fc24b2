import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa rules check [DIR]`.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Work with the QA rule files.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check every rule file and report every error with file, line and column.",
            discussion: "Exits 0 when the rules are valid, 1 when any file has an error.")

        @Argument(help: ArgumentHelp("The rules folder.", valueName: "dir"))
        var directory: String = "Rules"

        func run() async throws {
            let problems = RulesCheck.problems(in: directory)
            if problems.isEmpty {
                print("\(directory): rules are valid")
                return
            }
            for p in problems { FileHandle.standardError.write(Data((p + "\n").utf8)) }
            FileHandle.standardError.write(Data("\(problems.count) problem(s) in \(directory)\n".utf8))
            throw ExitCode(1)
        }
    }
}
