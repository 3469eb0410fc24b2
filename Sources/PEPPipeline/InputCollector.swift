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
/// A folder is walked (not following links); a Maildir (a folder with `new/`, `cur/` and
/// `tmp/`) contributes the messages in `new/` and `cur/` — never `tmp/`, where messages are
/// still being written. Lock files (`~$…`), dotfiles and `.part`/`.tmp` files are skipped.
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
        if isMaildir(path) {
            for sub in ["new", "cur"] {
                let folder = (path as NSString).appendingPathComponent(sub)
                for name in sortedEntries(folder) where !isIgnored(name) {
                    items.append(.email((folder as NSString).appendingPathComponent(name)))
                }
            }
            return
        }
        for name in sortedEntries(path) where !isIgnored(name) {
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

    package static func isMaildir(_ path: String) -> Bool {
        ["new", "cur", "tmp"].allSatisfy { sub in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(sub), isDirectory: &isDir)
                && isDir.boolValue
        }
    }

    /// Word lock files, dotfiles, partial downloads and temporary files.
    package static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix("~$") || name.hasPrefix(".") || lower.hasSuffix(".part") || lower.hasSuffix(".tmp")
            || lower.hasSuffix(".crdownload") || lower.hasSuffix(".reason")
    }

    static func sortedEntries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
