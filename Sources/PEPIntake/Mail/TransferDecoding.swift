/// Content-Transfer-Encoding decoders (RFC 2045 §6), tolerant of what real mail does to them.
enum TransferDecoding {
    /// Decodes a body by its declared `Content-Transfer-Encoding`; nil for an encoding we do not
    /// know (RFC 2045 §6.4 then says to treat the part as opaque `application/octet-stream`).
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8]? {
        switch (encoding ?? "7bit").trimmingASCIIWhitespace().lowercased() {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes)
        case "7bit", "8bit", "binary", "": return Array(bytes)
        default: return nil
        }
    }

    private static let base64Values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = Int8(i)
        }
        return table
    }()

    /// Base64 that skips line breaks, spaces and any other stray byte, and restarts after padding
    /// (some encoders concatenate separately padded chunks).
    static func base64<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var quantum: UInt32 = 0
        var count = 0
        func flushPartial() {
            if count == 2 { out.append(UInt8(truncatingIfNeeded: quantum >> 4)) }
            if count == 3 {
                out.append(UInt8(truncatingIfNeeded: quantum >> 10))
                out.append(UInt8(truncatingIfNeeded: quantum >> 2))
            }
            quantum = 0
            count = 0
        }
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                flushPartial()
                continue
            }
            let value = base64Values[Int(byte)]
            if value < 0 { continue }
            quantum = quantum << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                out.append(UInt8(truncatingIfNeeded: quantum >> 8))
                out.append(UInt8(truncatingIfNeeded: quantum))
                quantum = 0
                count = 0
            }
        }
        flushPartial()
        return out
    }

    /// Quoted-printable (RFC 2045 §6.7): `=XX` octets (either case), `=` at a line end is a soft
    /// break, trailing blanks added in transport are dropped, and a malformed `=` is kept as is.
    /// Hard line breaks keep the ending the message used (CRLF or LF).
    static func quotedPrintable<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] where C.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            var lineEnd = newline ?? bytes.endIndex
            let hadCR = lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D
            if hadCR { lineEnd -= 1 }
            while lineEnd > lineStart, bytes[lineEnd - 1] == 0x20 || bytes[lineEnd - 1] == 0x09 { lineEnd -= 1 }
            let soft = lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "=")
            decodeQPLine(bytes[lineStart..<(soft ? lineEnd - 1 : lineEnd)], into: &out)
            if let newline {
                if !soft {
                    if hadCR { out.append(0x0D) }
                    out.append(0x0A)
                }
                lineStart = newline + 1
            } else {
                lineStart = bytes.endIndex
            }
        }
        return out
    }

    private static func decodeQPLine(_ line: some Collection<UInt8>, into out: inout [UInt8]) {
        let line = Array(line)
        var i = 0
        while i < line.count {
            if line[i] == UInt8(ascii: "="), i + 2 < line.count, let hi = hexValue(line[i + 1]),
                let lo = hexValue(line[i + 2])
            {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(line[i])
                i += 1
            }
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
