import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa rate FILE`: the QA result of one document as JSON on stdout. Nothing is recorded.
struct RateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Print the QA result of one document as JSON (nothing is recorded).",
        discussion: """
            The result holds the overall quality and compliance ratings, each criterion's id, outcome \
            and evidence, and each PP+ decision. The document is taken as received on its file's \
            modification date (or the e-mail's Date:); the ledger's history is not consulted.
            """)

    @Argument(help: ArgumentHelp("A .docx, .xml, .json or .eml file.", valueName: "file"))
    var file: String

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        try CommandSupport.printDocument(file, settings: settings, terminator: "", DocumentExtraction.qaResultJSON(file:rulesDirectory:))
    }
}
