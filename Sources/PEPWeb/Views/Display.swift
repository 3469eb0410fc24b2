import Foundation
import PEPModel

/// How values read on the pages: dates the GOV.UK way ("2 December 2026"), money in pounds,
/// ratings as words (a tag is never colour alone).
enum Display {
    static func date(_ date: Date) -> String { english(date, "d MMMM yyyy") }

    static func dateTime(_ date: Date) -> String { english(date, "d MMMM yyyy, HH:mm") }

    /// An instant as read in England, whatever the server's time zone.
    static func english(_ date: Date, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    static func money(_ pence: Pence) -> String { pence.display }

    static func term(_ term: String?, _ year: String?) -> String {
        [term?.capitalized, year].compactMap { $0 }.joined(separator: " ")
    }

    static func outcome(_ raw: String) -> String {
        switch raw {
        case "pass": return "Met"
        case "fail": return "Not met"
        default: return "Not applicable"
        }
    }

    /// The phase a year group belongs to.
    static func phase(yearGroup: String?) -> String? {
        guard let yearGroup else { return nil }
        if ["N1", "N2", "R"].contains(yearGroup) { return "early-primary" }
        guard let year = Int(yearGroup) else { return nil }
        return year <= 6 ? "early-primary" : "secondary"
    }
}

/// A Red/Amber/Green tag: the word, and a class for its colour.
struct RatingTag {
    var label: String
    var css: String

    init(_ rating: Rating) {
        label = rating.label
        css = "tag--\(rating.rawValue)"
    }
}
