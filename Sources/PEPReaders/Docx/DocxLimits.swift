/// Limits that keep a hostile Word package (a zip bomb, a million entries, a deeply nested part)
/// within bounded time and memory. Real PEPs are far inside every one of them: a 40-page form
/// is about 1 MB of `document.xml` from a 100 KB file.
package struct DocxLimits: Sendable {
    /// Most entries in the archive's central directory.
    package var maxEntries = 5_000
    /// Most bytes inflated from any one part we read; counted while inflating, because the
    /// sizes an archive declares are not enforced by ZIPFoundation.
    package var maxPartBytes = 64 << 20
    /// Most bytes inflated in total for one document.
    package var maxTotalBytes = 96 << 20
    /// Most bytes declared uncompressed across the whole archive (parts we never read included).
    package var maxDeclaredBytes: UInt64 = 1 << 30
    /// Highest inflated-to-compressed ratio accepted for a part once it passes `ratioFloor`
    /// bytes (Word XML deflates about 5–20 to 1; a bomb reaches 1,000 to 1).
    package var maxRatio = 100
    /// Bytes a part may inflate to before the ratio is checked (tiny parts compress very well).
    package var ratioFloor = 1 << 20
    /// Limits on the XML of each part read.
    var xml = XMLLimits(maxDepth: 256, maxNodes: 4_000_000)

    package init() {}

    package static let standard = DocxLimits()
}
