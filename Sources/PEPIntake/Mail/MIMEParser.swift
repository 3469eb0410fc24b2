/// Parses RFC 5322 messages with MIME (RFC 2045–2049) into a `MIMEPart` tree, within `MIMELimits`.
///
/// Tolerant of what real mail does: CRLF or bare LF line ends, preamble and epilogue text,
/// transport padding after a boundary, a missing closing boundary (the last part runs to the
/// end), and an unknown transfer encoding (the part becomes opaque octets). Errors name what
/// broke, never any content.
struct MIMEParser {
    let limits: MIMELimits
    private var partCount = 0

    init(limits: MIMELimits) { self.limits = limits }

    /// Parses a whole message.
    /// - Throws: `MIMEError` when it is empty, has no header fields, or breaks a limit or the
    ///   multipart syntax.
    mutating func parseMessage(_ bytes: [UInt8]) throws(MIMEError) -> MIMEPart {
        guard !bytes.isEmpty else { throw MIMEError(kind: .empty, message: "the message file is empty") }
        guard bytes.count <= limits.maxMessageBytes else {
            throw .tooLarge("the message is larger than the limit of \(ByteCount.describe(limits.maxMessageBytes))")
        }
        partCount = 0
        let root = try parsePart(bytes[...], depth: 0, defaultType: "text/plain")
        guard !root.headers.fields.isEmpty else {
            throw .malformed("the file does not start with RFC 5322 header fields")
        }
        return root
    }

    private mutating func parsePart(_ bytes: ArraySlice<UInt8>, depth: Int, defaultType: String) throws(MIMEError)
        -> MIMEPart
    {
        partCount += 1
        guard partCount <= limits.maxParts else { throw .tooLarge("the message has more than \(limits.maxParts) MIME parts") }
        guard depth <= limits.maxDepth else {
            throw .tooLarge("the message nests MIME parts deeper than \(limits.maxDepth) levels")
        }
        let (headers, bodyStart) = MailHeaders.parse(bytes)
        var contentType = headers.value("Content-Type").map(ParameterisedHeader.parse)
            ?? ParameterisedHeader(value: defaultType)
        if !contentType.value.contains("/") { contentType = ParameterisedHeader(value: "text/plain") }
        let disposition = headers.value("Content-Disposition").map(ParameterisedHeader.parse)
        let body = bytes[bodyStart...]
        var part = MIMEPart(headers: headers, contentType: contentType, disposition: disposition, body: [], children: [])

        if contentType.value.hasPrefix("multipart/") {
            guard let boundary = contentType["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
                throw .malformed("a multipart part (level \(depth)) has no usable boundary parameter")
            }
            let childType = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain"
            for section in try Self.split(body, boundary: boundary, depth: depth) {
                part.children.append(try parsePart(section, depth: depth + 1, defaultType: childType))
            }
            return part
        }
        guard let decoded = TransferDecoding.decode(body, encoding: headers.value("Content-Transfer-Encoding")) else {
            part.contentType.value = "application/octet-stream"
            part.body = Array(body)
            return part
        }
        if contentType.value == "message/rfc822" || contentType.value == "message/global" {
            part.children = [try parsePart(decoded[...], depth: depth + 1, defaultType: "text/plain")]
            return part
        }
        part.body = decoded
        return part
    }

    /// Splits a multipart body into its parts' bytes (headers and content), dropping preamble and
    /// epilogue. The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    static func split(_ body: ArraySlice<UInt8>, boundary: String, depth: Int = 0) throws(MIMEError)
        -> [ArraySlice<UInt8>]
    {
        let marker = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var closed = false
        while lineStart < body.endIndex {
            let newline = body[lineStart...].firstIndex(of: 0x0A)
            let next = newline.map { $0 + 1 } ?? body.endIndex
            if let isClose = delimiter(body[lineStart..<(newline ?? body.endIndex)], marker: marker) {
                if let start = partStart {
                    var end = lineStart
                    if end > start, body[end - 1] == 0x0A { end -= 1 }
                    if end > start, body[end - 1] == 0x0D { end -= 1 }
                    parts.append(body[start..<end])
                }
                if isClose {
                    closed = true
                    break
                }
                partStart = next
            }
            lineStart = next
        }
        guard let start = partStart else {
            throw .malformed("a multipart part (level \(depth)) never uses its boundary")
        }
        if !closed, start < body.endIndex { parts.append(body[start...]) }  // missing closing boundary
        return parts
    }

    /// nil when `line` is not a delimiter for `marker`; true for the closing one (`--boundary--`).
    private static func delimiter(_ line: ArraySlice<UInt8>, marker: [UInt8]) -> Bool? {
        guard line.starts(with: marker) else { return nil }
        var rest = line.dropFirst(marker.count)
        let isClose = rest.starts(with: [0x2D, 0x2D])
        if isClose { rest = rest.dropFirst(2) }
        guard rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return nil }
        return isClose
    }
}
