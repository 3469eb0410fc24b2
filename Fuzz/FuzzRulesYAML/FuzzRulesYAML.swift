import Foundation
import FuzzSupport
import PEPRules

// The rule set: `ruleset.yaml`, the calendar and the criteria, with the rule language.
//
// An input is a file's relative name on its first line, then the text that replaces it in the
// real `Rules/` set (a name the set lacks is a new criteria file), so every file is fuzzed with
// the files it depends on as they really are. Only the named criteria file is checked with
// `ruleset.yaml` and the calendar: the whole set costs ten times as long an input.

let ruleFiles: [String: String] = Fuzz.setUp("Rules/") {
    var files: [String: String] = [:]
    for name in ["ruleset.yaml", "calendar/bank-holidays.yaml", "calendar/terms.yaml"] {
        files[name] = try String(contentsOf: Fuzz.rules.appendingPathComponent(name), encoding: .utf8)
    }
    let criteria = Fuzz.rules.appendingPathComponent("criteria")
    for name in try FileManager.default.contentsOfDirectory(atPath: criteria.path) where name.hasSuffix(".yaml") {
        files["criteria/\(name)"] = try String(contentsOf: criteria.appendingPathComponent(name), encoding: .utf8)
    }
    return files
}

@_cdecl("FuzzRulesYAML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    precondition(RuleSet.check(files: ruleFiles).isEmpty, "the repository's Rules/ has problems")
    return Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.text(data, size)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    var files = ruleFiles.filter { !$0.key.hasPrefix("criteria/") }
    files[ruleFiles[name] == nil ? "criteria/fuzz.yaml" : name] = parts.count > 1 ? String(parts[1]) : ""
    _ = RuleSet.check(files: files)
    return 0
}
