import Foundation
import PEPModel

/// Renders Eclipse/ICS export batches as CSV and XML in the layout `Rules/exports/eclipse.yaml`
/// declares, and writes each batch once under a new number (`exports/eclipse-000001.csv`).
package struct EclipseExporter: Sendable {
    package let format: EclipseExportFormat

    package init(format: EclipseExportFormat) { self.format = format }

    /// `ECL-000001`: the batch ID carried on every record.
    package static func batchID(_ sequence: Int) -> String { "ECL-" + WriteOnceFile.sequenceLabel(sequence) }

    /// One cell's text for a field of a record, formatted as the layout says.
    package func value(_ field: ExportField, of r: ExportRecord, batch: Int) -> String {
        func date(_ d: CalendarDate?) -> String { d.map(format.datePattern.format) ?? "" }
        func money(_ p: Pence) -> String { format.money == .pounds ? p.decimalString : String(p.value) }
        func rating(_ x: Rating) -> String { format.ratingLetters[x] ?? x.label }
        switch field {
        case .personID: return r.personID
        case .upn: return r.upn ?? ""
        case .formType: return format.formType
        case .pepType: return r.pepType.map { $0 == .initial ? "Initial" : "Termly review" } ?? ""
        case .term: return r.term?.rawValue.capitalized ?? ""
        case .academicYear: return r.academicYear ?? ""
        case .meetingDate: return date(r.meetingDate)
        case .receivedDate: return date(r.receivedDate)
        case .qaDate: return date(r.qaDate)
        case .qaOutcome: return rating(r.qaOutcome)
        case .qaCompliance: return rating(r.qaCompliance)
        case .status: return r.status.rawValue
        case .nextPEPDue: return date(r.nextPEPDue)
        case .settingURN: return r.settingURN ?? ""
        case .settingName: return r.settingName ?? ""
        case .designatedTeacher: return r.designatedTeacher ?? ""
        case .attendancePct: return r.attendancePercent.map { NSDecimalNumber(decimal: $0).stringValue } ?? ""
        case .senStatus: return r.senStatus?.rawValue ?? ""
        case .ppPlusRequested: return money(r.ppPlusRequested)
        case .ppPlusApproved: return money(r.ppPlusApproved)
        case .documentHash: return r.documentHash
        case .sourceSystem: return format.sourceSystem
        case .batchID: return Self.batchID(batch)
        case .recordKind: return r.kind.rawValue
        case .qaOfficer: return r.qaOfficer ?? ""
        }
    }

    static let numericFields: Set<ExportField> = [.attendancePct, .ppPlusRequested, .ppPlusApproved]

    /// The batch as CSV: a header row of column names, then one row per record. The whole
    /// batch at once, made of the same pieces `ExportPublisher` streams (for a small batch).
    package func csv(_ records: [ExportRecord], batch: Int) -> String {
        csvHeader() + records.map { csvRow($0, batch: batch) }.joined()
    }

    /// The CSV's header row. A batch is written a row at a time (`ExportPublisher`), so that
    /// memory holds one record, however many the batch has.
    package func csvHeader() -> String {
        var w = CSVWriter()
        w.row(format.columns.map { CSVWriter.Cell.text($0.name) })
        return w.text
    }

    /// One record's CSV row.
    package func csvRow(_ r: ExportRecord, batch: Int) -> String {
        var w = CSVWriter()
        w.row(
            format.columns.map { c in
                let v = value(c.field, of: r, batch: batch)
                return Self.numericFields.contains(c.field) ? .number(v) : .text(v)
            })
        return w.text
    }

    /// The batch as XML: `<root batch_id count>` holding one element per record, one child
    /// element per column (element names are checked when the layout is loaded). The whole
    /// batch at once, as `csv`.
    package func xml(_ records: [ExportRecord], batch: Int) -> String {
        xmlHead(count: records.count, batch: batch) + records.map { xmlRecord($0, batch: batch) }.joined() + xmlTail()
    }

    /// The XML up to the first record.
    package func xmlHead(count: Int, batch: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(format.xmlRoot) batch_id=\"\(Self.batchID(batch))\" count=\"\(count)\">\n"
    }

    /// One record's element.
    package func xmlRecord(_ r: ExportRecord, batch: Int) -> String {
        var out = "  <\(format.xmlRecord)>\n"
        for c in format.columns {
            let v = value(c.field, of: r, batch: batch)
            out += v.isEmpty ? "    <\(c.name)/>\n" : "    <\(c.name)>\(Self.escapeXML(v))</\(c.name)>\n"
        }
        return out + "  </\(format.xmlRecord)>\n"
    }

    /// The XML after the last record.
    package func xmlTail() -> String { "</\(format.xmlRoot)>\n" }

    /// Escapes text for XML content, dropping characters XML 1.0 cannot carry.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
