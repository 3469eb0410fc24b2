import PEPModel

/// A check of a ZIP archive's central directory before anything is inflated: entry count,
/// encryption flags, declared sizes, duplicate names, and where each entry's data lies.
///
/// ZIPFoundation's entry iterator silently stops at the first encrypted entry, and it neither
/// limits entries nor checks sizes, so we read the directory ourselves (bounds-checked, bytes
/// only) to refuse such archives with a clear reason, quickly. ZIPFoundation 0.9.20 also traps
/// (a Swift range error, killing the process) when an entry's local header lies past the end of
/// the data, so every entry's local header and data are checked to lie inside the file first.
/// Two entries with one name are refused: readers disagree on which copy wins, so Word could
/// show one text while we rate the other. An end record whose comment runs past the end of the
/// data is refused too: ZIPFoundation 0.9.20 then fails to open the archive and, on that path,
/// never closes the in-memory file it made, leaking a copy of the whole document each time
/// (found by fuzzing, `FuzzZIP`).
struct ZipDirectoryScan {
    struct Entry {
        var name: String
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var encrypted: Bool
        /// Where the entry's data starts (after its local header), and whether the local header
        /// says deflated: what ZIPFoundation goes by when it extracts.
        var dataStart: Int
        var deflated: Bool
    }

    var entries: [Entry] = []

    /// - Throws: `.malformed` when there is no readable central directory (a truncated or
    ///   corrupt file), `.encrypted` for an encrypted entry, `.tooLarge` past the limits.
    init(_ bytes: [UInt8], file: String, limits: DocxLimits) throws(IngestError) {
        let truncated = IngestError(
            .malformed, file: file, message: "the Word document is not a complete ZIP archive (it may be truncated or corrupt)")
        guard let eocd = Self.findEndOfCentralDirectory(bytes) else { throw truncated }
        guard bytes.count - eocd - 22 >= Int(bytes.u16(eocd + 20)) else { throw truncated }
        var count = UInt64(bytes.u16(eocd + 10))
        var size = UInt64(bytes.u32(eocd + 12))
        var offset = UInt64(bytes.u32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record and points at the real one.
            let locator = eocd - 20
            guard locator >= 0, bytes.u32(locator) == 0x0706_4B50 else { throw truncated }
            let record = bytes.u64(locator + 8)
            guard record < UInt64(bytes.count), bytes.count - Int(record) >= 56, bytes.u32(Int(record)) == 0x0606_4B50
            else { throw truncated }
            count = bytes.u64(Int(record) + 32)
            size = bytes.u64(Int(record) + 40)
            offset = bytes.u64(Int(record) + 48)
        }
        guard count <= UInt64(limits.maxEntries) else {
            throw IngestError(.tooLarge, file: file, message: "the Word document's archive has more than \(limits.maxEntries) entries")
        }
        guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else { throw truncated }
        var p = Int(offset)
        let end = Int(offset + size)
        var declared: UInt64 = 0
        var seen = Set<String>()
        for _ in 0..<count {
            guard end - p >= 46, bytes.u32(p) == 0x0201_4B50 else { throw truncated }
            let flags = bytes.u16(p + 8)
            var compressed = UInt64(bytes.u32(p + 20))
            var uncompressed = UInt64(bytes.u32(p + 24))
            let nameLength = Int(bytes.u16(p + 28))
            let extraLength = Int(bytes.u16(p + 30))
            let commentLength = Int(bytes.u16(p + 32))
            guard end - p - 46 >= nameLength + extraLength + commentLength else { throw truncated }
            var localOffset = UInt64(bytes.u32(p + 42))
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                let zip64 = Self.zip64Fields(
                    bytes, extra: p + 46 + nameLength, length: extraLength,
                    present: (uncompressed == 0xFFFF_FFFF, compressed == 0xFFFF_FFFF, localOffset == 0xFFFF_FFFF))
                uncompressed = zip64.uncompressed ?? uncompressed
                compressed = zip64.compressed ?? compressed
                localOffset = zip64.offset ?? localOffset
            }
            guard Self.dataFits(bytes, localHeader: localOffset, compressed: compressed) else { throw truncated }
            guard seen.insert(DocxPackage.normalise(name)).inserted else {
                throw IngestError(
                    .unsafe, file: file, field: name,
                    message: "the Word document's archive holds two entries with one name, so readers disagree on its content")
            }
            let local = Int(localOffset)
            let entry = Entry(
                name: name, compressedSize: compressed, uncompressedSize: uncompressed, encrypted: flags & 1 != 0,
                dataStart: local + 30 + Int(bytes.u16(local + 26)) + Int(bytes.u16(local + 28)),
                deflated: bytes.u16(local + 8) == 8)
            if entry.encrypted {
                throw IngestError(
                    .encrypted, file: file,
                    message: "the Word document is encrypted (password-protected); please send it unprotected")
            }
            declared &+= uncompressed
            if uncompressed > UInt64(limits.ratioFloor), uncompressed / max(compressed, 1) > UInt64(limits.maxRatio) {
                throw IngestError(
                    .tooLarge, file: file,
                    message: "the Word document was refused as a zip bomb: an entry expands more than \(limits.maxRatio) times")
            }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        guard declared <= limits.maxDeclaredBytes else {
            throw IngestError(.tooLarge, file: file, message: "the Word document's archive declares more than \(limits.maxDeclaredBytes >> 20) MB of content")
        }
    }

