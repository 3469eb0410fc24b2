import Foundation
import PEPTestSupport
import Testing

@testable import PEPFiles

private func names(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

@Test func writeReplacesTheFileWholeAndLeavesNoTemporaryBehind() throws {
    let folder = try Repository.temporaryFolder("pepfiles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("reports/a.json")
    try DurableFile.write("old", to: url)
    try DurableFile.write("new", to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "new")
    #expect(names(in: url.deletingLastPathComponent()) == ["a.json"])
    let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    #expect(mode == 0o640)
}

/// A publish rewrites only pages whose content changed: the same text leaves the file (its
/// inode) alone; different text of the same length, or of another length, replaces it.
@Test func writeIfChangedRewritesOnlyWhatChanged() throws {
    let folder = try Repository.temporaryFolder("pepfiles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("dashboard/index.html")
    func inode() throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) }
    #expect(try DurableFile.writeIfChanged("<p>17 PEPs</p>", to: url))
    let first = try inode()
    #expect(try !DurableFile.writeIfChanged("<p>17 PEPs</p>", to: url))
    #expect(try inode() == first, "the same text: not written again")
    #expect(try DurableFile.writeIfChanged("<p>18 PEPs</p>", to: url), "same length, one byte differs")
    #expect(try String(contentsOf: url, encoding: .utf8) == "<p>18 PEPs</p>")
    #expect(try DurableFile.writeIfChanged("<p>18 PEPs</p>\n", to: url), "one byte longer")
    #expect(try DurableFile.writeIfChanged("<p>18 PEPs</p>", to: url), "one byte shorter")
    #expect(try String(contentsOf: url, encoding: .utf8) == "<p>18 PEPs</p>")
    #expect(names(in: url.deletingLastPathComponent()) == ["index.html"])
}

@Test func crossFileSystemFallbackCopiesSyncsAndRemovesTheSource() throws {
    let folder = try Repository.temporaryFolder("pepfiles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("a/pep.json")
    try DurableFile.write("payload", to: source)
    let destination = folder.appendingPathComponent("b/pep.json")
    try DurableFile.makeDirectories(destination.deletingLastPathComponent())
    try DurableFile.copyAcrossFileSystems(source, to: destination)
    #expect(!FileManager.default.fileExists(atPath: source.path))
    #expect(try String(contentsOf: destination, encoding: .utf8) == "payload")
    #expect(names(in: destination.deletingLastPathComponent()) == ["pep.json"])
}

@Test func moveRefusesToReplaceAnExistingFile() throws {
    let folder = try Repository.temporaryFolder("pepfiles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("a.json")
    let existing = folder.appendingPathComponent("b.json")
    try DurableFile.write("new", to: source)
    try DurableFile.write("old", to: existing)
    #expect(throws: FileIOError.self) { try DurableFile.move(source, to: existing) }
    #expect(try String(contentsOf: existing, encoding: .utf8) == "old")
    #expect(try String(contentsOf: source, encoding: .utf8) == "new")
}

@Test func aMovedFileKeepsNoPermissionForOthers() throws {
    let folder = try Repository.temporaryFolder("pepfiles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("dropped.docx")
    try Data("a child's PEP".utf8).write(to: source)
    try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: source.path)
    let moved = folder.appendingPathComponent("archive.docx")
    try DurableFile.move(source, to: moved)
    #expect(try FileManager.default.attributesOfItem(atPath: moved.path)[.posixPermissions] as? Int == 0o640)
    // Across file systems the copy takes the same mode.
    let again = folder.appendingPathComponent("again.docx")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: moved.path)
    try DurableFile.copyAcrossFileSystems(moved, to: again)
    #expect(try FileManager.default.attributesOfItem(atPath: again.path)[.posixPermissions] as? Int == 0o640)
}
