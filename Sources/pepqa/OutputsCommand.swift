import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa outputs rebuild`: every output brought up to date from the whole ledger.
struct OutputsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outputs", abstract: "Look after the outputs.", subcommands: [OutputsRebuildCommand.self])
}

/// The explicit full rebuild: the service and `pepqa process` publish only what changed since
/// the last publish (each poll costs the same whatever the ledger's size), so a QA report
/// deleted by hand, or an output folder restored from an old copy, is made good here.
struct OutputsRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Write every output again from the whole ledger: missing QA reports, the dashboard, the tracker.",
        discussion: """
            Files already there with the same content are left alone; e-mails, export batches and \
            finance files are never written twice (the ledger records what went). Beside a running \
            service it waits for it (--wait), like process.
            """)

    @OptionGroup var settings: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another pepqa working on the same state folder (default 60).", valueName: "seconds"))
    var wait: Double = 60

    func run() async throws {
        let config = try settings.resolve()
        guard (0...86_400).contains(wait) else { throw CommandSupport.usage("--wait must be a number of seconds from 0 to 86400") }
        let lock = CommandSupport.holdState(config, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let logger = CommandSupport.logger(config, verbose: false, floor: CommandSupport.terminalFloor)
        let pipeline = try CommandSupport.openPipeline(config, logger: logger)
        // A clean close spares the next open its whole-file check (CleanCloseStamp).
        defer { try? pipeline.ledger.close() }
        do {
            print(try pipeline.outputs.publish(now: Date(), full: true).lines.joined(separator: "\n"))
        } catch let failure as OutputFailure {
            print(failure.summary.lines.joined(separator: "\n"))
            CommandSupport.fail("some outputs could not be written (see above); run again to retry")
        }
    }
}
