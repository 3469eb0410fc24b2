import struct Foundation.Decimal

/// A list record type of the contract (`targets[]`, ...).
public protocol PEPListRecord: Sendable, Hashable {
    init(source: SourceRef?)
    var source: SourceRef? { get set }
}

extension PEP.Attendee: PEPListRecord {}
extension PEP.AttainmentRecord: PEPListRecord {}
extension PEP.PreviousTarget: PEPListRecord {}
extension PEP.Target: PEPListRecord {}
extension PEP.PPRequest: PEPListRecord {}

/// One record of a list, by field name, for code that works on lists by path.
public struct PEPRecord: Sendable, Hashable {
    public var source: SourceRef?
    public var fields: [String: Field<FieldValue>]

    public init(source: SourceRef? = nil, fields: [String: Field<FieldValue>] = [:]) {
        (self.source, self.fields) = (source, fields)
    }

    public subscript(name: String) -> Field<FieldValue>? { fields[name] }
}

/// A list of the contract bound to its typed array.
public struct ListBinding: Sendable {
    public let path: FieldPath
    public let fields: [FieldSpec]
    let getter: @Sendable (PEP) -> [PEPRecord]
    let setter: @Sendable (inout PEP, [PEPRecord]) -> Void
    let normaliser: @Sendable (String, RawValue) throws(ValueProblem) -> FieldValue?

    public func get(_ pep: PEP) -> [PEPRecord] { getter(pep) }
    public func set(_ pep: inout PEP, _ records: [PEPRecord]) { setter(&pep, records) }
    public func kind(of field: String) -> FieldKind? { fields.first { $0.name == field }?.kind }

    /// Normalises a raw value for one field of this list's records; nil for an unknown field name.
    public func normalise(field: String, _ raw: RawValue) throws(ValueProblem) -> FieldValue? {
        try normaliser(field, raw)
    }

    static func of<R: PEPListRecord>(
        _ path: FieldPath, _ kp: any WritableKeyPath<PEP, [R]> & Sendable, _ bindings: [FieldBinding<R>]
    ) -> ListBinding {
        ListBinding(
            path: path,
            fields: bindings.map { .init(name: $0.name, kind: $0.kind) },
            getter: { pep in
                pep[keyPath: kp].map { record in
                    var fields: [String: Field<FieldValue>] = [:]
                    for b in bindings { fields[b.name] = b.get(record) }
                    return PEPRecord(source: record.source, fields: fields)
                }
            },
            setter: { pep, records in
                pep[keyPath: kp] = records.map { generic in
                    var record = R(source: generic.source)
                    for b in bindings { b.set(&record, generic.fields[b.name]) }
                    return record
                }
            },
            normaliser: { (name: String, raw: RawValue) throws(ValueProblem) -> FieldValue? in
                guard let b = bindings.first(where: { $0.name == name }) else { return nil }
                return try b.normalise(raw)
            })
    }
}

/// A field's name and type without its accessors.
public struct FieldSpec: Sendable, Hashable {
    public let name: String
    public let kind: FieldKind
}

/// Every field of the contract, in the contract's order: the one table that ties paths to the
/// typed model. Readers, the canonical JSON, rules and exports all go through it.
public enum FieldCatalogue {
    public typealias Scalar = FieldBinding<PEP>

