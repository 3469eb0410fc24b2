import Foundation
import PEPModel

/// A submission's bytes read into a PEP ahead of its turn, on another core: only what the
/// readers made of the bytes. Nothing is recorded until the submission's turn comes.
package struct PreparedRead: Sendable {
    /// Which readers made it: a read made before `systemctl reload` swapped the rules (and so
    /// perhaps the form mapping) is made again by the new ones.
    let readers: UUID
    /// The bytes it was read from.
    let sha256: String
    let result: Result<ReadResult, IngestError>
}
