import Foundation
import PEPModel

/// An operand's value, with the field and place it came from when it is a field.
struct ResolvedValue {
    var value: FieldValue
    var path: FieldPath?
    var source: SourceRef?
}

extension Operand {
    /// The field path, for evidence.
    var path: FieldPath? { if case .field(let p) = self { return p } else { return nil } }

    /// How the operand reads in an evidence note (`settings.sla_days`, `meeting.date`, `10`).
    var label: String {
        switch self {
        case .field(let p): return p.rawValue
        case .literal(let v): return v.description
        case .setting(let name, let key): return "settings.\(name)" + (key.map { "[\($0.label)]" } ?? "")
        case .received: return "received"
        case .phase: return "phase"
        case .yearNumber: return "year_number"
        case .termDate(let k): return "term.\(k.rawValue)"
        case .history(let f): return "history.\(f.rawValue)"
        case .sum(let parts): return "sum(" + parts.map(\.label).joined(separator: ", ") + ")"
        case .count(let list): return "count(\(list))"
        }
    }
}

extension Evaluator {
    /// Fields whose values never appear in evidence: names, date of birth, identifiers.
    static let privatePaths: Set<FieldPath> = [
        "child.first_name", "child.last_name", "child.date_of_birth", "child.upn", "child.la_id",
    ]

    func resolve(_ operand: Operand) -> ResolvedValue? {
        switch operand {
        case .field(let path): return field(path)
        case .literal(let value): return ResolvedValue(value: value)
        case .setting(let name, let key):
            guard var setting = rules.settings[name] else { return nil }
            if case .table(let table) = setting {
                let k = key.flatMap { resolve($0) }?.value.description ?? "default"
                guard let entry = table[k] ?? table["default"] else { return nil }
                setting = entry
            }
            return setting.fieldValue.map { ResolvedValue(value: $0) }
        case .received: return ResolvedValue(value: .date(context.receivedOn))
        case .phase: return phase
        case .yearNumber:
            return pep.child.yearGroup.map { ResolvedValue(value: .integer($0.value.number), source: $0.source) }
        case .termDate(let kind): return termDates.map { ResolvedValue(value: .date($0.date(kind))) }
        case .history(let fact): return fact.value(in: context.history).map { ResolvedValue(value: $0) }
        case .count(let list): return ResolvedValue(value: .integer(pep.records(at: list).count))
        case .sum(let parts):
            var total = Decimal(0)
            for part in parts { total += sum(part) }
            return ResolvedValue(value: .decimal(total))
        }
    }

    private func field(_ path: FieldPath) -> ResolvedValue? {
        if let (list, name) = path.listMember {
            guard let record, record.list == list, let f = record.fields[name] else { return nil }
            return ResolvedValue(value: f.value, path: path, source: f.source)
        }
        return pep.value(at: path).map { ResolvedValue(value: $0.value, path: path, source: $0.source) }
    }

    /// One part of a sum: a list member outside its list adds every record; missing counts 0.
    private func sum(_ part: Operand) -> Decimal {
        if case .field(let path) = part, let (list, name) = path.listMember, record?.list != list {
            return pep.records(at: list).reduce(Decimal(0)) { $0 + ($1[name]?.value.number ?? 0) }
        }
        return resolve(part)?.value.number ?? 0
    }

    func number(_ operand: Operand) -> Decimal? { resolve(operand)?.value.number }

    /// The child's phase, by `phases:`: from the year group, or when none is given from the
    /// age on the 31 August before the PEP's academic year (`YearGroup(dateOfBirth:academicYear:)`).
    /// The age-derived phase carries no source, so evidence never points at the date of birth.
    var phase: ResolvedValue? {
        if let stated = pep.child.yearGroup {
            return rules.phase(of: stated.value).map { ResolvedValue(value: .text($0), source: stated.source) }
        }
        guard let born = pep.child.dateOfBirth?.value, let year = academicYear.flatMap({ AcademicYear(parsing: $0) }),
            let group = YearGroup(dateOfBirth: born, academicYear: year), let phase = rules.phase(of: group)
        else { return nil }
        return ResolvedValue(value: .text(phase))
    }

    /// The term's dates, by `pep.term` and `pep.academic_year` (or the year the meeting falls in).
    var termDates: TermDates? {
        guard let term = pep.pep.term?.value, let year = academicYear else { return nil }
        return rules.calendar.dates(of: term, in: year)
    }

    /// `2025/26`: as written, or from the meeting date (September starts a year).
    var academicYear: String? {
        if let written = pep.pep.academicYear?.value, written.wholeMatch(of: /\d{4}\/\d{2}/) != nil { return written }
        guard let date = pep.meeting.date?.value else { return nil }
        let start = date.month >= 9 ? date.year : date.year - 1
        let next = (start + 1) % 100
        return "\(start)/\(next < 10 ? "0" : "")\(next)"
    }

    /// A value for an evidence note, or "the value" when it may be personal (text, names, DOB).
    func describe(_ value: ResolvedValue) -> String {
        let name = value.path?.rawValue ?? "the value"
        return showValue(value).isEmpty ? name : name + showValue(value)
    }

    /// ` (85)`, or empty for a value that must not appear in notes.
    func showValue(_ value: ResolvedValue) -> String {
        if let path = value.path {
            if Self.privatePaths.contains(path) { return "" }
            if case .text = value.value {
                let kind = FieldCatalogue.scalar(path)?.kind
                    ?? path.listMember.flatMap { FieldCatalogue.list($0.list)?.kind(of: $0.field) }
                guard case .choice = kind else { return "" }
            }
        }
        return " (\(value.value.description))"
    }
}
