import ArgumentParser
import Foundation
import Logging
import PEPPipeline

/// `pepqa run`: the long-running service over the inboxes (or, with `--once`, one drain).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inboxes: rate each PEP, record it, then archive or quarantine its file.",
        discussion: """
            Settings come from the configuration file (default /etc/pepqa/pepqa.yaml when it exists; see \
            deploy/pepqa.yaml for every key), then the options below. An inbox is a drop folder or a Maildir. \
            A dropped file is taken once its size and time held across two polls; with --once, also when it \
            has not changed for one poll interval. SIGTERM or SIGINT: the document in hand is finished and \
            filed, then the service exits 0. With --once the exit status is 0 when the inboxes were drained, \
            75 (try again later) when some files failed for a transient reason and were left in place.
            """)

    @OptionGroup var settings: ConfigOptions
    @OptionGroup var readAhead: ReadAheadOption

    @Option(name: .long, help: ArgumentHelp("An inbox folder (drop folder or Maildir); repeat for several. Replaces the configured list.", valueName: "dir"))
    var inbox: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seconds between inbox polls (default 30).", valueName: "seconds"))
    var pollInterval: Double?

    @Flag(name: .long, help: "Drain the inboxes once and exit (for cron and tests).")
    var once = false

    @Flag(name: .long, help: "Log at debug level.")
    var verbose = false

    func run() async throws {
        let settings = try resolvedConfiguration()
        let lock = CommandSupport.holdState(settings)
        defer { withExtendedLifetime(lock) {} }
        let logger = CommandSupport.logger(settings, verbose: verbose, floor: once && isatty(2) == 1 ? .warning : nil)
        let pipeline = try CommandSupport.openPipeline(settings, logger: logger)
        // A clean close spares the next open its whole-file check (CleanCloseStamp).
        defer { try? pipeline.ledger.close() }
        var options = RunOptions()
        options.once = once
        options.pollInterval = settings.pollInterval
        options.readAhead = settings.resolvedReadAhead
        options.sweepEverything = pipeline.ledger.checkedWhenOpened
        if once { options.progress = CommandSupport.progressLine() }
        // Whole-ledger work: reports, feedback, exports and dashboard after a busy poll (and at
        // start, to make good a crash); the monthly finance close when it is due.
        // `systemctl reload pepqa` (SIGHUP) takes up edited rules, or keeps the last good ones.
        let reloadable = ReloadablePipeline(pipeline, configuration: settings, logger: logger)
        options.afterCycle = { now in try reloadable.pipeline.serviceWork.afterCycle(now: now) }
        options.everyCycle = { now in try reloadable.pipeline.serviceWork.everyCycle(now: now) }
        let service = InboxService(configuration: settings, handler: reloadable, options: options, logger: logger)
        let hangups = Task { await reloadable.reloadOnHangup() }
        defer { hangups.cancel() }
        try await service.runUntilStopped()
        guard once else { return }
        let counts = service.tally.counts
        print(counts.summary)
        if counts.leftToRetry > 0 { throw ExitCode(75) }
    }

    /// The configuration (file, then folder options), then this command's own options; a
    /// usage error (one line, exit status 64) when there is nothing to watch.
    func resolvedConfiguration() throws -> ServiceConfiguration {
        if let pollInterval, !(0.05...3600).contains(pollInterval) {
            throw CommandSupport.usage("--poll-interval must be a number of seconds from 0.05 to 3600")
        }
        var config = try readAhead.apply(to: settings.resolve())
        if !inbox.isEmpty { config.inboxes = inbox }
        if let pollInterval { config.pollInterval = pollInterval }
        guard !config.inboxes.isEmpty else {
            throw CommandSupport.usage(
                "no inbox configured: give --inbox DIR, or list inboxes in \(settings.config ?? ServiceConfiguration.defaultFile)")
        }
        for folder in config.inboxes {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandSupport.usage("cannot start: inbox \(folder) is not a folder")
            }
        }
        return config
    }
}
