import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa extract FILE`: the canonical JSON of one document on stdout, and nothing else.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the canonical JSON of one document.",
        discussion: """
            Nested objects follow the contract's dot-paths, lists are arrays, dates are ISO (YYYY-MM-DD), \
            money is a decimal string ("550.00"), a field not given is null. On failure: one line on \
            stderr and exit status 1 (64 when the file or the rules folder is not there).
            """)

    @Argument(help: ArgumentHelp("A .docx, .xml, .json or .eml file.", valueName: "file"))
    var file: String

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        let rules = try settings.resolve().rulesDir
        try CommandSupport.requireInputs(file: file, rules: rules)
        do {
            let json = try DocumentExtraction.canonicalJSON(file: file, rulesDirectory: rules)
            print(json)
        } catch {
            CommandSupport.fail("\(error)")
        }
    }
}
