import Foundation
import PEPIntake

/// One thing to take in: a plain file, an e-mail file, or a Maildir message.
package enum InputItem: Sendable, Hashable {
    case file(String)
    case email(String)

    package var path: String {
        switch self {
        case .file(let p), .email(let p): return p
        }
    }

    package var displayName: String { (path as NSString).lastPathComponent }
}

/// Expands the paths given to `pepqa process` into inputs, in a stable order.
///
/// A folder is walked (not following links); a Maildir (`Maildir.isMaildir`: a folder with
/// `new/` and `cur/`) contributes the messages in `new/` and `cur/` — never `tmp/`, where messages are
/// still being written. Names the service never reads (`DropFolder.isIgnored`: lock files,
/// dotfiles, partial downloads) are skipped here too.
package enum InputCollector {
    package static func collect(paths: [String]) -> [InputItem] {
        var items: [InputItem] = []
        for path in paths { collect(path, into: &items) }
        return items
    }

    static func collect(_ path: String, into items: inout [InputItem]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }
        if !isDir.boolValue {
            items.append(item(for: path))
            return
        }
        if Maildir.isMaildir(URL(fileURLWithPath: path)) {
            for sub in ["new", "cur"] {
                let folder = (path as NSString).appendingPathComponent(sub)
                for name in sortedEntries(folder) where !DropFolder.isIgnored(name: name) {
                    items.append(.email((folder as NSString).appendingPathComponent(name)))
                }
            }
            return
        }
        for name in sortedEntries(path) where !DropFolder.isIgnored(name: name) {
            let child = (path as NSString).appendingPathComponent(name)
            if let attrs = try? FileManager.default.attributesOfItem(atPath: child),
                attrs[.type] as? FileAttributeType == .typeSymbolicLink
            {
                continue
            }
            collect(child, into: &items)
        }
    }

    /// An e-mail by extension, by its place in a Maildir or by its first bytes; else a document.
    static func item(for path: String) -> InputItem {
        MessageSniffer.isMessage(path: path) ? .email(path) : .file(path)
    }

    static func sortedEntries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
