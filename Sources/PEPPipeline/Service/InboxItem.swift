import Foundation
import PEPIntake

/// One unit of work the service found in an inbox: it is taken in whole, then moved whole.
package enum InboxItem: Sendable, Hashable {
    /// A PEP file (DOCX, XML, JSON) in a drop folder.
    case dropFile(DropFile)
    /// A saved e-mail (`.eml`) in a drop folder: one submission per PEP attachment.
    case emailFile(DropFile)
    /// A message in a Maildir's `new/` (complete by definition: the MTA renamed it in).
    case maildirMessage(URL, Maildir)

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
