import Foundation

/// One unit of work found by `InboxWalker`: it is read whole (`InboxItemReader`), then filed whole.
package enum InboxItem: Sendable, Hashable {
    /// A PEP file (DOCX, XML, JSON) in a drop folder, or named on the command line.
    case dropFile(DropFile)
    /// A saved e-mail (`.eml`, or a message saved without it): one submission per PEP attachment.
    case emailFile(DropFile)
    /// A message in a Maildir's `new/` (complete by definition: the MTA renamed it in).
    case maildirMessage(URL, Maildir)

    /// A drop file as what it is: an e-mail by extension, by its place in a Maildir or by its
    /// first bytes (`MessageSniffer`); else a PEP document.
    package init(classifying file: DropFile) {
        self = MessageSniffer.isMessage(path: file.url.path) ? .emailFile(file) : .dropFile(file)
    }

    /// Where it is now; also its key for retries and for the crash marker.
    package var path: String {
        switch self {
        case .dropFile(let file), .emailFile(let file): return file.url.path
        case .maildirMessage(let url, _): return url.path
        }
    }

    /// The file's own name, for logs and the progress line (a place, not content).
    package var name: String { URL(fileURLWithPath: path).lastPathComponent }
}
