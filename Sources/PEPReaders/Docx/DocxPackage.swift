import Foundation
import PEPModel
import ZIPFoundation

/// A Word package (OPC) opened in memory: finds the main document part the way the standard
/// says, through `[Content_Types].xml` and the package relationships, and inflates parts under
/// the limits. No name from inside the archive is ever used as a file path.
struct DocxPackage {
    /// Content types of a main WordprocessingML part: document, macro-enabled, template.
    static let mainContentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroenabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
    ]
    /// The officeDocument relationship, transitional and strict.
    static let officeDocumentTypes: Set<String> = [
        "http://schemas.openxmlformats.org/officedocument/2006/relationships/officedocument",
        "http://purl.oclc.org/ooxml/officedocument/relationships/officedocument",
    ]

    private let archive: Archive
    private let file: String
    private let limits: DocxLimits
    /// Entries by normalised part name (no leading slash, lower case), each with what our own
    /// scan found of it.
    private let entries: [String: (entry: Entry, scanned: ZipDirectoryScan.Entry)]
    private let bytes: [UInt8]
    private let scan: ZipDirectoryScan
    private var inflated = 0

    init(bytes: [UInt8], file: String, limits: DocxLimits) throws(IngestError) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
        scan = try ZipDirectoryScan(bytes, file: file, limits: limits)
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw IngestError(.malformed, file: file, message: "the Word document is not a readable ZIP archive")
        }
        var table: [String: (entry: Entry, scanned: ZipDirectoryScan.Entry)] = [:]
        var seen = 0
        // Both walk the central directory in order, so the nth entry is the scan's nth.
        for (index, entry) in archive.enumerated() where entry.type == .file && index < scan.entries.count {
            seen += 1
            let key = Self.normalise(entry.path)
            if table[key] == nil { table[key] = (entry, scan.entries[index]) }
        }
        if seen < scan.entries.count(where: { !$0.name.hasSuffix("/") }) {
            throw IngestError(.malformed, file: file, message: "the Word document's ZIP directory is corrupt")
        }
        entries = table
    }

    /// The main document part's name and bytes.
    ///
    /// A package that has an officeDocument relationship is held to it: the target must stay
    /// inside the package, be held by it, and be declared a WordprocessingML main document.
    /// Only a package with no such relationship falls back to a single part the content types
    /// declare as the main document.
    /// - Throws: `.unsafe` for a relationship that leaves the package; `.noDocumentPart` when
    ///   the package names none, names one it does not hold, or one of another content type.
    mutating func mainDocument() throws(IngestError) -> (name: String, bytes: [UInt8]) {
        let noPart = IngestError(
            .noDocumentPart, file: file, message: "the package has no Word main document part (is it a Word document?)")
        let types = try contentTypes()
        var relationships: [(target: String, external: Bool)] = []
        if let rels = try part("_rels/.rels") {
            relationships = try officeDocumentTargets(rels)
        }
        let targets = try relationships.map { rel throws(IngestError) in try resolve(rel.target, external: rel.external) }
        if let name = targets.first {
            guard entries[name] != nil, let bytes = try part(name) else {
                throw IngestError(
                    .noDocumentPart, file: file, field: name,
                    message: "the package's main document relationship names a part the package does not hold")
            }
            let declared = Self.declaredType(of: name, in: types)
            guard Self.mainContentTypes.contains(declared) else {
                let what = declared.isEmpty ? "no content type" : "the content type \(declared)"
                throw IngestError(
                    .noDocumentPart, file: file, field: name,
                    message: "the package's main part has \(what), not a Word main document (is it a Word document?)")
            }
            return (name, bytes)
        }
        // No officeDocument relationship: accept a single main part named by the content types alone.
        let named = types.overrides.filter { Self.mainContentTypes.contains($0.value) && entries[$0.key] != nil }.map(\.key)
        guard named.count == 1, let bytes = try part(named[0]) else { throw noPart }
        return (named[0], bytes)
    }

    /// The content type the package declares for a part: its override, else its extension's default.
    static func declaredType(
        of name: String, in types: (overrides: [String: String], defaults: [String: String])
    ) -> String {
        if let t = types.overrides[name] { return t }
        let ext = name.split(separator: ".").last.map { String($0) } ?? ""
        return types.defaults[ext] ?? ""
    }

    /// A package relationship's target as a normalised part name.
    /// - Throws: `.unsafe` for an External target, an absolute URI or path outside the package
    ///   (`file:///…`, `C:\…`, `//server/…`), or a relative path that climbs out of it.
    ///   A package-absolute part name (`/word/document.xml`) is inside and accepted.
    func resolve(_ target: String, external: Bool) throws(IngestError) -> String {
        let outside = IngestError(
            .unsafe, file: file, field: "_rels/.rels",
            message: "the package's main document relationship points outside the package, which is not accepted")
        if external { throw outside }
        let decoded = (target.removingPercentEncoding ?? target).replacingOccurrences(of: "\\", with: "/")
        if decoded.hasPrefix("//") || Self.hasScheme(decoded) { throw outside }
        var parts: [Substring] = []
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard parts.popLast() != nil else { throw outside }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/").lowercased()
    }

    /// Whether `text` starts with a URI scheme or a drive letter (`http:`, `file:`, `C:`).
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let head = text[..<colon]
        guard let first = head.first, first.isASCII, first.isLetter else { return false }
        return head.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// The content types: overrides by part name, defaults by extension (all lower case).
    private mutating func contentTypes() throws(IngestError) -> (overrides: [String: String], defaults: [String: String]) {
        guard let bytes = try part("[content_types].xml") else {
            throw IngestError(.noDocumentPart, file: file, message: "the package has no [Content_Types].xml, so it is not a Word document")
        }
        var overrides: [String: String] = [:]
        var defaults: [String: String] = [:]
        let xml = try XMLStreamReader(bytes: bytes, file: file, part: "[Content_Types].xml", limits: limits.xml)
        while try xml.read() {
            guard xml.kind == .element else { continue }
            let type = (xml.attribute("ContentType", namespace: nil) ?? "").lowercased()
            switch xml.localName {
            case "Override":
                if let name = xml.attribute("PartName", namespace: nil) { overrides[Self.normalise(name)] = type }
            case "Default":
                if let ext = xml.attribute("Extension", namespace: nil) { defaults[ext.lowercased()] = type }
            default: break
            }
        }
        return (overrides, defaults)
    }

    /// The package's officeDocument relationships: each target as written, and whether its
    /// mode is External.
    private func officeDocumentTargets(_ bytes: [UInt8]) throws(IngestError) -> [(target: String, external: Bool)] {
        var targets: [(target: String, external: Bool)] = []
        let xml = try XMLStreamReader(bytes: bytes, file: file, part: "_rels/.rels", limits: limits.xml)
        while try xml.read() {
            guard xml.kind == .element, xml.localName == "Relationship" else { continue }
            let type = (xml.attribute("Type", namespace: nil) ?? "").lowercased()
            guard Self.officeDocumentTypes.contains(type), let target = xml.attribute("Target", namespace: nil) else { continue }
            let mode = xml.attribute("TargetMode", namespace: nil) ?? ""
            targets.append((target, mode.caseInsensitiveCompare("External") == .orderedSame))
        }
        return targets
    }

    /// Inflates one part into memory, counting bytes as they come: past the part, total or
    /// ratio limit it stops at once (a zip bomb costs milliseconds and bounded memory). A
    /// deflated part is inflated by zlib (`PartInflater`), a stored one read by ZIPFoundation.
    /// - Returns: nil when the package has no such part.
    mutating func part(_ name: String) throws(IngestError) -> [UInt8]? {
        guard let (entry, scanned) = entries[Self.normalise(name)] else { return nil }
        var out: [UInt8] = []
        let partLimit = min(limits.maxPartBytes, limits.maxTotalBytes - inflated)
        let ratioLimit = max(limits.ratioFloor, Int(clamping: entry.compressedSize) &* limits.maxRatio)
        let bomb = IngestError(
            .tooLarge, file: file, field: name,
            message: "the Word document was refused as a zip bomb: a part inflates past the size or ratio limit")
        let corrupt = IngestError(.malformed, file: file, field: name, message: "the Word document is corrupt (a part fails its checksum)")
        let uninflatable = IngestError(
            .malformed, file: file, field: name, message: "the Word document is corrupt (a part cannot be inflated)")
        if scanned.deflated {
            switch PartInflater.inflate(bytes[scanned.dataStart...], limit: min(partLimit, ratioLimit), expected: Int(entry.uncompressedSize)) {
            case .ends(let part):
                if PartInflater.crc32(part) != entry.checksum { throw corrupt }
                inflated += part.count
                return part
            case .tooLarge: throw bomb
            case .endless, .corrupt: throw uninflatable
            }
        }
        do {
            let crc = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > partLimit || out.count + chunk.count > ratioLimit { throw bomb }
                out.append(contentsOf: chunk)
            }
            // The consumer form of `extract` computes the CRC but does not compare it.
            if crc != entry.checksum { throw corrupt }
        } catch let error as IngestError {
            throw error
        } catch {
            throw uninflatable
        }
        inflated += out.count
        return out
    }

    /// An OPC part name as a key: no leading slash, percent-escapes decoded, lower case (part
    /// names compare without case).
    static func normalise(_ name: String) -> String {
        var s = name.replacingOccurrences(of: "\\", with: "/")
        while s.hasPrefix("/") { s.removeFirst() }
        if s.hasPrefix("./") { s.removeFirst(2) }
        return (s.removingPercentEncoding ?? s).lowercased()
    }
}
