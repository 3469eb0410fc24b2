import Foundation
import PEPLedger
import PEPModel

/// Files the watcher set aside in quarantine without a ledger record (too large, an e-mail
/// with no PEP, a file the process kept dying on), each with the reason from its `.reason`
/// note, so that no file sent to the inbox vanishes from the coordinators' view.
struct QuarantineFolder: Sendable {
    let ledger: Ledger
    let folder: URL?

    struct Entry {
        var fileName: String
        var reason: String
    }

    func unrecorded() -> [Entry] {
        guard let folder,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.sorted().reversed().compactMap { name in
            guard !name.hasSuffix(".reason"), !name.hasPrefix("."),
                let note = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".reason").path),
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { return nil }
            if (try? ledger.submissions.recorded(sha256: SHA256.hex(Array(data)))) != nil { return nil }
            let reason = String(decoding: note, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "no reason given"
            return Entry(fileName: name, reason: reason)
        }
    }
}
