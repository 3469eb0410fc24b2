import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa requeue FILE…`: puts quarantined files back in an inbox, for the service to read again.
struct RequeueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requeue",
        abstract: "Move quarantined files back into an inbox (and remove their .reason notes).",
        discussion: """
            FILE is a path in the quarantine folder, or a name in it. The file goes back under its original \
            name into --inbox DIR (a Maildir takes it in new/), else the first configured inbox. A file whose \
            exact bytes the ledger recorded as rejected is refused: read again, it would be quarantined again \
            as already recorded. Ask the sender for a corrected file instead (new bytes, a new submission).
            """)

    @Argument(help: ArgumentHelp("Quarantined files.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The inbox to put the files in.", valueName: "dir"))
    var inbox: String?

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        let config = try settings.resolve()
        guard let target = inbox ?? config.inboxes.first else {
            throw CommandSupport.usage("no inbox: give --inbox DIR, or list inboxes in the configuration file")
        }
        let requeue = QuarantineRequeue(configuration: config)
        var refused = 0
        for file in files {
            let url = requeue.locate(file)
            do {
                let moved = try requeue.requeue(url, into: URL(fileURLWithPath: target))
                print("\(url.lastPathComponent) -> \(moved.path)")
            } catch {
                CommandSupport.warn("\(error)")
                refused += 1
            }
        }
        if refused > 0 { throw ExitCode(1) }
    }
}
