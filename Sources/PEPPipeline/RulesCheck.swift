import Foundation
import PEPRules

/// `pepqa rules check`: every problem in every file of a rules folder, one line each, with its
/// file and line: the rule set, the DOCX mapping, the output settings, the roster and the
/// school register (the ones the configuration names, by default those in the folder), and
/// any file in the folder that pepqa does not read (a misnamed file would be silently unused).
package enum RulesCheck {
    /// Files and folders of a rules folder that pepqa reads, or that are there for people.
    static let knownEntries: Set<String> = [
        "ruleset.yaml", "criteria", "calendar", ReaderFactory.mappingFile, OutputSettings.feedbackFolder, "exports",
        OutputSettings.financeFile, "notices", "schools.csv", "roster.csv", "README.md", XMLDialectLoader.folder,
    ]

    /// The problems of the rules folder `directory`, with the default roster and register.
    package static func problems(in directory: String) -> [String] {
        var configuration = ServiceConfiguration()
        configuration.rulesDir = directory
        return problems(configuration)
    }

    /// The problems of the configuration's rules folder, roster and school register.
    package static func problems(_ configuration: ServiceConfiguration) -> [String] {
        let directory = configuration.rulesDir
        let url = URL(fileURLWithPath: directory)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            return ["\(directory): no such folder"]
        }
        var problems = RuleSet.check(directory: url).map { "\(directory)/\($0)" }
        let mapping = url.appendingPathComponent(ReaderFactory.mappingFile)
        if FileManager.default.fileExists(atPath: mapping.path) {
            do { _ = try FormMappingLoader.load(contentsOf: mapping) } catch { problems.append("\(error)") }
        }
        do {
            _ = try XMLDialectLoader.load(directory: url.appendingPathComponent(XMLDialectLoader.folder))
        } catch {
            problems += error.problems.map { "\(directory)/\($0)" }
        }
        do { _ = try OutputSettings.load(rulesDirectory: url) } catch { problems.append("\(error)") }
        do { _ = try StartupSettings.register(configuration) } catch { problems.append("\(error)") }
        do { _ = try StartupSettings.roster(configuration) } catch { problems.append("\(error)") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in entries.sorted() where !name.hasPrefix(".") && !knownEntries.contains(name) {
            problems.append("\(directory)/\(name): not a file pepqa reads (known: \(knownEntries.sorted().joined(separator: ", ")))")
        }
        return problems
    }

    /// A missing rules folder is the usual mistake of running from the wrong folder: say so,
    /// rather than listing every file that is not there.
    package static func requireFolder(_ directory: String) throws(MissingRulesFolder) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw MissingRulesFolder(directory: directory)
        }
    }
}

package struct MissingRulesFolder: Error, CustomStringConvertible {
    package let directory: String
    package var description: String {
        "no rules folder at '\(directory)': run pepqa from the repository root, or pass --rules DIR"
    }
}
