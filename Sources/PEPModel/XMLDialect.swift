import Foundation

/// How another system's XML layout maps onto the contract: one file of `Rules/xml/*.yaml`,
/// loaded by `XMLDialectLoader`, read by the XML reader when a document's root element and
/// namespace are the dialect's. A Virtual School adds a dialect without Swift.
///
/// Paths are a small XPath subset, relative to the root element: element local names joined
/// by `/` (`Pupil/Names/Given`), optionally ending in an attribute (`Pupil/@upn`). Every element
/// on a path is in the dialect's namespace.
public struct XMLDialect: Sendable, Hashable {
    /// The dialect's name, as `pepqa extract` reports it (`acme-epep`).
    public var name: String
    /// The root element's local name.
    public var rootElement: String
    /// The root's namespace URI; empty for none.
    public var namespace: String
    public var fields: [Field]
    public var lists: [List]

    public init(name: String, rootElement: String, namespace: String, fields: [Field], lists: [List]) {
        (self.name, self.rootElement, self.namespace, self.fields, self.lists) = (name, rootElement, namespace, fields, lists)
    }

    /// One element path read into one contract field.
    public struct Field: Sendable, Hashable {
        /// The contract path (`child.upn`), or a record field's name inside a list (`area`).
        public var target: String
        /// The steps below the root (or below a list item): element names, `@name` last for
        /// an attribute.
        public var steps: [String]
        public var conversion: Conversion

        public init(target: String, steps: [String], conversion: Conversion = .none) {
            (self.target, self.steps, self.conversion) = (target, steps, conversion)
        }
    }

    /// A contract list: each element at `items` is one record, its fields read below it.
    public struct List: Sendable, Hashable {
        public var path: FieldPath
        public var items: [String]
        public var fields: [Field]

        public init(path: FieldPath, items: [String], fields: [Field]) {
            (self.path, self.items, self.fields) = (path, items, fields)
        }
    }

    /// What turns the vendor's spelling into one the contract reads. A value a conversion
    /// cannot place is passed on as written, so the value rules report it as unreadable.
    public enum Conversion: Sendable, Hashable {
        case none
        /// A date in a fixed pattern of `d`, `dd`, `M`, `MM`, `yy`, `yyyy` and separators
        /// (`dd.MM.yyyy`, `yyyyMMdd`), given out as ISO `YYYY-MM-DD`.
        case date(pattern: String)
        /// Words for yes and for no (compared without case), given out as `true`/`false`.
        case yesNo(yes: Set<String>, no: Set<String>)
        /// The vendor's codes (compared without case) to the contract's values.
        case codes([String: String])

        /// The converted text, or the text unchanged when the conversion does not apply.
        public func apply(_ text: String) -> String {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch self {
            case .none: return text
            case .date(let pattern): return Self.isoDate(trimmed, pattern: pattern) ?? text
            case .yesNo(let yes, let no):
                let key = trimmed.lowercased()
                if yes.contains(key) { return "true" }
                if no.contains(key) { return "false" }
                return text
            case .codes(let table): return table[trimmed.lowercased()] ?? text
            }
        }

        /// The pattern's tokens: runs of one letter, or single separator characters.
        public static func tokens(_ pattern: String) -> [String] {
            var out: [String] = []
            for ch in pattern {
                if let last = out.last, last.first == ch, ch.isLetter { out[out.count - 1].append(ch) } else { out.append(String(ch)) }
            }
            return out
        }

        /// Whether the pattern has a day, a month and a year and only known tokens.
        public static func isValidDatePattern(_ pattern: String) -> Bool {
            let letters = tokens(pattern).filter { $0.first?.isLetter == true }
            let known: Set<String> = ["d", "dd", "M", "MM", "yy", "yyyy"]
            guard letters.allSatisfy(known.contains) else { return false }
            return letters.contains { $0.hasPrefix("d") } && letters.contains { $0.hasPrefix("M") }
                && letters.contains { $0.hasPrefix("y") } && letters.count == 3
        }

        static func isoDate(_ text: String, pattern: String) -> String? {
            var rest = Substring(text)
            var day: Int?
            var month: Int?
            var year: Int?
            for token in tokens(pattern) {
                guard let first = token.first else { continue }
                if first.isLetter {
                    // A one-letter token takes one or two digits; a longer one exactly its length.
                    let maxDigits = token.count == 1 ? 2 : token.count
                    let digits = rest.prefix(maxDigits).prefix { $0.isASCII && $0.isNumber }
                    guard !digits.isEmpty, token.count == 1 || digits.count == token.count, let n = Int(digits) else {
                        return nil
                    }
                    rest = rest.dropFirst(digits.count)
                    switch first {
                    case "d": day = n
                    case "M": month = n
                    case "y": year = token.count == 2 ? (n <= 50 ? 2000 + n : 1900 + n) : n
                    default: return nil
                    }
                } else {
                    guard rest.first == first else { return nil }
                    rest = rest.dropFirst()
                }
            }
            guard rest.isEmpty, let day, let month, let year, let date = CalendarDate(year: year, month: month, day: day) else {
                return nil
            }
            return date.iso
        }
    }
}
