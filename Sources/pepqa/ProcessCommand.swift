import ArgumentParser
import Foundation
import Logging
import PEPIntake
import PEPPipeline

/// `pepqa process PATH…`: rate files and folders once and write the outputs.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Rate files and folders once and write the outputs.",
        discussion: """
            PATH may be a PEP file (.docx, .xml, .json), an e-mail (.eml), a folder of them, or a Maildir. \
            Input files are left where they are. Exits 0 when the run completed, even if some documents \
            were rejected (each is listed with its reason). Only one pepqa works on a state folder at a time: \
            beside a running service, process waits for it (--wait), then exits 75.
            """)

    @Argument(help: ArgumentHelp("Files and folders to process.", valueName: "path"))
    var paths: [String]

    @OptionGroup var settings: ConfigOptions
    @OptionGroup var readAhead: ReadAheadOption

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another pepqa (the service, say) working on the same state folder to finish (default 60).", valueName: "seconds"))
    var wait: Double = 60

    @Flag(name: .long, help: ArgumentHelp("Import a backlog: take each file's modification time (kept by cp -p or rsync -t) as when it was received, not the day it reached this folder. Maildir messages count from their delivery time either way."))
    var backlog = false

    @Flag(name: .long, help: "Log each document to stderr as it is processed.")
    var verbose = false

    func run() async throws {
        let config = try readAhead.apply(to: settings.resolve())
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw CommandSupport.usage("\(path): no such file or folder")
        }
        guard (0...86_400).contains(wait) else { throw CommandSupport.usage("--wait must be a number of seconds from 0 to 86400") }
        let lock = CommandSupport.holdState(config, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let logger = CommandSupport.logger(config, verbose: verbose, floor: CommandSupport.terminalFloor)
        let pipeline = try CommandSupport.openPipeline(config, logger: logger)
        // A clean close spares the next open its whole-file check (CleanCloseStamp).
        defer { try? pipeline.ledger.close() }
        let summary = pipeline.paths.process(
            paths: paths, clock: backlog ? .fileModified : .arrival, progress: CommandSupport.progressLine())
        print(summary.table(), terminator: "")
        print("")
        do {
            print(try pipeline.outputs.publish(now: Date()).lines.joined(separator: "\n"))
        } catch let failure as OutputFailure {
            print(failure.summary.lines.joined(separator: "\n"))
            CommandSupport.fail("some outputs could not be written (see above); run again to retry")
        }
    }
}
