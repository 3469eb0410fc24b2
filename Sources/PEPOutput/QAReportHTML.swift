import PEPModel

/// The per-PEP QA report a coordinator opens in a browser: ratings, then every criterion
/// grouped by section with its evidence and the feedback a school would receive. The page is
/// `Templates/qa-report.mustache`; this builds its model (plain values: Mustache escapes them).
package enum QAReportHTML {
    package static func render(_ report: QAReport) -> String {
        ReportTemplates.page(title: "PEP QA — \(report.childID)", template: "qa-report", model(report))
    }

    static func model(_ r: QAReport) -> [String: Any] {
        let pep = r.pep
        let a = r.assessment
        let name = [pep.child.firstName?.value, pep.child.lastName?.value].compactMap { $0 }.joined(separator: " ")
        let term = [pep.pep.term?.value.rawValue.capitalized, pep.pep.academicYear?.value].compactMap { $0 }.joined(separator: " ")
        var model: [String: Any] = [
            "childID": r.childID,
            "quality": a.assessable ? ReportTemplates.badge(a.quality.label, kind: a.quality.rawValue) : ReportTemplates.badge("Could not assess", kind: "grey"),
            "compliance": ReportTemplates.badge(a.compliance.label, kind: a.compliance.rawValue),
            "requested": a.totalRequested.display, "approved": a.totalApproved.display,
            "school": pep.school.name?.value ?? "not given", "urn": pep.school.urn?.value ?? "not given",
            "pepType": pep.pep.type?.value.rawValue.capitalized ?? "Type not given",
            "term": term.isEmpty ? "term not given" : term,
            "meetingDate": pep.meeting.date?.value.iso ?? "not given", "received": r.receivedOn.iso,
            "designatedTeacher": pep.school.designatedTeacher.name?.value ?? "not given",
            "fileName": r.fileName, "format": r.format.rawValue.uppercased(),
            "hasFunding": !a.funding.isEmpty, "funding": funding(a),
            "sections": sections(a),
            "ruleSetVersion": a.ruleSetVersion, "ruleSetHash": String(a.ruleSetHash.prefix(12)),
            "sha256": String(r.sha256.prefix(12)),
        ]
        // Optional parts are left out, not empty: a Mustache block shows for any string.
        if !name.isEmpty { model["name"] = name }
        if let sender = r.sender { model["sender"] = sender }
        if let supersedes = r.supersedes { model["supersedes"] = supersedes }
        if !a.assessable { model["notAssessable"] = ["missingCount": a.missingFields.count] }
        coverage(a, into: &model)
        return model
    }

    static func funding(_ a: Assessment) -> [[String: Any]] {
        a.funding.map { d in
            [
                "number": d.requestIndex + 1, "intervention": d.intervention, "requested": d.requested.display,
                "approved": d.approved.display, "note": d.note,
                "decision": d.status == .approved ? ReportTemplates.badge("Approved", kind: "green") : ReportTemplates.badge("Held", kind: "amber"),
            ]
        }
    }

    /// Sections in the order the rule set rates them, then any only results name.
    static func sections(_ a: Assessment) -> [[String: Any]] {
        var seen = Set<String>()
        let order = a.sections.map(\.section) + a.results.map(\.section)
        return order.compactMap { id -> [String: Any]? in
            guard seen.insert(id).inserted else { return nil }
            let results = a.results.filter { $0.section == id }
            guard !results.isEmpty else { return nil }
            let rating = a.sections.first { $0.section == id }
            var section: [String: Any] = [
                "title": rating?.title ?? id, "excluded": rating?.excludedFromOverall == true, "results": results.map(row),
            ]
            if let rating { section["rating"] = ReportTemplates.badge(rating.rating.label, kind: rating.rating.rawValue) }
            return section
        }
    }

    static func row(_ r: CriterionResult) -> [String: Any] {
        var row: [String: Any] = [
            "id": r.id, "title": r.title, "severity": r.severity.rawValue,
            "pass": r.outcome == .pass, "fail": r.outcome == .fail, "notApplicable": r.outcome == .notApplicable,
            "evidence": r.evidence.map { e -> [String: Any] in
                var item: [String: Any] = ["note": e.note]
                if let p = e.path { item["path"] = p.rawValue }
                if let s = e.source { item["location"] = s.location }
                return item
            },
        ]
        if let feedback = r.feedback { row["feedback"] = feedback }
        return row
    }

    /// What the reader could not place: a template mismatch, unmapped labels, unreadable values.
    static func coverage(_ a: Assessment, into model: inout [String: Any]) {
        model["hasCoverage"] = !a.missingFields.isEmpty || !a.unmapped.isEmpty || !a.issues.isEmpty
        model["hasMissing"] = !a.missingFields.isEmpty
        model["missing"] = a.missingFields.map(\.rawValue)
        model["hasUnmapped"] = !a.unmapped.isEmpty
        model["unmapped"] = a.unmapped.map { ["label": $0.label, "location": $0.source.location] }
        model["hasIssues"] = !a.issues.isEmpty
        model["issues"] = a.issues.map { ["path": $0.path.rawValue, "message": $0.message, "location": $0.source?.location ?? ""] }
    }
}
