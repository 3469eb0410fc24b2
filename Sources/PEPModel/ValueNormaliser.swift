import Foundation

/// Why a value could not be read. Messages name the expected form, never the value itself (it
/// may be a child's date of birth).
public struct ValueProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var expected: String
    public init(expected: String) { self.expected = expected }
    public var description: String { "not \(expected)" }
}

/// Every spelling the contract allows, read in one place that all readers share.
///
/// `normalise` returns `nil` for "not given" (blank, `N/A`, `TBC`, Word's placeholder text) and
/// throws `ValueProblem` for a value that is given but cannot be read as the field's type.
public enum ValueNormaliser {
    public static func normalise(_ raw: RawValue, as kind: FieldKind, parseChoice: (String) -> String?)
        throws(ValueProblem) -> FieldValue?
    {
        switch raw {
        case .null:
            return nil
        case .checkbox(let ticked), .boolean(let ticked):
            switch kind {
            case .boolean: return .boolean(ticked)
            case .text: return .text(ticked ? "Yes" : "No")
            case .choice:
                if let v = parseChoice(ticked ? "yes" : "no") { return .text(v) }
                throw ValueProblem(expected: kind.description)
            default: throw ValueProblem(expected: kind.description)
            }
        case .isoDate(let iso):
            if case .date = kind, let date = isoDatePrefix(iso) { return .date(date) }
            return try normalise(.text(iso), as: kind, parseChoice: parseChoice)
        case .number(let text), .text(let text):
            let cleaned = TextFolding.clean(text)
            if isNotGiven(cleaned) { return nil }
            return try normaliseText(cleaned, as: kind, parseChoice: parseChoice)
        }
    }

    static func normaliseText(_ text: String, as kind: FieldKind, parseChoice: (String) -> String?)
        throws(ValueProblem) -> FieldValue
    {
        let problem = ValueProblem(expected: kind.description)
        switch kind {
        case .text:
            return .text(text)
        case .date:
            guard let d = date(text) else { throw problem }
            return .date(d)
        case .integer(let range):
            guard let i = integer(text), range?.contains(i) ?? true else { throw problem }
            return .integer(i)
        case .decimal(let range):
            guard let d = decimal(text), range?.contains(d) ?? true else { throw problem }
            return .decimal(d)
        case .money:
            guard let p = money(text) else { throw problem }
            return .money(p)
        case .boolean:
            guard let b = boolean(text) else { throw problem }
            return .boolean(b)
        case .choice:
            guard let v = parseChoice(text) else { throw problem }
            return .text(v)
        }
    }

    // MARK: Not given

    /// Word's placeholder texts and the words schools use for "nothing here".
    public static let placeholders: Set<String> = [
        "n a", "na", "tbc", "tba", "tbd", "not applicable", "not known", "unknown", "not given",
        "click or tap here to enter text", "click or tap to enter a date", "click here to enter text",
        "click here to enter a date", "choose an item", "enter text", "enter date", "select",
        "please select", "type here",
    ]

    /// True for a blank, a dash or question mark alone, or a placeholder wording.
    public static func isNotGiven(_ text: String) -> Bool {
        let cleaned = TextFolding.clean(text)
        if cleaned.isEmpty { return true }
        if cleaned.allSatisfy({ "-–—_?.…/ ".contains($0) }) { return true }
        return placeholders.contains(TextFolding.key(cleaned))
    }

    // MARK: Booleans

    static let trueWords: Set<String> = ["yes", "y", "true", "t", "ticked", "checked", "x", "1", "yes please"]
    static let falseWords: Set<String> = ["no", "n", "false", "f", "unticked", "unchecked", "0"]

    /// `Yes`/`No`, `Y`/`N`, `true`/`false`, `☒`/`☐`, `X`, `✓`.
    public static func boolean(_ text: String) -> Bool? {
        let trimmed = TextFolding.clean(text)
        if ["☒", "☑", "✓", "✔", "✗", "✘", "■", "[x]", "[X]", "(x)"].contains(trimmed) {
            return !["✗", "✘"].contains(trimmed)
        }
        if ["☐", "□", "[ ]", "( )"].contains(trimmed) { return false }
        let key = TextFolding.key(trimmed)
        if trueWords.contains(key) { return true }
        if falseWords.contains(key) { return false }
        // "Yes - attended the first half" reads as yes; "No, because ..." as no.
        let first = key.split(separator: " ").first.map(String.init) ?? ""
        if first == "yes" { return true }
        if first == "no" { return false }
        return nil
    }

    // MARK: Numbers

