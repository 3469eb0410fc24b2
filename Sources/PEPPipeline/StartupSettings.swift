import Foundation
import PEPModel
import PEPReaders
import PEPRules

/// Every setting under the rules folder and the configuration, loaded and checked ONCE at
/// start (never again per poll): the rule set, the DOCX mapping, the output settings, the
/// roster and the school register. A broken file stops the start with its file and line;
/// `pepqa rules check` reports the same problems, all of them (`RulesCheck`).
struct StartupSettings: Sendable {
    let rules: RuleSet
    let registry: ReaderRegistry
    let outputs: OutputSettings
    /// `roster_file` (default `Rules/roster.csv`); empty when the file is absent.
    let roster: [RosterEntry]
    /// `schools_file` (default `Rules/schools.csv`); nil when the file is absent (a finance
    /// close then refuses to run, and the dashboard names schools from the PEPs).
    let register: SchoolRegister?

    static func load(_ configuration: ServiceConfiguration) throws -> StartupSettings {
        try RulesCheck.requireFolder(configuration.rulesDir)
        let rulesURL = URL(fileURLWithPath: configuration.rulesDir)
        return StartupSettings(
            rules: try RuleSet.load(directory: rulesURL),
            registry: try ReaderFactory.registry(rulesDirectory: rulesURL),
            outputs: try OutputSettings.load(rulesDirectory: rulesURL),
            roster: try roster(configuration) ?? [],
            register: try register(configuration))
    }

    /// The school register, or nil when its file is absent.
    static func register(_ configuration: ServiceConfiguration) throws -> SchoolRegister? {
        let path = configuration.resolvedSchoolsFile
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try SchoolRegisterLoader.load(contentsOf: URL(fileURLWithPath: path))
    }

    /// The roster, or nil when its file is absent.
    static func roster(_ configuration: ServiceConfiguration) throws -> [RosterEntry]? {
        let path = configuration.resolvedRosterFile
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try RosterLoader.load(contentsOf: URL(fileURLWithPath: path))
    }
}
