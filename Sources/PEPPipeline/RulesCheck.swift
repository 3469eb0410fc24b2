import Foundation
import PEPRules

/// `pepqa rules check`: every problem in every file of a rules folder, one line each.
package enum RulesCheck {
    package static func problems(in directory: String) -> [String] {
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
        let schools = url.appendingPathComponent("schools.csv")
        if FileManager.default.fileExists(atPath: schools.path) {
            do { _ = try SchoolRegisterLoader.load(contentsOf: schools) } catch { problems.append("\(error)") }
        }
        let roster = url.appendingPathComponent("roster.csv")
        if FileManager.default.fileExists(atPath: roster.path) {
            do { _ = try RosterLoader.load(contentsOf: roster) } catch { problems.append("\(error)") }
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
