/// Bounds on what one message may cost to parse, so a hostile or broken e-mail cannot exhaust
/// memory or time. Exceeding one is an error (the message is quarantined), never a truncation.
package struct MIMELimits: Sendable, Hashable {
    /// Largest message file read, in bytes. Default 50 MiB (mail servers cap at 25–35 MB).
    package var maxMessageBytes: Int
    /// Most MIME parts (of every level) in one message. Default 200.
    package var maxParts: Int
    /// Deepest nesting of multiparts and attached messages. Default 10.
    package var maxDepth: Int

    package init(maxMessageBytes: Int = 50 << 20, maxParts: Int = 200, maxDepth: Int = 10) {
        (self.maxMessageBytes, self.maxParts, self.maxDepth) = (maxMessageBytes, maxParts, maxDepth)
    }

    package static let standard = MIMELimits()
}
