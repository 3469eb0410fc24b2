import Foundation
import PEPTestSupport
import Testing

@testable import PEPOutput

@Test func aFileWrittenOnceIsNeverReplaced() throws {
    let folder = try Repository.temporaryFolder("pepqa-output")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("journal-000001.csv")
    try WriteOnceFile.write("first", to: url)
    #expect(throws: WriteOnceFile.AlreadyExists.self) { try WriteOnceFile.write("second", to: url) }
    #expect(try String(contentsOf: url, encoding: .utf8) == "first")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["journal-000001.csv"])
}

@Test func writingTheSameContentAgainIsConfirmedAndOtherContentIsAConflict() throws {
    let folder = try Repository.temporaryFolder("pepqa-output")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("eclipse-000001.csv")
    #expect(try WriteOnceFile.writeOrConfirm("rows", to: url))
    #expect(try !WriteOnceFile.writeOrConfirm("rows", to: url))
    #expect(throws: WriteOnceFile.Conflict.self) { try WriteOnceFile.writeOrConfirm("other rows", to: url) }
    #expect(try String(contentsOf: url, encoding: .utf8) == "rows")
}

/// A batch written a piece at a time, across many of the stream's buffers, is put in place
/// whole; the same bytes again are confirmed (a second copy differing only past the first
/// buffer is a conflict); a staging given up leaves nothing behind.
@Test func aStreamedBatchIsPlacedWholeConfirmedOrRefused() throws {
    let folder = try Repository.temporaryFolder("pepqa-output")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("eclipse-000002.csv")
    let rows = (0..<20_000).map { "EC\($0),autumn,2025/26,Green\r\n" }
    func stage(_ last: String) throws -> WriteOnceFile.Staging {
        let staging = try WriteOnceFile.Staging(for: url)
        for row in rows { try staging.write(row) }
        try staging.write(last)
        return staging
    }
    #expect(try stage("END\r\n").place())
    let written = try String(contentsOf: url, encoding: .utf8)
    #expect(written == rows.joined() + "END\r\n" && written.utf8.count > 500_000)
    #expect(try !stage("END\r\n").place(), "the same bytes: confirmed, left alone")
    #expect(throws: WriteOnceFile.Conflict.self) { _ = try stage("End\r\n").place() }
    do { _ = try stage("given up") }  // never placed: its temporary goes with it
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["eclipse-000002.csv"])
    #expect(try String(contentsOf: url, encoding: .utf8) == written)
}
