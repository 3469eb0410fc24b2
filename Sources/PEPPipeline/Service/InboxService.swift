import Foundation
import Logging
import PEPIntake
import ServiceLifecycle

/// `pepqa run`: watches the inboxes, takes each document through the pipeline, and files it.
///
/// A swift-service-lifecycle `Service`: run it in a `ServiceGroup` with SIGTERM and SIGINT as
/// graceful-shutdown signals (`InboxService.runUntilStopped`). On a graceful shutdown the
/// document in hand is finished, committed and filed, the sleep between polls is cut short,
/// and `run()` returns. Under systemd it sends `READY=1` once started (the pipeline it is given
/// has loaded the rules and opened the ledger), `STATUS=` lines, and `WATCHDOG=1` pings.
package struct InboxService: Service {
    let configuration: ServiceConfiguration
    let handler: any SubmissionHandling
    let options: RunOptions
    let notifier: SystemdNotifier
    let logger: Logger
    /// What was done, for the caller to read after `run()` returns.
    package let tally: ServiceTally

    package init(
        configuration: ServiceConfiguration, handler: any SubmissionHandling, options: RunOptions,
        notifier: SystemdNotifier = .fromEnvironment(), logger: Logger, tally: ServiceTally = ServiceTally()
    ) {
        (self.configuration, self.handler, self.options, self.notifier, self.logger, self.tally) = (
            configuration, handler, options, notifier, logger, tally
        )
    }

    package func run() async {
        var loop = makeLoop()
        let swept = StartupSweep.run(
            outDir: configuration.outDir, archiveDir: configuration.resolvedArchiveDir,
            quarantineDir: configuration.resolvedQuarantineDir, everything: options.sweepEverything)
        if !swept.isEmpty { logger.notice("removed files left by an interrupted run", metadata: ["count": "\(swept.count)"]) }
        loop.recoverCrashMarker()
        let inboxes = configuration.inboxes.count
        logger.info(
            "started", metadata: ["inboxes": "\(inboxes)", "once": "\(options.once)", "poll_s": "\(options.pollInterval)"])
        notifier.ready(status: "watching \(inboxes) inbox\(inboxes == 1 ? "" : "es")")
        loop.watchdog.pingIfDue()
        runAfterCycle()
        var quietPolls = 0
        var leftArriving = 0
        while !Self.stopRequested() {
            let cycle = await loop.cycle(stopRequested: Self.stopRequested)
            if cycle.taken > 0 { runAfterCycle() }
            runHook("scheduled work", options.everyCycle)
            notifier.status(loop.progress.statusIdle)
            if cycle.interrupted { break }
            if options.once {
                if cycle.taken == 0, cycle.waiting == 0 { break }
                quietPolls = cycle.taken == 0 ? quietPolls + 1 : 0
                if quietPolls >= options.onceMaxWaitingPolls {
                    leftArriving = cycle.waiting
                    logger.warning("files still changing; left for the next run", metadata: ["count": "\(cycle.waiting)"])
                    break
                }
            }
            if cycle.taken > 0, options.once { continue }
            guard await pause(seconds: options.once ? options.onceGap : options.pollInterval, loop: &loop) else { break }
        }
        var counts = loop.progress.tally
        counts.leftToRetry = loop.leftToRetry
        counts.leftArriving = leftArriving
        tally.update(counts)
        notifier.stopping(status: "stopping; \(counts.documents) processed")
        logger.info("stopped", metadata: ["documents": "\(counts.documents)", "left_to_retry": "\(counts.leftToRetry)"])
    }

    func makeLoop() -> InboxLoop {
        let skipping = [configuration.resolvedArchiveDir, configuration.resolvedQuarantineDir, configuration.outDir]
        let scanner = InboxScanner(
            inboxes: configuration.inboxes, skipping: skipping, settledAfter: options.once ? options.pollInterval : nil)
        let filing = Filing(
            archiveRoot: URL(fileURLWithPath: configuration.resolvedArchiveDir),
            quarantineRoot: URL(fileURLWithPath: configuration.resolvedQuarantineDir))
        let processor = ItemProcessor(handler: handler, filing: .file(filing), logger: logger)
        return InboxLoop(
            processor: processor, scanner: scanner, marker: CrashMarker(stateDir: configuration.stateDir, limit: options.crashLimit),
            options: options, notifier: notifier, tally: tally, logger: logger)
    }

    /// Runs the whole-ledger hook; its failure is logged, never fatal.
    func runAfterCycle() { runHook("after-cycle work", options.afterCycle) }

    func runHook(_ name: String, _ hook: @Sendable (Date) throws -> Void) {
        let keepAlive = WatchdogKeepAlive(notifier: notifier, period: WatchdogPacer(notifier: notifier).period)
        defer { keepAlive.stop() }
        do {
            try hook(Date())
        } catch {
            logger.error("\(name) failed; will try again after the next cycle", metadata: ["error": "\(error)"])
        }
    }

    /// Sleeps between polls in slices short enough for the watchdog; false when a stop was
    /// requested (a graceful shutdown or cancellation cuts the sleep short).
    func pause(seconds: Double, loop: inout InboxLoop) async -> Bool {
        var remaining = seconds
        while remaining > 0 {
            if Self.stopRequested() { return false }
            let slice = min(remaining, loop.watchdog.period ?? remaining)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(slice)) }
            } catch {
                return false
            }
            remaining -= slice
            loop.watchdog.pingIfDue()
        }
        return !Self.stopRequested()
    }

    static func stopRequested() -> Bool { Task.isShuttingDownGracefully || Task.isCancelled }
}

extension InboxService {
    /// Runs the service in a `ServiceGroup` that turns SIGTERM and SIGINT into a graceful
    /// shutdown, and returns when it has stopped (or, with `--once`, when the inboxes are drained).
    package func runUntilStopped() async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
