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
            money is a decimal string ("550.00"), a field not given is null. A last "submission" object \
            says how it arrived (file name and size; for an e-mail sender, message_id, date, attachments) \
            and how it was read (format, XML dialect, conversion). On failure: one line on stderr and \
            exit status 1 (64 when the file or the rules folder is not there).
            """)

    @Argument(help: ArgumentHelp("A .docx, .odt, .xml, .json or .eml file (.doc, .rtf with LibreOffice).", valueName: "file"))
    var file: String

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        try CommandSupport.printDocument(file, settings: settings, DocumentExtraction.canonicalJSON(file:rulesDirectory:))
    }
}