    /// A whole number: `14`, ` 14 `, `14.0`.
    public static func integer(_ text: String) -> Int? {
        let t = TextFolding.clean(text)
        if let i = Int(t) { return i }
        if let d = decimal(t) {
            let i = NSDecimalNumber(decimal: d).intValue
            if Decimal(i) == d { return i }
        }
        return nil
    }

    /// A decimal: `92.5`, `92.5%`, `92,5` (comma as the decimal mark when it is the only one).
    public static func decimal(_ text: String) -> Decimal? {
        var t = TextFolding.clean(text).replacingOccurrences(of: " ", with: "")
        if t.hasSuffix("%") { t.removeLast() }
        if t.filter({ $0 == "," }).count == 1, !t.contains(".") {
            let parts = t.split(separator: ",")
            if parts.count == 2, parts[1].count != 3 { t = parts.joined(separator: ".") }
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            t.filter({ $0 == "." }).count <= 1, t.contains(where: \.isNumber)
        else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Pounds to pence: `£1,250.00`, `1250`, `£600`, `600.00 GBP`, `GBP 600`, `£1,250`.
    public static func money(_ text: String) -> Pence? {
        var t = TextFolding.clean(text).replacingOccurrences(of: " ", with: "")
        for token in ["GBP", "gbp", "£", "pounds", "Pounds"] { t = t.replacingOccurrences(of: token, with: "") }
        if t.hasSuffix("p"), !t.contains(".") { return nil }  // "50p": refuse rather than guess
        let groups = t.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count <= 2, let whole = groups.first else { return nil }
        // Thousands separators must sit every three digits.
        let commaParts = whole.split(separator: ",", omittingEmptySubsequences: false)
        if commaParts.count > 1 {
            guard commaParts.dropFirst().allSatisfy({ $0.count == 3 }), !(commaParts.first ?? "").isEmpty
            else { return nil }
        }
        let digits = commaParts.joined()
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let pounds = Int(digits)
        else { return nil }
        var pence = 0
        if groups.count == 2 {
            let fraction = groups[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                let f = Int(fraction)
            else { return nil }
            pence = fraction.count == 1 ? f * 10 : f
        }
        return Pence(pounds * 100 + pence)
    }

    // MARK: Dates

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
        "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    /// Day-first dates as schools write them: `07/11/2025`, `7/11/25`, `7.11.2025`,
    /// `7-11-2025`, `7 November 2025`, `7th Nov 2025`, `Friday 7 November 2025`,
    /// `November 7, 2025`, `2025-11-07`, and a date picker's `2025-11-07T00:00:00Z`.
    public static func date(_ text: String) -> CalendarDate? {
        let t = TextFolding.clean(text)
        if let iso = isoDatePrefix(t), t.count == 10 || t.dropFirst(10).first == "T" { return iso }
        let numeric = t.split(whereSeparator: { "/.-".contains($0) })
        if numeric.count == 3, numeric.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            guard let a = Int(numeric[0]), let b = Int(numeric[1]), let c = Int(numeric[2]) else { return nil }
            if numeric[0].count == 4 { return CalendarDate(year: a, month: b, day: c) }
            guard numeric[2].count == 4 || numeric[2].count == 2 else { return nil }
            return CalendarDate(year: fullYear(c, digits: numeric[2].count), month: b, day: a)
        }
        return wordDate(t)
    }

    static func isoDatePrefix(_ text: String) -> CalendarDate? {
        guard text.count >= 10 else { return nil }
        return CalendarDate(iso: text.prefix(10))
    }

    static func fullYear(_ y: Int, digits: Int) -> Int {
        guard digits == 2 else { return y }
        return y < 70 ? 2000 + y : 1900 + y
    }

    /// `7 November 2025`, `7th Nov 2025`, `Fri 7 Nov 25`, `November 7th, 2025`.
    static func wordDate(_ text: String) -> CalendarDate? {
        let tokens = TextFolding.key(text).split(separator: " ").map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var yearDigits = 4
        for token in tokens {
            if let m = months[token] {
                guard month == nil else { return nil }
                month = m
                continue
            }
            let digits = token.prefix(while: \.isNumber)
            let suffix = token.dropFirst(digits.count)
            if digits.isEmpty {
                if weekdayWords.contains(token) || token == "of" { continue }
                return nil
            }
            guard suffix.isEmpty || ["st", "nd", "rd", "th"].contains(suffix), let n = Int(digits) else { return nil }
            if day == nil, digits.count <= 2, (1...31).contains(n) {
                day = n
            } else if year == nil, suffix.isEmpty, digits.count == 4 || digits.count == 2 {
                year = n
                yearDigits = digits.count
            } else {
                return nil
            }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        return CalendarDate(year: fullYear(y, digits: yearDigits), month: m, day: d)
    }

    static let weekdayWords: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
        "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]
}
