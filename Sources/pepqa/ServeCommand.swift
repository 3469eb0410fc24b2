import ArgumentParser
import Foundation
import Hummingbird
import PEPLedger
import PEPPipeline
import PEPRules
import PEPWeb

/// `pepqa serve`: the review workbench, for the Virtual School team, behind the council's TLS
/// reverse proxy. It shares the ledger with the watcher; either runs without the other.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the review workbench (web) on HOST:PORT.",
        discussion: "People sign in (see `pepqa users add`), review what the machine recommends and complete QA.")

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The URL people use (https makes the cookie Secure).", valueName: "url"))
    var publicURL: String?
    @OptionGroup var settings: ConfigOptions
    @Flag(help: "Log each request to standard error.") var verbose = false

    func validate() throws {
        guard Self.split(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
    }

    static func split(_ listen: String) -> (String, Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (1...65535).contains(port), colon > listen.startIndex
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    func run() async throws {
        guard let (host, port) = Self.split(listen) else { throw ExitCode.validationFailure }
        let settings = try self.settings.resolve()
        var web = WebConfiguration(ledgerPath: settings.ledgerPath, outDir: settings.outDir)
        web.host = host
        web.port = port
        web.publicURL = publicURL ?? "http://\(listen)"
        web.archiveDir = settings.resolvedArchiveDir
        web.quarantineDir = settings.resolvedQuarantineDir
        var logger = CommandSupport.logger(settings, verbose: verbose)
        logger.logLevel = verbose ? .debug : .info
        // The QA clock of the rules (from the meeting, in working days), so the worklist and
        // review page show the dashboard's and tracker's dates.
        do {
            let rules = try RuleSet.load(directory: URL(fileURLWithPath: settings.rulesDir))
            let clocks = rules.clocks
            web.qaClock = QAClock(
                due: { clocks.qaDue(meeting: $0) }, workingDaysLeft: { clocks.calendar.workingDays(from: $0, to: $1) })
            // PP+ eligibility from the register the watcher uses, and the caps beside each request.
            let register = try RosterSource.configured(settings, logger: logger)
            web.register = { register.current().entries }
            (web.termlyCap, web.yearCap) = (rules.termlyCap, rules.financialYearCap)
            // Finance runs from the workbench: the pipeline's own finance close, as the CLI's.
            let closer = try Pipeline.build(configuration: settings, logger: logger).finance
            web.finance = FinanceActions(
                prepare: { name, now in
                    let prepared = try closer.prepare(by: name, now: now)
                    return (prepared.proposalID, prepared.lines)
                },
                authorise: { id, user, now in try closer.authorise(proposalID: id, by: user, now: now).lines },
                authorisers: Set(closer.authoriserRoles.compactMap(UserRole.init(rawValue:))))
        } catch {
            CommandSupport.fail("the rules in \(settings.rulesDir) cannot be read: \(error)")
        }
        let ledger: Ledger
        do {
            ledger = try Ledger(path: settings.ledgerPath)
        } catch {
            CommandSupport.fail("cannot open the ledger: \(error)")
        }
        defer { try? ledger.close() }
        let app = try await buildApplication(configuration: web, ledger: ledger, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
