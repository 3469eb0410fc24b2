import Foundation
import PEPIntake
import PEPModel

/// How the logs name a file without its name: schools often name a PEP after the child
/// ("PEP Ava Testwood.docx"), and the log must never carry a child's name. A file is logged as
/// a short hash of its name plus its extension, which is the same on every line about it; an
/// archived or quarantined file by its time and content-hash prefix, which is how it can be
/// found in those folders.
package enum LogLabel {
    /// `file-3f2a9c1b.docx`: the first 8 hex digits of the name's SHA-256, and the extension.
    package static func file(_ name: String) -> String {
        let leaf = (name as NSString).lastPathComponent
        let ext = (leaf as NSString).pathExtension
        let hash = String(SHA256.hex(Array(leaf.utf8)).prefix(8))
        return "file-" + hash + (ext.isEmpty || ext.count > 8 ? "" : "." + ext.lowercased())
    }

    /// `20251015-093000-c8b5a05a622b-…`: an archived or quarantined name without the original.
    package static func filed(_ path: String) -> String {
        let leaf = (path as NSString).lastPathComponent
        let original = ArchiveNaming.originalName(fromArchived: leaf)
        guard original != leaf else { return file(leaf) }
        return String(leaf.dropLast(original.utf8.count)) + "…"
    }

    /// `text` (an error's description) with the file's path and name replaced by its label.
    package static func scrub(_ text: String, path: String) -> String {
        let name = (path as NSString).lastPathComponent
        var out = text.replacingOccurrences(of: path, with: file(name))
        if !name.isEmpty { out = out.replacingOccurrences(of: name, with: file(name)) }
        return out
    }
}