    public static let scalars: [Scalar] = [
        .choice("pep.type", \.pep.type),
        .choice("pep.term", \.pep.term, parse: { Term.parseLoosely($0) }),
        .text("pep.academic_year", \.pep.academicYear),
        .text("child.la_id", \.child.laId),
        .text("child.upn", \.child.upn),
        .text("child.first_name", \.child.firstName),
        .text("child.last_name", \.child.lastName),
        .date("child.date_of_birth", \.child.dateOfBirth),
        .choice("child.year_group", \.child.yearGroup),
        .date("child.care_start_date", \.child.careStartDate),
        .choice("child.legal_status", \.child.legalStatus, parse: { LegalStatus.parseLoosely($0) }),
        .choice("child.send.status", \.child.send.status),
        .text("child.send.primary_need", \.child.send.primaryNeed),
        .date("child.send.ehcp_review_date", \.child.send.ehcpReviewDate),
        .text("school.urn", \.school.urn),
        .text("school.name", \.school.name),
        .text("school.designated_teacher.name", \.school.designatedTeacher.name),
        .text("school.designated_teacher.email", \.school.designatedTeacher.email),
        .text("social_worker.name", \.socialWorker.name),
        .text("social_worker.email", \.socialWorker.email),
        .date("meeting.date", \.meeting.date),
        .date("meeting.next_date", \.meeting.nextDate),
        .boolean("meeting.child_attended", \.meeting.childAttended),
        .text("meeting.child_absence_reason", \.meeting.childAbsenceReason),
        .decimal("attendance.percentage", \.attendance.percentage, range: 0...100),
        .decimal("exclusions.suspension_days", \.exclusions.suspensionDays, range: 0...200),
        .boolean("exclusions.permanent", \.exclusions.permanent),
        .integer("wellbeing.sdq_score", \.wellbeing.sdqScore, range: 0...40),
        .text("child_voice", \.childVoice),
        .text("carer_views", \.carerViews),
        .date("boxall.completed_on", \.boxall.completedOn),
        .boolean("boxall.attached", \.boxall.attached),
        .text("ppplus.previous_impact", \.ppplus.previousImpact),
        .text("transition.plan", \.transition.plan),
        .text("careers.guidance", \.careers.guidance),
        .text("sign_off.designated_teacher.name", \.signOff.designatedTeacher.name),
        .date("sign_off.designated_teacher.date", \.signOff.designatedTeacher.date),
        .boolean("sign_off.confirmed", \.signOff.confirmed),
    ]

    public static let lists: [ListBinding] = [
        .of("meeting.attendees", \.meeting.attendees, [.text("name", \.name), .text("role", \.role)]),
        .of(
            "attainment", \.attainment,
            [
                .text("subject", \.subject), .text("current", \.current), .text("target", \.target),
                .choice("progress", \.progress),
            ]),
        .of(
            "previous_targets", \.previousTargets,
            [.text("description", \.description), .choice("outcome", \.outcome), .text("comment", \.comment)]),
        .of(
            "targets", \.targets,
            [
                .text("area", \.area), .text("description", \.description),
                .text("success_criteria", \.successCriteria), .text("actions", \.actions),
                .text("owner", \.owner), .text("frequency", \.frequency), .date("review_date", \.reviewDate),
            ]),
        .of(
            "ppplus.requests", \.ppplus.requests,
            [
                .text("intervention", \.intervention), .text("target_ref", \.targetRef),
                .money("amount", \.amount), .text("intended_impact", \.intendedImpact),
                .text("provider", \.provider),
            ]),
    ]

    static let scalarIndex: [String: Scalar] = Dictionary(uniqueKeysWithValues: scalars.map { ($0.name, $0) })
    static let listIndex: [String: ListBinding] = Dictionary(uniqueKeysWithValues: lists.map { ($0.path.rawValue, $0) })

    public static func scalar(_ path: FieldPath) -> Scalar? { scalarIndex[path.rawValue] }
    public static func list(_ path: FieldPath) -> ListBinding? { listIndex[path.rawValue] }

    /// True for a path of the contract (a scalar, a list, or a list member).
    public static func knows(_ path: FieldPath) -> Bool {
        if scalarIndex[path.rawValue] != nil || listIndex[path.rawValue] != nil { return true }
        guard let (list, field) = path.listMember, let binding = listIndex[list.rawValue] else { return false }
        return binding.kind(of: field) != nil
    }
}

extension PEP {
    /// The value of a scalar field by its path, or nil when not given (or not a scalar path).
    public func value(at path: FieldPath) -> Field<FieldValue>? {
        FieldCatalogue.scalar(path)?.get(self)
    }

    /// The records of a list by its path (`targets`), or an empty array.
    public func records(at path: FieldPath) -> [PEPRecord] {
        FieldCatalogue.list(path)?.get(self) ?? []
    }
}
