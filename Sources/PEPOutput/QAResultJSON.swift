import PEPModel

/// The QA result as JSON: what `pepqa rate` prints and what `out/reports/*.json` hold.
///
/// It carries IDs, not names: no child's name or date of birth. It holds no wall-clock time,
/// so the same document and rules give byte-identical JSON.
package enum QAResultJSON {
    package static func render(_ report: QAReport) -> String {
        value(report).serialized() + "\n"
    }

    package static func value(_ report: QAReport) -> JSONValue {
        let a = report.assessment
        let pep = report.pep
        return .object([
            ("schema", .string("pepqa-result/1")),
            (
                "document",
                .object([
                    ("file", .string(report.fileName)), ("sha256", .string(report.sha256)),
                    ("format", .string(report.format.rawValue)), ("received_on", .string(report.receivedOn.iso)),
                    ("sender", report.sender.map(JSONValue.string) ?? .null),
                ])
            ),
            (
                "pep",
                .object([
                    ("child_la_id", optional(pep.child.laId?.value)), ("upn", optional(pep.child.upn?.value)),
                    ("school_urn", optional(pep.school.urn?.value)), ("type", optional(pep.pep.type?.value.rawValue)),
                    ("term", optional(pep.pep.term?.value.rawValue)), ("academic_year", optional(pep.pep.academicYear?.value)),
                    ("meeting_date", optional(pep.meeting.date?.value.iso)),
                ])
            ),
            ("assessable", .bool(a.assessable)),
            ("quality", .string(a.quality.rawValue)),
            ("compliance", .string(a.compliance.rawValue)),
            ("rule_set", .object([("version", .string(a.ruleSetVersion)), ("hash", .string(a.ruleSetHash))])),
            ("sections", .array(a.sections.map(section))),
            ("criteria", .array(a.results.map(criterion))),
            ("ppplus", funding(a)),
            ("coverage", coverage(a)),
        ])
    }

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    static func section(_ s: SectionRating) -> JSONValue {
        .object([
            ("id", .string(s.section)), ("title", .string(s.title)), ("rating", .string(s.rating.rawValue)),
            ("excluded_from_overall", .bool(s.excludedFromOverall)),
        ])
    }

    static func criterion(_ r: CriterionResult) -> JSONValue {
        .object([
            ("id", .string(r.id)), ("section", .string(r.section)), ("title", .string(r.title)),
            ("severity", .string(r.severity.rawValue)), ("axis", .string(r.axis.rawValue)),
            ("outcome", .string(r.outcome.rawValue)),
            ("evidence", .array(r.evidence.map(evidence))),
            ("feedback", optional(r.feedback)),
        ])
    }

    static func evidence(_ e: Evidence) -> JSONValue {
        .object([
            ("path", optional(e.path?.rawValue)), ("source", optional(e.source?.location)), ("note", .string(e.note)),
        ])
    }

    static func funding(_ a: Assessment) -> JSONValue {
        .object([
            ("requested", .string(a.totalRequested.decimalString)),
            ("approved", .string(a.totalApproved.decimalString)),
            ("held", .string(a.totalHeld.decimalString)),
            (
                "decisions",
                .array(
                    a.funding.map { d in
                        .object([
                            ("request", .int(d.requestIndex + 1)), ("intervention", .string(d.intervention)),
                            ("requested", .string(d.requested.decimalString)), ("approved", .string(d.approved.decimalString)),
                            ("status", .string(d.status.rawValue)), ("reason", optional(d.reason?.rawValue)),
                            ("note", .string(d.note)),
                        ])
                    })
            ),
        ])
    }

    static func coverage(_ a: Assessment) -> JSONValue {
        .object([
            ("missing_fields", .array(a.missingFields.map { .string($0.rawValue) })),
            (
                "unmapped",
                .array(a.unmapped.map { .object([("label", .string($0.label)), ("source", .string($0.source.location))]) })
            ),
            (
                "issues",
                .array(
                    a.issues.map {
                        .object([
                            ("path", .string($0.path.rawValue)), ("source", optional($0.source?.location)),
                            ("message", .string($0.message)),
                        ])
                    })
            ),
        ])
    }
}
