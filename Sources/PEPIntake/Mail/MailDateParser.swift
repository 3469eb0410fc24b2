import struct Foundation.Date
import PEPModel

/// Parses an RFC 5322 `Date:` header into an instant, including the obsolete forms of §4.3.
///
/// Accepted: an optional day name, day, month name, 2-, 3- or 4-digit year, `hh:mm[:ss]`, and a
/// zone as `+hhmm`/`-hhmm`, `UT`/`GMT`/`Z`, the US names (`EST`, `PDT`…), `BST`/`CET`/`CEST`, or a
/// military letter (read as UTC, as §4.3 advises). Comments such as `(BST)` and extra spaces are
/// ignored; a missing zone is read as UTC. Anything else gives nil, never a guess.
enum MailDateParser {
    static func parse(_ raw: String) -> Date? {
        var tokens = tokenise(stripComments(raw))
        if let first = tokens.first, isDayName(first) { tokens.removeFirst() }
        guard tokens.count >= 4 else { return nil }
        if tokens[2].contains(":"), Int(tokens[3]) != nil { tokens.swapAt(2, 3) }  // asctime: "Nov 7 10:15:00 2025"
        // Day and month may appear either way round ("7 Nov" or "Nov 7").
        var day: Int
        var month: Int
        if let d = Int(tokens[0]), let m = monthNumber(tokens[1]) {
            (day, month) = (d, m)
        } else if let m = monthNumber(tokens[0]), let d = Int(tokens[1]) {
            (day, month) = (d, m)
        } else {
            return nil
        }
        guard let yearValue = Int(tokens[2]), tokens[2].allSatisfy(\.isASCII) else { return nil }
        let year = fullYear(yearValue, digits: tokens[2].count)
        guard let (hour, minute, second) = time(tokens[3]) else { return nil }
        var offsetSeconds = 0
        if tokens.count >= 5 {
            guard let offset = zoneOffset(tokens[4]) else { return nil }
            offsetSeconds = offset
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static func stripComments(_ raw: String) -> String {
        var out = ""
        var depth = 0
        for c in raw {
            if c == "(" {
                depth += 1
            } else if c == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(c == "," ? " " : c)
            }
        }
        return out
    }

    private static func tokenise(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
    }

    private static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func isDayName(_ token: String) -> Bool {
        token.count >= 3 && token.allSatisfy(\.isLetter) && dayNames.contains(String(token.lowercased().prefix(3)))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ token: String) -> Int? {
        let key = token.lowercased()
        guard key.count >= 3, let index = months.firstIndex(of: String(key.prefix(3))) else { return nil }
        return index + 1
    }

    /// §4.3: a 2-digit year below 50 is 20xx, otherwise 19xx; a 3-digit year adds 1900.
    private static func fullYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case ...2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }

    private static func time(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) : 0
        guard let second, (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return nil
        }
        return (hour, minute, second)
    }

    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "BST": 1, "IST": 1, "CET": 1, "CEST": 2, "WET": 0, "WEST": 1,
    ]

    /// The zone's offset east of UTC, in seconds.
    private static func zoneOffset(_ token: String) -> Int? {
        if let sign = token.first, sign == "+" || sign == "-" {
            let digits = token.dropFirst()
            guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
            let hours = value / 100
            let minutes = value % 100
            guard hours <= 23, minutes <= 59 else { return nil }
            return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let name = token.uppercased()
        if let hours = namedZones[name] { return hours * 3600 }
        if name.count == 1, let letter = name.first, letter.isLetter, letter != "J" { return 0 }
        return nil
    }
}
