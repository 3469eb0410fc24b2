import Foundation
import PEPModel
import Testing

@testable import PEPIntake

private let when = Date(timeIntervalSince1970: 1_762_510_500)  // 2025-11-07 10:15:00 UTC

private func filing(_ folder: TemporaryFolder) -> Filing {
    Filing(archiveRoot: folder.url.appendingPathComponent("ARCHIVE"), quarantineRoot: folder.url.appendingPathComponent("QUARANTINE"))
}

@Test func archiveMovesTheOriginalBytesIntoYearAndMonth() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("inbox/pep.json", "{\"schema\":\"pep/1\"}")
    let archived = try filing(folder).archive(file: file, receivedAt: when)
    let sha = SHA256.hex(Array("{\"schema\":\"pep/1\"}".utf8))
    #expect(archived.path == folder.url.appendingPathComponent("ARCHIVE/2025/11/20251107-101500-\(sha.prefix(12))-pep.json").path)
    #expect(!FileManager.default.fileExists(atPath: file.path))
    #expect(try Data(contentsOf: archived) == Data("{\"schema\":\"pep/1\"}".utf8))
}

@Test func archivingTheSameNameTwiceNeverOverwrites() throws {
    let folder = try TemporaryFolder()
    let first = try filing(folder).archive(file: try folder.write("inbox/pep.json", "same"), receivedAt: when)
    let second = try filing(folder).archive(file: try folder.write("inbox/pep.json", "same"), receivedAt: when)
    #expect(first != second)
    #expect(second.lastPathComponent.hasSuffix("-pep-2.json"))
    #expect(folder.names(in: "ARCHIVE/2025/11").count == 2)
}

@Test func differentContentWithTheSameNameGetsDifferentNames() throws {
    let folder = try TemporaryFolder()
    let a = try filing(folder).archive(file: try folder.write("inbox/pep.json", "one"), receivedAt: when)
    let b = try filing(folder).archive(file: try folder.write("inbox/pep.json", "two"), receivedAt: when)
    #expect(a.lastPathComponent != b.lastPathComponent)
    #expect(a.lastPathComponent.hasSuffix("-pep.json") && b.lastPathComponent.hasSuffix("-pep.json"))
}

@Test func quarantineMovesTheFileAndWritesItsReasonBeside() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("inbox/broken.json", "{not json")
    let moved = try filing(folder).quarantine(file: file, reason: "broken.json: the JSON is not well-formed (at line 1)", receivedAt: when, now: when + 60)
    #expect(!FileManager.default.fileExists(atPath: file.path))
    #expect(moved.deletingLastPathComponent().lastPathComponent == "QUARANTINE")
    let note = try String(contentsOfFile: moved.path + ".reason", encoding: .utf8)
    #expect(note == "broken.json: the JSON is not well-formed (at line 1)\nwhen: 2025-11-07T10:16:00Z\n")
    #expect(filing(folder).note(forQuarantined: moved) == QuarantineNote(reason: "broken.json: the JSON is not well-formed (at line 1)", when: when + 60))
    #expect(try filing(folder).quarantinedFiles() == [moved])
    #expect(folder.names(in: "QUARANTINE").allSatisfy { !$0.hasPrefix(".pepqa-tmp") })
}

@Test func reasonWithLineBreaksStaysOneLine() throws {
    let folder = try TemporaryFolder()
    let moved = try filing(folder).quarantine(file: try folder.write("inbox/x.xml", "<"), reason: "x.xml: bad\nsecond line\r", now: when)
    #expect(filing(folder).note(forQuarantined: moved)?.reason == "x.xml: bad second line")
}

@Test func hostileNamesCannotEscapeTheArchive() throws {
    let folder = try TemporaryFolder()
    // A file whose own name is hostile cannot exist on disk with '/', so test the naming a caller
    // would use for a name taken from an e-mail, and a real file with odd characters.
    let odd = try folder.write("inbox/..\u{1}evil\u{202E}.json", "{}")
    let archived = try filing(folder).archive(file: odd, receivedAt: when)
    #expect(archived.deletingLastPathComponent().path == folder.url.appendingPathComponent("ARCHIVE/2025/11").path)
    #expect(archived.lastPathComponent.hasSuffix("-evil.json"))
}

@Test func requeueMovesAQuarantinedFileBackUnderItsOriginalName() throws {
    let folder = try TemporaryFolder()
    let inbox = try folder.makeFolder("inbox")
    let moved = try filing(folder).quarantine(file: try folder.write("inbox/pep.docx", "PK"), reason: "pep.docx: encrypted", now: when)
    let back = try filing(folder).requeue(moved, into: inbox)
    #expect(back.path == inbox.appendingPathComponent("pep.docx").path)
    #expect(folder.names(in: "QUARANTINE").isEmpty)
}

@Test func requeueIntoAMaildirGoesToNew() throws {
    let folder = try TemporaryFolder()
    for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder("mail/\(sub)") }
    let moved = try filing(folder).quarantine(file: try folder.write("mail/new/1762500000.M1.host", "From: a@b\n\nx"), reason: "r", now: when)
    let back = try filing(folder).requeue(moved, into: folder.url.appendingPathComponent("mail"))
    #expect(back.path == folder.url.appendingPathComponent("mail/new/1762500000.M1.host").path)
}
