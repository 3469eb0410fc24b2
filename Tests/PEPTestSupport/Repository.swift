import Foundation

/// Where the repository's shipped files are, found from this file's path (tests have no
/// SwiftPM resources), and scratch folders for tests that write.
public enum Repository {
    /// The repository root: `Tests/PEPTestSupport/Repository.swift`, three levels up.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shipped `Rules/` folder.
    public static let rules = root.appendingPathComponent("Rules")
    /// The shipped `SampleInbox/`.
    public static let sampleInbox = root.appendingPathComponent("SampleInbox")

    /// A new, empty folder under the system temporary folder, named `<prefix>-<UUID>`.
    public static func temporaryFolder(_ prefix: String = "pepqa") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the shipped `Rules/` in a fresh temporary folder, for a test to edit or break.
    public static func rulesCopy() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pepqa-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: rules, to: url)
        return url
    }
}
