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
    /// Entries by normalised part name (no leading slash, lower case).
    private let entries: [String: Entry]
    private let scan: ZipDirectoryScan
    private var inflated = 0

    init(bytes: [UInt8], file: String, limits: DocxLimits) throws(IngestError) {
        self.file = file
        self.limits = limits
        scan = try ZipDirectoryScan(bytes, file: file, limits: limits)
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw IngestError(.malformed, file: file, message: "the Word document is not a readable ZIP archive")
        }
        var table: [String: Entry] = [:]
        var seen = 0
        for entry in archive where entry.type == .file {
            seen += 1
            let key = Self.normalise(entry.path)
            if table[key] == nil { table[key] = entry }
        }
        if seen < scan.entries.count(where: { !$0.name.hasSuffix("/") }) {
            throw IngestError(.malformed, file: file, message: "the Word document's ZIP directory is corrupt")
        }
        entries = table
    }

    /// The main document part's name and bytes.
    /// - Throws: `.noDocumentPart` when the package names none, or names one it does not hold.
    mutating func mainDocument() throws(IngestError) -> (name: String, bytes: [UInt8]) {
        let noPart = IngestError(
            .noDocumentPart, file: file, message: "the package has no Word main document part (is it a Word document?)")
        let types = try contentTypes()
        var candidates: [String] = []
        if let rels = try part("_rels/.rels") {
            candidates = try officeDocumentTargets(rels)
        }
        let isMain: (String) -> Bool = { name in
            if let t = types.overrides[name] { return Self.mainContentTypes.contains(t) }
            let ext = name.split(separator: ".").last.map { String($0) } ?? ""
            return types.defaults[ext].map(Self.mainContentTypes.contains) ?? false
        }
        if let name = candidates.first(where: { isMain($0) && entries[$0] != nil }) {
            guard let bytes = try part(name) else { throw noPart }
            return (name, bytes)
        }
        // No usable relationship: accept a single main part named by the content types alone.
        let named = types.overrides.filter { Self.mainContentTypes.contains($0.value) && entries[$0.key] != nil }.map(\.key)
        guard named.count == 1, let bytes = try part(named[0]) else { throw noPart }
        return (named[0], bytes)
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

    /// Targets of the package's officeDocument relationships, as normalised part names.
    private func officeDocumentTargets(_ bytes: [UInt8]) throws(IngestError) -> [String] {
        var targets: [String] = []
        let xml = try XMLStreamReader(bytes: bytes, file: file, part: "_rels/.rels", limits: limits.xml)
        while try xml.read() {
            guard xml.kind == .element, xml.localName == "Relationship" else { continue }
            let type = (xml.attribute("Type", namespace: nil) ?? "").lowercased()
            guard Self.officeDocumentTypes.contains(type), xml.attribute("TargetMode", namespace: nil) != "External",
                let target = xml.attribute("Target", namespace: nil)
            else { continue }
            targets.append(Self.normalise(target))
        }
        return targets
    }

    /// Inflates one part into memory, counting bytes as they come: past the part, total or
    /// ratio limit it stops at once (a zip bomb costs milliseconds and bounded memory).
    /// - Returns: nil when the package has no such part.
    mutating func part(_ name: String) throws(IngestError) -> [UInt8]? {
        guard let entry = entries[Self.normalise(name)] else { return nil }
        var out: [UInt8] = []
        let partLimit = min(limits.maxPartBytes, limits.maxTotalBytes - inflated)
        let ratioLimit = max(limits.ratioFloor, Int(clamping: entry.compressedSize) &* limits.maxRatio)
        let bomb = IngestError(
            .tooLarge, file: file, field: name,
            message: "the Word document was refused as a zip bomb: a part inflates past the size or ratio limit")
        let corrupt = IngestError(.malformed, file: file, field: name, message: "the Word document is corrupt (a part fails its checksum)")
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
            throw IngestError(.malformed, file: file, field: name, message: "the Word document is corrupt (a part cannot be inflated)")
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
