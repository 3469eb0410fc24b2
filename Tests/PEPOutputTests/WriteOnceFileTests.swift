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
