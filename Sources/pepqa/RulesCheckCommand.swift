import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa rules check [DIR]`: every problem under the rules folder, with file and line.
struct RulesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every file under the rules folder (and the roster and register) and report every error with file and line.",
        discussion: "Exits 0 when the rules are valid, 1 when any file has an error.")

    @Argument(help: ArgumentHelp("The rules folder (default: --rules, else the configuration's rules_dir).", valueName: "dir"))
    var directory: String?

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        var config = try settings.resolve()
        if let directory { config.rulesDir = directory }
        let directory = config.rulesDir
        let problems = RulesCheck.problems(config)
        if problems.isEmpty {
            print("\(directory): rules are valid")
            return
        }
        for p in problems { FileHandle.standardError.write(Data((p + "\n").utf8)) }
        FileHandle.standardError.write(Data("\(problems.count) problem(s) in \(directory)\n".utf8))
        throw ExitCode(1)
    }
}
