import Foundation
import PEPModel

/// A candidate file in a drop folder, with the size and times seen when listed.
package struct DropFile: Sendable, Hashable {
    package var url: URL
    package var size: Int64
    /// The modification time: the stability check watches it; recorded as evidence of when the
    /// sender saved the file, never taken as its arrival.
    package var modified: Date
    /// When it reached the folder (`FileStatus.changed`); the modification time when not known.
    package var arrived: Date

    package init(url: URL, size: Int64, modified: Date, arrived: Date? = nil) {
        self.url = url
        self.size = size
        self.modified = modified
        self.arrived = arrived ?? modified
    }

    init(url: URL, status: FileStatus) {
        self.init(url: url, size: status.size, modified: status.modified, arrived: status.changed)
    }

    package var name: String { url.lastPathComponent }

    /// The largest file taken in (a PEP is rarely over a few MB; a Word file with photos, tens),
    /// by `pepqa process` and by the service alike.
    package static let maxBytes = 64 << 20

    /// Reads the file into a `Submission` received when `clock` says it arrived.
    /// - Throws: `IngestError` `.tooLarge` past `maxBytes`, `.empty` for a zero-length file,
    ///   `.unreadable` when it cannot be read. Messages name the file, never its content.
    package func submission(maxBytes: Int = DropFile.maxBytes, clock: ArrivalClock = .arrival) throws(IngestError) -> Submission {
        guard size <= Int64(maxBytes) else {
            throw IngestError(.tooLarge, file: name, message: "the file is larger than the limit of \(ByteCount.describe(maxBytes))")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IngestError(.unreadable, file: name, message: "the file cannot be read")
        }
        guard data.count <= maxBytes else {
            throw IngestError(.tooLarge, file: name, message: "the file is larger than the limit of \(ByteCount.describe(maxBytes))")
        }
        guard !data.isEmpty else { throw IngestError(.empty, file: name, message: "the file is empty") }
        var submission = Submission(
            fileName: name, bytes: [UInt8](data), receivedAt: clock.receivedAt(self), origin: .dropFile(path: url.path))
        submission.fileModifiedAt = modified
        return submission
    }
}
