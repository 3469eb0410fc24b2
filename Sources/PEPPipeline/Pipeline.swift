import Foundation
import Logging
import PEPIntake
import PEPLedger
import PEPModel
import PEPReaders
import PEPRules

/// The stages assembled, one type per job, built once at start by `Pipeline.build` (which the
/// CLI and the tests both call, as hummingbird's `buildApplication` is). It holds no job of
/// its own: each command takes the part it needs.
package struct Pipeline: Sendable {
    package let configuration: ServiceConfiguration
    package let ledger: Ledger
    /// Rates one submission (the service's handler, and `process`'s).
    package let rater: DocumentRater
    /// `pepqa process`: walks paths, rates what it finds, leaves the files in place.
    package let paths: PathProcessor
    /// Brings every output up to date with the ledger.
    package let outputs: OutputPublisher
    /// The PP+ finance close.
    package let finance: FinanceCloser
    /// The service's work between polls.
    package let serviceWork: ServiceCycleWork
    let registry: ReaderRegistry
    let outputSettings: OutputSettings

    /// Loads and checks every setting (the rules, the DOCX mapping, the output settings, the
    /// roster and the school register: a broken one stops here, before anything is rated),
    /// opens the ledger (creating it if needed), and wires each job to what it needs.
    package static func build(configuration: ServiceConfiguration, logger: Logger) throws -> Pipeline {
        let settings = try StartupSettings.load(configuration)
        let ledger = try Ledger(path: configuration.ledgerPath)
        return Pipeline(configuration: configuration, settings: settings, ledger: ledger, logger: logger)
    }

    init(configuration: ServiceConfiguration, settings: StartupSettings, ledger: Ledger, logger: Logger) {
        self.configuration = configuration
        self.ledger = ledger
        registry = settings.registry
        outputSettings = settings.outputs
        let folders = OutputFolders(root: URL(fileURLWithPath: configuration.outDir))
        let reports = ReportPublisher(outDir: folders.root)
        let builder = StoredReportBuilder(registry: settings.registry)
        var rater = DocumentRater(
            rules: settings.rules, registry: settings.registry, ledger: ledger, reports: reports, builder: builder,
            logger: logger)
        // Reading ahead on other cores: the reports are written off the rating thread too.
        if configuration.resolvedReadAhead > 0 { rater.queue = ReportQueue(publisher: reports, logger: logger) }
        self.rater = rater
        let ownFolders = [configuration.resolvedArchiveDir, configuration.resolvedQuarantineDir, configuration.outDir]
        paths = PathProcessor(
            walker: InboxWalker(skipping: ownFolders.map { URL(fileURLWithPath: $0) }),
            processor: ItemProcessor(handler: rater, filing: .leaveInPlace, logger: logger),
            readAhead: configuration.resolvedReadAhead, logger: logger)
        outputs = OutputPublisher(
            ledger: ledger, settings: settings.outputs, folders: folders, reports: reports, builder: builder,
            rules: settings.rules,
            roster: RosterSource(
                base: settings.roster, baseFile: configuration.resolvedRosterFile,
                importFolder: configuration.rosterImportDir.map { URL(fileURLWithPath: $0) }, logger: logger),
            register: settings.register ?? SchoolRegister([]),
            autoCompleteGreen: configuration.autoCompleteGreen, logger: logger)
        finance = FinanceCloser(
            ledger: ledger, settings: settings.outputs.finance,
            settingsFile: "\(configuration.rulesDir)/\(OutputSettings.financeFile)", register: settings.register,
            registerFile: configuration.resolvedSchoolsFile, calendar: settings.rules.calendar, folders: folders,
            closeDay: configuration.financeCloseDay, logger: logger)
        serviceWork = ServiceCycleWork(
            outputs: outputs, finance: finance, tracker: DailyRefresh(hour: configuration.trackerHour), logger: logger)
    }
}
