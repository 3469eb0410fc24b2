import ArgumentParser
import PEPPipeline

/// The one option group every command takes (names kept the same everywhere): the
/// configuration file, then the folders that override it.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Configuration file (YAML); default \(ServiceConfiguration.defaultFile) if it exists.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the ledger (ledger.sqlite).", valueName: "dir"))
    var state: String?

    @Option(name: .long, help: ArgumentHelp("Folder for reports, dashboard, outbox, exports and finance files.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Folder of QA criteria and settings.", valueName: "dir"))
    var rules: String?

    /// The settings, or a usage error (one line, exit status 64) for a file that cannot be
    /// read or has a bad key or value.
    func resolve() throws -> ServiceConfiguration {
        do {
            return try ServiceConfiguration.resolve(configFile: config, state: state, out: out, rules: rules)
        } catch {
            throw CommandSupport.usage("cannot start: \(error)")
        }
    }
}

/// How many documents `process` and `run` read ahead on the other cores (`read_ahead`).
struct ReadAheadOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Documents read ahead on other cores while one is rated (0: one core; default: read_ahead, or one fewer than the cores).",
            valueName: "n"))
    var readAhead: Int?

    /// `configuration` with this option applied; a usage error when it is out of range.
    func apply(to configuration: ServiceConfiguration) throws -> ServiceConfiguration {
        guard let readAhead else { return configuration }
        guard (0...16).contains(readAhead) else { throw CommandSupport.usage("--read-ahead must be a whole number from 0 to 16") }
        var configuration = configuration
        configuration.readAhead = readAhead
        return configuration
    }
}