    /// The offset of the end-of-central-directory record, searched backwards over the space a
    /// trailing comment may take.
    static func findEndOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var i = bytes.count - 22
        while i >= lowest {
            if bytes[i] == 0x50, bytes.u32(i) == 0x0605_4B50 { return i }
            i -= 1
        }
        return nil
    }

    /// Whether an entry's local header, name, extra field and compressed data all lie inside
    /// the file (ZIPFoundation reads them without checking).
    static func dataFits(_ bytes: [UInt8], localHeader: UInt64, compressed: UInt64) -> Bool {
        let total = UInt64(bytes.count)
        guard localHeader <= total, total - localHeader >= 30 else { return false }
        let at = Int(localHeader)
        guard bytes.u32(at) == 0x0403_4B50 else { return false }
        let header = 30 + UInt64(bytes.u16(at + 26)) + UInt64(bytes.u16(at + 28))
        return total - localHeader >= header && total - localHeader - header >= compressed
    }

    /// The fields of a ZIP64 extended-information extra field (id 1). Only the fields whose
    /// central-directory value is 0xFFFFFFFF are present, in this order.
    static func zip64Fields(
        _ bytes: [UInt8], extra: Int, length: Int, present: (uncompressed: Bool, compressed: Bool, offset: Bool)
    ) -> (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?) {
        var p = extra
        let end = extra + length
        while end - p >= 4 {
            let id = bytes.u16(p)
            let size = Int(bytes.u16(p + 2))
            if id == 1 {
                var q = p + 4
                let limit = min(p + 4 + size, end)
                func next(_ wanted: Bool) -> UInt64? {
                    guard wanted, limit - q >= 8 else { return nil }
                    defer { q += 8 }
                    return bytes.u64(q)
                }
                let u = next(present.uncompressed)
                let c = next(present.compressed)
                let o = next(present.offset)
                return (u, c, o)
            }
            p += 4 + size
        }
        return (nil, nil, nil)
    }
}

extension [UInt8] {
    /// Little-endian reads; callers have checked the bounds.
    fileprivate func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    fileprivate func u32(_ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= count else { return 0 }
        return UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }
    fileprivate func u64(_ i: Int) -> UInt64 {
        guard i >= 0, i + 8 <= count else { return 0 }
        return UInt64(u32(i)) | UInt64(u32(i + 4)) << 32
    }
}
