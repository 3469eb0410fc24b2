import Foundation
import PEPTestSupport

/// A fresh temporary folder per test, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = try Repository.temporaryFolder("pepintake")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relativePath: String, _ text: String, modified: Date? = nil) throws -> URL {
        try write(relativePath, bytes: Array(text.utf8), modified: modified)
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8], modified: Date? = nil) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path) }
        return file
    }

    func makeFolder(_ relativePath: String) throws -> URL {
        let folder = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func names(in relativePath: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(relativePath).path)) ?? []).sorted()
    }
}

/// Paths of the repository's sample inbox and this target's fixtures.
enum Samples {
    static let maildir = Repository.sampleInbox.appendingPathComponent("maildir")
}

extension String {
    /// The same text with CRLF line ends, as mail travels.
    var crlf: String { replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") }
}
