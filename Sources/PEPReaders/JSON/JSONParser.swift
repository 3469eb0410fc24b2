/// Limits that keep a hostile JSON document within bounded time and memory.
struct JSONLimits: Sendable {
    /// Largest document accepted, in bytes (a real PEP is a few tens of kilobytes).
    var maxBytes = 16 * 1024 * 1024
    /// Deepest nesting of arrays and objects (a PEP needs 4).
    var maxDepth = 64
    /// Longest number token, in characters (money and percentages need a dozen).
    var maxNumberLength = 64

    static let standard = JSONLimits()
}

/// Why the bytes are not a JSON document we accept, with where (1-based line and column).
struct JSONSyntaxError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Not JSON (RFC 8259): a stray character, a missing comma, bad UTF-8, a truncated text.
        case malformed
        /// Over a limit: size, depth, or a number's length.
        case tooLarge
    }

    var kind: Kind
    /// What is wrong, without quoting the document (it may hold personal data).
    var message: String
    var line: Int
    var column: Int

    /// `expected ':' after an object key at line 3, column 12`.
    var description: String { "\(message) at line \(line), column \(column)" }
}

/// A small strict JSON parser (RFC 8259): UTF-8 only (an optional byte-order mark is skipped),
/// no comments, no trailing commas, no duplicate keys, with limits on size, depth and number
/// length. Numbers keep their text; every value keeps its line and column.
struct JSONParser {
    private let bytes: [UInt8]
    private let limits: JSONLimits
    private var index = 0
    private var line = 1
    private var column = 1

    /// Parses one whole document.
    static func parse(_ bytes: [UInt8], limits: JSONLimits = .standard) throws(JSONSyntaxError) -> JSONNode {
        if bytes.count > limits.maxBytes {
            throw JSONSyntaxError(
                kind: .tooLarge, message: "the JSON is larger than \(limits.maxBytes / 1_048_576) MiB", line: 1, column: 1)
        }
        var parser = JSONParser(bytes: bytes, limits: limits)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let root = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the end of the JSON value") }
        return root
    }

    private init(bytes: [UInt8], limits: JSONLimits) {
        (self.bytes, self.limits) = (bytes, limits)
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        let (startLine, startColumn) = (line, column)
        guard let byte = peek() else { throw error("the JSON ends where a value was expected") }
        let value: JSONNode.Value
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default: throw error("expected a value (object, array, string, number, true, false or null)")
        }
        return JSONNode(value: value, line: startLine, column: startColumn)
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        try checkDepth(depth)
        advance()  // {
        var members: [JSONNode.Member] = []
        var seen = Set<String>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw peek() == nil ? error("the JSON ends inside an object") : error("expected a key in double quotes")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw JSONSyntaxError(kind: .malformed, message: "duplicate key", line: keyLine, column: keyColumn)
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            advance()
            skipWhitespace()
            members.append(JSONNode.Member(key: key, value: try parseValue(depth: depth)))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(members)
            case nil: throw error("the JSON ends inside an object")
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        try checkDepth(depth)
        advance()  // [
        var items: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance()
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(items)
            case nil: throw error("the JSON ends inside an array")
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > limits.maxDepth {
            throw JSONSyntaxError(
                kind: .tooLarge, message: "the JSON nests deeper than \(limits.maxDepth) levels", line: line, column: column)
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = error("expected a value (object, array, string, number, true, false or null)")
        for byte in word.utf8 {
            guard peek() == byte else { throw start }
            advance()
        }
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { advance() }
        guard let first = peek(), isDigit(first) else { throw error("expected a digit in a number") }
        advance()
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw error("a number must not start with 0")
        }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            advance()
            guard let d = peek(), isDigit(d) else { throw error("expected a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            guard let d = peek(), isDigit(d) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        let length = index - start
        if length > limits.maxNumberLength {
            throw JSONSyntaxError(
                kind: .tooLarge, message: "a number is longer than \(limits.maxNumberLength) characters",
                line: line, column: column - length)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while let d = peek(), isDigit(d) { advance() }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    // MARK: Strings

    /// A string's contents, escapes decoded; refuses raw control characters, bad escapes,
    /// lone surrogates and invalid UTF-8.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let (startLine, startColumn) = (line, column)
        advance()  // opening quote
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw JSONSyntaxError(
                    kind: .malformed, message: "the JSON ends inside a string that starts", line: startLine,
                    column: startColumn)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw JSONSyntaxError(
                        kind: .malformed, message: "invalid UTF-8 in the string", line: startLine, column: startColumn)
                }
                return text
            case UInt8(ascii: "\\"):
                advance()
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw error("a control character must be escaped in a string")
            default:
                out.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        guard let byte = peek() else { throw error("the JSON ends inside an escape") }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let decoded = simple[byte] {
            out.append(decoded)
            advance()
            return
        }
        guard byte == UInt8(ascii: "u") else { throw error("invalid escape in a string") }
        advance()
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard peek() == UInt8(ascii: "\\") else { throw error("a high surrogate must be followed by a low surrogate") }
            advance()
            guard peek() == UInt8(ascii: "u") else { throw error("a high surrogate must be followed by a low surrogate") }
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a high surrogate must be followed by a low surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw error("a lone low surrogate in a string")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid escape in a string") }
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw error("the JSON ends inside an escape") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    // MARK: Position

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves one byte on, keeping line and column (columns count Unicode scalars, so a
    /// UTF-8 continuation byte does not move the column).
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { advance() }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(kind: .malformed, message: message, line: line, column: column)
    }
}
