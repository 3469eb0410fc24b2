import Foundation
import Logging
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// The register of children looked after, refreshed from the case system's export: a bad row
/// costs that row, a bad file costs nothing, a half-written file waits.

private let header = "child_la_id,first_name,last_name,school_urn,social_worker_email,entered_care,next_pep_meeting\n"
private let base = [RosterEntry(childID: "LA-OLD")]
private let later = Date().addingTimeInterval(3600)

private func source(_ folder: URL?) -> RosterSource {
    RosterSource(
        base: base, baseFile: "Rules/roster.csv", importFolder: folder,
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}

private func export(_ folder: URL, _ name: String, _ text: String, modified: Date = Date().addingTimeInterval(-60)) throws {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
}

@Test func withoutAnImportFolderOrExportTheRosterFileIsTheRegister() throws {
    #expect(source(nil).current() == .init(entries: base, source: "Rules/roster.csv", problems: []))
    let folder = try Repository.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(source(folder).current().entries == base)
}

@Test func theNewestExportReplacesTheRegisterAndABadRowIsReportedWithItsLineAndSkipped() throws {
    let folder = try Repository.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try export(folder, "cla-2025-11-01.csv", header + "LA-1,Ava,Testwood,190001,,,\n", modified: Date().addingTimeInterval(-7200))
    try export(
        folder, "cla-2025-11-02.csv",
        header + "LA-1,Ava,Testwood,190001,sw@council.example.gov.uk,2025-10-20,\nLA-2,Ben,Marsh,190002,,20/13/2025,\n,No,Id,,,,\nLA-3,Cal,Reed,190003,,,2025-11-05\n")
    let roster = source(folder)
    let snapshot = roster.current()
    #expect(snapshot.source == "cla-2025-11-02.csv")
    #expect(snapshot.entries.map(\.childID) == ["LA-1", "LA-3"])
    #expect(snapshot.entries.first?.socialWorkerEmail == "sw@council.example.gov.uk")
    #expect(snapshot.problems == [
        "cla-2025-11-02.csv:3: entered_care is not a date (write 2025-09-14 or 14/09/2025)",
        "cla-2025-11-02.csv:4: child_la_id is empty",
    ])
    for problem in snapshot.problems { #expect(!problem.contains("Ben") && !problem.contains("Marsh")) }
    #expect(roster.current() == snapshot, "the same file is not read again")
}

@Test func anExportThatCannotBeUsedKeepsThePreviousRegisterAndSaysSo() throws {
    let folder = try Repository.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try export(folder, "a.csv", header + "LA-1,,,,,,\n", modified: Date().addingTimeInterval(-7200))
    let roster = source(folder)
    #expect(roster.current().entries.map(\.childID) == ["LA-1"])
    try export(folder, "b.csv", "name,school\nAva,Riverside\n")
    let kept = roster.current()
    #expect(kept.entries.map(\.childID) == ["LA-1"])
    #expect(kept.source == "a.csv")
    #expect(kept.problems.count == 1)
    #expect(kept.problems.first?.hasPrefix("b.csv") == true)
    #expect(kept.problems.first?.hasSuffix("(the register from a.csv is still in use)") == true)
}

@Test func anExportStillBeingWrittenWaitsUntilItHasBeenQuiet() throws {
    let folder = try Repository.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try export(folder, "cla.csv", header + "LA-1,,,,,,\nLA-2,", modified: Date())
    let roster = source(folder)
    #expect(roster.current().entries == base, "modified a moment ago: not read yet")
    #expect(roster.current(now: later).entries.map(\.childID) == ["LA-1", "LA-2"])
}

@Test func hiddenAndNonCSVFilesInTheImportFolderAreIgnored() throws {
    let folder = try Repository.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try export(folder, ".cla.csv.part", header + "LA-9,,,,,,\n")
    try export(folder, ".cla.csv", header + "LA-9,,,,,,\n")
    try export(folder, "notes.txt", "hello")
    #expect(source(folder).current().entries == base)
}
