/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// Whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2), and adjacent words in
/// the same charset are decoded together, so a multi-byte character split across two words
/// survives. Unknown charsets are read leniently (UTF-8, else Windows-1252) rather than lost.
enum EncodedWordDecoder {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var run: (charset: String, bytes: [UInt8])?
        var gap: [UInt8] = []
        var i = 0
        func flushRun() {
            guard let pending = run else { return }
            out.append(contentsOf: CharsetDecoder.decode(pending.bytes, charsetOrLenient: pending.charset).utf8)
            run = nil
        }
        while i < input.count {
            if let (word, end) = encodedWord(in: input, at: i) {
                if run != nil, run?.charset == word.charset {
                    run?.bytes.append(contentsOf: word.bytes)
                } else {
                    flushRun()
                    run = word
                }
                gap.removeAll()  // whitespace between encoded words is not text
                i = end
            } else if run != nil, input[i] == 0x20 || input[i] == 0x09 || input[i] == 0x0D || input[i] == 0x0A {
                gap.append(input[i])
                i += 1
            } else {
                flushRun()
                out.append(contentsOf: gap)
                gap.removeAll()
                out.append(input[i])
                i += 1
            }
        }
        flushRun()
        out.append(contentsOf: gap)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses one encoded word starting at `start`, giving its charset (lower case, RFC 2231
    /// language suffix removed), its decoded bytes, and the index after its closing `?=`.
    private static func encodedWord(in input: [UInt8], at start: Int) -> ((charset: String, bytes: [UInt8]), Int)? {
        let q = UInt8(ascii: "?")
        guard start + 1 < input.count, input[start] == UInt8(ascii: "="), input[start + 1] == q else { return nil }
        var i = start + 2
        let charsetStart = i
        while i < input.count, input[i] != q, !isBlank(input[i]), i - charsetStart < 64 { i += 1 }
        guard i < input.count, input[i] == q, i > charsetStart else { return nil }
        var charset = String(decoding: input[charsetStart..<i], as: UTF8.self).lowercased()
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        guard i + 2 < input.count, input[i + 2] == q else { return nil }
        let encoding = input[i + 1] | 0x20  // lower case
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < input.count, !(input[j] == q && input[j + 1] == UInt8(ascii: "=")) {
            if isBlank(input[j]) { return nil }
            j += 1
        }
        guard j + 1 < input.count else { return nil }
        let text = input[textStart..<j]
        let bytes = encoding == UInt8(ascii: "b") ? TransferDecoding.base64(text) : qDecode(text)
        return ((charset, bytes), j + 2)
    }

    /// The "Q" encoding: quoted-printable where `_` is a space.
    private static func qDecode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if byte == UInt8(ascii: "_") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "="), i + 2 < text.endIndex,
                let hi = TransferDecoding.hexValue(text[i + 1]), let lo = TransferDecoding.hexValue(text[i + 2])
            {
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
