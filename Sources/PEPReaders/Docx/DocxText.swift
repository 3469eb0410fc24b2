import PEPModel

/// Text helpers of the DOCX reader: checkbox marks and the value a cell's text stands for.
///
/// While reading, a checkbox (content control or legacy form field) becomes a private-use mark
/// in the text at its place, so that a cell like `☒ Yes ☐ No` can be read as the ticked option.
enum DocxText {
    static let checked: Character = "\u{E001}"
    static let unchecked: Character = "\u{E000}"

    static func mark(_ ticked: Bool) -> String { String(ticked ? checked : unchecked) }

    /// The text without checkbox marks.
    static func stripMarks(_ text: String) -> String {
        // Both marks are private-use scalars whose UTF-8 starts with 0xEE: a byte scan rules
        // nearly every text out before the (grapheme-by-grapheme) Character search.
        guard text.utf8.contains(0xEE), text.contains(where: { $0 == checked || $0 == unchecked }) else { return text }
        return String(text.filter { $0 != checked && $0 != unchecked })
    }

    /// What a value cell (or the text after a label) says: plain text; one checkbox -> its
    /// state; several labelled checkboxes -> the label of the ticked one(s), blank if none.
    /// Typed box glyphs (☒ ☑ ☐) count as checkboxes too.
    static func value(of text: String) -> RawValue {
        var boxes: [(ticked: Bool, before: String)] = []
        var current = ""
        for ch in text {
            switch ch {
            case checked, "\u{2612}", "\u{2611}", "\u{2714}", "\u{2713}":
                boxes.append((true, current))
                current = ""
            case unchecked, "\u{2610}":
                boxes.append((false, current))
                current = ""
            default:
                current.append(ch)
            }
        }
        if boxes.isEmpty { return .text(text) }
        if boxes.count == 1 {
            return .checkbox(boxes[0].ticked)
        }
        // Labels follow their boxes when the text starts with a box, else they precede them.
        let labelsFollow = TextFolding.clean(boxes[0].before).isEmpty
        var chosen: [String] = []
        for (i, box) in boxes.enumerated() where box.ticked {
            let label = labelsFollow ? (i + 1 < boxes.count ? boxes[i + 1].before : current) : box.before
            let cleaned = TextFolding.clean(label)
            if !cleaned.isEmpty { chosen.append(cleaned) }
        }
        return .text(chosen.joined(separator: "; "))
    }

    /// The character a `w:sym` stands for: Wingdings boxes and ticks become their Unicode
    /// glyphs, other symbol-font code points are dropped.
    static func symbol(_ hex: String?) -> String {
        guard let hex, let code = UInt32(hex, radix: 16) else { return "" }
        switch code {
        case 0xF0FE, 0xF0FD, 0xF078, 0xF0FB: return "\u{2612}"
        case 0xF0A8, 0xF06F, 0xF071: return "\u{2610}"
        case 0xF0FC: return "\u{2713}"
        case 0xF000...0xF0FF: return ""
        default: return Unicode.Scalar(code).map { String(Character($0)) } ?? ""
        }
    }
}
