import Foundation
import PEPLedger
import PEPModel

/// Finds a document as it arrived: in the archive (named `<time>-<sha256 first 12>-<name>`),
/// in quarantine, or where `pepqa process` left it. A drop-folder file is checked against its
/// recorded SHA-256; an e-mail is the message the PEP came in.
struct OriginalFiles: Sendable {
    let ledger: Ledger
    let folders: [URL]

    func locate(submissionID: Int64) -> URL? {
        guard let origin = try? ledger.reviews.origin(submissionID: submissionID) else { return nil }
        let marker = "-\(origin.sha256.prefix(12))-"
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.lastPathComponent.contains(marker) {
                if matches(url, origin) { return url }
            }
        }
        let inPlace = URL(fileURLWithPath: origin.originPath)
        return matches(inPlace, origin) ? inPlace : nil
    }

    private func matches(_ url: URL, _ origin: DocumentOrigin) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        return origin.originKind == "email" || SHA256.hex(Array(data)) == origin.sha256
    }
}
