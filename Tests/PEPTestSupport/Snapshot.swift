import Foundation

/// Golden files: rendered output compared byte for byte with `Snapshots/<name>` beside the
/// test file that asks.
///
/// To regenerate after an intended change, run the tests with `PEPQA_UPDATE_SNAPSHOTS=1`
/// (`PEPQA_UPDATE_SNAPSHOTS=1 swift test --filter 'PEPOutputTests|PEPPipelineTests'`), then
/// read the diff (`git diff Tests/*/Snapshots`) before committing it. A missing file is written
/// and reported as a failure, so a new snapshot is always looked at once.
public enum Snapshot {
    /// - Returns: nil when `text` matches (or was rewritten on request); else the failure to report.
    public static func problem(_ text: String, named name: String, testFile: String = #filePath) throws -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name)
        let update = ProcessInfo.processInfo.environment["PEPQA_UPDATE_SNAPSHOTS"] == "1"
        guard !update, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return update ? nil : "recorded new snapshot \(name); check it and run again"
        }
        return text == expected ? nil : "output differs from Snapshots/\(name)"
    }
}
