import PEPModel

/// A complete, fictional PEP that passes every default criterion: a spring-term review PEP for
/// a Year 9 child, built through `ExtractedDocument` and `PEPBuilder` like a real document.
///
/// Tests knock one thing out (`blank`, `remove`, `set`, `setRecord`) and check that exactly the
/// criterion about it fails. All names and identifiers are invented.
public struct PEPFixture: Sendable {
    /// Scalar values by contract path, as a reader would have found them.
    public var scalars: [String: RawValue]
    /// List records by list path; each record maps field name to raw value.
    public var lists: [String: [[String: RawValue]]]

    /// The day the fixture PEP reaches the Virtual School: 5 working days after its meeting.
    public static let received = CalendarDate(year: 2026, month: 2, day: 17)!

    /// A valid UPN for the fixture (the check letter computed, not typed).
    public static let upn: String = {
        let body = "823456789012"
        return String(UPN.checkLetter(for: body) ?? "A") + body
    }()

    public static func greenReview() -> PEPFixture {
        PEPFixture(scalars: greenScalars, lists: greenLists)
    }

    /// The slot stays (found) but holds nothing: the school left it blank.
    public mutating func blank(_ path: String) {
        scalars[path] = .text("")
        if lists[path] != nil { lists[path] = [] }
    }

    /// The slot is not in the document at all (a template mismatch).
    public mutating func remove(_ path: String) {
        scalars[path] = nil
        lists[path] = nil
    }

    public mutating func set(_ path: String, _ text: String) { scalars[path] = .text(text) }

    /// Sets one field of one record (0-based), e.g. `setRecord("targets", 0, "area", "Maths")`.
    public mutating func setRecord(_ list: String, _ index: Int, _ field: String, _ text: String) {
        lists[list, default: []][index][field] = .text(text)
    }

    public var extracted: ExtractedDocument {
        var doc = ExtractedDocument(format: .json, file: "fixture.json")
        for (path, raw) in scalars.sorted(by: { $0.key < $1.key }) { doc.add(FieldPath(path), raw, at: "$.\(path)") }
        for (path, records) in lists.sorted(by: { $0.key < $1.key }) {
            doc.noteList(FieldPath(path))
            for (index, record) in records.enumerated() {
                let location = "$.\(path)[\(index)]"
                let values = record.sorted { $0.key < $1.key }.map { field, raw in
                    (field: field, raw: raw, source: SourceRef(file: "fixture.json", location: "\(location).\(field)"))
                }
                doc.addRecord(ExtractedRecord(source: SourceRef(file: "fixture.json", location: location), values: values), to: FieldPath(path))
            }
        }
        return doc
    }

    public var read: ReadResult { PEPBuilder.build(extracted) }

    public static func context(
        received: CalendarDate = PEPFixture.received, attachments: [AttachmentInfo] = [], history: ChildHistory = ChildHistory()
    ) -> AssessmentContext {
        AssessmentContext(receivedOn: received, attachments: attachments, history: history)
    }

    static let greenScalars: [String: RawValue] = [
        "pep.type": .text("Review"),
        "pep.term": .text("Spring term"),
        "pep.academic_year": .text("2025/26"),
        "child.la_id": .text("LA100234"),
        "child.upn": .text(upn),
        "child.first_name": .text("Alex"),
        "child.last_name": .text("Example"),
        "child.date_of_birth": .text("14/03/2012"),
        "child.year_group": .text("Year 9"),
        "child.care_start_date": .text("01/05/2023"),
        "child.legal_status": .text("C2"),
        "child.send.status": .text("None"),
        "school.urn": .text("123456"),
        "school.name": .text("Northfield Academy"),
        "school.designated_teacher.name": .text("Sam Teacher"),
        "school.designated_teacher.email": .text("dt@northfield.example.org"),
        "social_worker.name": .text("Jo Worker"),
        "social_worker.email": .text("jo.worker@council.example.gov.uk"),
        "meeting.date": .text("10/02/2026"),
        "meeting.next_date": .text("12/05/2026"),
        "meeting.child_attended": .text("Yes"),
        "attendance.percentage": .text("96.5"),
        "exclusions.suspension_days": .text("0"),
        "exclusions.permanent": .text("No"),
        "wellbeing.sdq_score": .text("12"),
        "child_voice": .text(
            "I like science and PE the most. Maths is hard when there are fractions. I want help with reading long books and I want to join the football club."
        ),
        "carer_views": .text("Alex is settled at home and enjoys school; homework routines are going well."),
        "boxall.attached": .text("No"),
        "ppplus.previous_impact": .text("Tutoring last term raised the reading age by eight months."),
        "transition.plan": .text(
            "Options evening in March; the careers adviser and key adult will help choose GCSE options for Year 10."),
        "careers.guidance": .text("Met the careers adviser in January to talk about college courses."),
        "sign_off.designated_teacher.name": .text("Sam Teacher"),
        "sign_off.designated_teacher.date": .text("12/02/2026"),
        "sign_off.confirmed": .checkbox(true),
    ]

    static let greenLists: [String: [[String: RawValue]]] = [
        "meeting.attendees": [
            ["name": .text("Sam Teacher"), "role": .text("Designated Teacher")],
            ["name": .text("Jo Worker"), "role": .text("Social Worker")],
            ["name": .text("Pat Carer"), "role": .text("Foster carer")],
        ],
        "attainment": [
            ["subject": .text("English"), "current": .text("5"), "target": .text("6"), "progress": .text("Expected")],
            ["subject": .text("Maths"), "current": .text("4"), "target": .text("6"), "progress": .text("Below")],
            ["subject": .text("Science"), "current": .text("5"), "target": .text("6"), "progress": .text("Above")],
        ],
        "previous_targets": [
            ["description": .text("Read a chapter book independently"), "outcome": .text("Achieved"), "comment": .text("Finished two books")],
            ["description": .text("Learn times tables to 12"), "outcome": .text("Partly achieved"), "comment": .text("Up to 9")],
        ],
        "targets": [
            target("English", "Improve reading comprehension of longer texts", "Answers 8 out of 10 questions on a Year 9 text", "Guided reading with the TA", "TA and English teacher", "Three times a week"),
            target("Maths", "Secure fractions and simple algebra", "Scores 70% on the end of unit test", "Small-group tutoring", "Maths tutor", "Weekly"),
            target("Wellbeing (SEMH)", "Build confidence to ask for help in lessons", "Asks for help at least twice a week, logged by the key adult", "Check-ins with the key adult", "Key adult", "Daily"),
        ],
        "ppplus.requests": [
            [
                "intervention": .text("Weekly maths tutoring"), "target_ref": .text("T2"), "amount": .text("£300.00"),
                "intended_impact": .text("Close the gap in fractions and algebra so that Alex reaches the target grade by summer"),
                "provider": .text("Tutoring service"),
            ]
        ],
    ]

    static func target(_ area: String, _ description: String, _ success: String, _ actions: String, _ owner: String, _ frequency: String) -> [String: RawValue] {
        [
            "area": .text(area), "description": .text(description), "success_criteria": .text(success),
            "actions": .text(actions), "owner": .text(owner), "frequency": .text(frequency),
            "review_date": .text("20/03/2026"),
        ]
    }
}
