/// One field an Eclipse/ICS export record can carry (research §7.2). The raw value is the name
/// used in `Rules/exports/eclipse.yaml`.
public enum ExportField: String, Sendable, Hashable, Codable, CaseIterable {
    case personID = "person_id", upn, formType = "form_type", pepType = "pep_type", term
    case academicYear = "academic_year", meetingDate = "meeting_date", receivedDate = "received_date"
    case qaDate = "qa_date", qaOutcome = "qa_outcome", qaCompliance = "qa_compliance", status
    case nextPEPDue = "next_pep_due", settingURN = "setting_urn", settingName = "setting_name"
    case designatedTeacher = "designated_teacher", attendancePct = "attendance_pct", senStatus = "sen_status"
    case ppPlusRequested = "pp_plus_requested", ppPlusApproved = "pp_plus_approved"
    case documentHash = "document_hash", sourceSystem = "source_system", batchID = "batch_id"
    case recordKind = "record_kind"
    /// The person who completed QA (or `pepqa (auto)` for an auto-completed Green PEP).
    case qaOfficer = "qa_officer"
}

/// One column of the export: the name the case system expects, and which field fills it.
public struct ExportColumn: Sendable, Hashable, Codable {
    public var name: String
    public var field: ExportField

    public init(name: String, field: ExportField) {
        (self.name, self.field) = (name, field)
    }
}

/// How money is written in an export.
public enum MoneyFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pounds with two decimals: `550.00`.
    case pounds
    /// Whole pence: `55000`.
    case pence
}

/// A date layout made of `yyyy`, `yy`, `MM`, `dd` and literal separators (`dd/MM/yyyy`).
public struct DatePattern: Sendable, Hashable, Codable, CustomStringConvertible {
    public let pattern: String

    /// Returns nil unless the pattern holds a year, a month and a day, and nothing else but
    /// separators (`-`, `/`, `.`, space).
    public init?(_ pattern: String) {
        var rest = Substring(pattern)
        var seen = Set<String>()
        while let first = rest.first {
            if let token = ["yyyy", "yy", "MM", "dd"].first(where: { rest.hasPrefix($0) }) {
                seen.insert(token == "yy" ? "yyyy" : token)
                rest = rest.dropFirst(token.count)
            } else if "-/. ".contains(first) {
                rest = rest.dropFirst()
            } else {
                return nil
            }
        }
        guard seen == ["yyyy", "MM", "dd"] else { return nil }
        self.pattern = pattern
    }

    private init(known pattern: String) { self.pattern = pattern }

    /// `yyyy-MM-dd`.
    public static let iso = DatePattern(known: "yyyy-MM-dd")

    public func format(_ date: CalendarDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var out = ""
        var rest = Substring(pattern)
        while let first = rest.first {
            if rest.hasPrefix("yyyy") {
                out += pad(date.year, 4)
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("yy") {
                out += pad(date.year % 100, 2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("MM") {
                out += pad(date.month, 2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                out += pad(date.day, 2)
                rest = rest.dropFirst(2)
            } else {
                out.append(first)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    public var description: String { pattern }
}

/// The Eclipse/ICS export layout, as `Rules/exports/eclipse.yaml` declares it: columns, their
/// order and names, and how dates, money and ratings are written.
///
/// No public import specification for Eclipse exists (research §7.1), so the layout is data
/// agreed with the council's Eclipse team, not code.
public struct EclipseExportFormat: Sendable, Hashable, Codable {
    public var columns: [ExportColumn]
    public var datePattern: DatePattern
    public var money: MoneyFormat
    /// Letters for red, amber and green (`R`, `A`, `G`).
    public var ratingLetters: [Rating: String]
    /// `source_system` on every record.
    public var sourceSystem: String
    /// `form_type` on every record.
    public var formType: String
    /// The XML root element and the element of one record.
    public var xmlRoot: String
    public var xmlRecord: String

    public init(
        columns: [ExportColumn], datePattern: DatePattern, money: MoneyFormat = .pounds,
        ratingLetters: [Rating: String] = [.red: "R", .amber: "A", .green: "G"], sourceSystem: String = "pepqa",
        formType: String = "Personal Education Plan", xmlRoot: String = "PEPRecords", xmlRecord: String = "PEPRecord"
    ) {
        self.columns = columns
        self.datePattern = datePattern
        self.money = money
        self.ratingLetters = ratingLetters
        self.sourceSystem = sourceSystem
        self.formType = formType
        self.xmlRoot = xmlRoot
        self.xmlRecord = xmlRecord
    }

    /// Every field in §7.2 order under its own name, ISO dates, pounds, R/A/G.
    public static var standard: EclipseExportFormat {
        EclipseExportFormat(
            columns: ExportField.allCases.map { ExportColumn(name: $0.rawValue, field: $0) },
            datePattern: .iso)
    }
}
