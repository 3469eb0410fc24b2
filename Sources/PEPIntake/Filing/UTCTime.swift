import struct Foundation.Date
import PEPModel

/// An instant broken into UTC calendar fields, for file names and notes.
///
/// UTC rather than England's local time so that names never repeat or go backwards when the
/// clocks change, and so that the same file gets the same name on every machine.
struct UTCTime: Sendable, Hashable {
    var date: CalendarDate
    var secondOfDay: Int

    init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        date = CalendarDate(dayNumber: days)
        secondOfDay = seconds - days * 86_400
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`.
    init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
            let day = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        let clock = String(decoding: bytes[11..<19], as: UTF8.self).split(separator: ":")
        guard clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), let s = Int(clock[2]),
            (0...23).contains(h), (0...59).contains(m), (0...59).contains(s)
        else { return nil }
        date = day
        secondOfDay = h * 3600 + m * 60 + s
    }

    var instant: Date { Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 + secondOfDay)) }

    var year: String { Self.pad(date.year, 4) }
    var month: String { Self.pad(date.month, 2) }
    private var hh: String { Self.pad(secondOfDay / 3600, 2) }
    private var mm: String { Self.pad(secondOfDay % 3600 / 60, 2) }
    private var ss: String { Self.pad(secondOfDay % 60, 2) }

    /// `yyyyMMdd-HHmmss`.
    var compact: String { year + month + Self.pad(date.day, 2) + "-" + hh + mm + ss }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    var iso8601: String { "\(date.iso)T\(hh):\(mm):\(ss)Z" }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
