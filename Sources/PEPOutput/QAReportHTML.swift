import PEPModel

/// The per-PEP QA report a coordinator opens in a browser: ratings, then every criterion
/// grouped by section with its evidence and the feedback a school would receive.
///
/// Written by `HTMLWriter` rather than a Mustache template: it is rendered for every document
/// rated, and swift-mustache's lookups cost about a tenth of a document's CPU (see `HTMLWriter`).
/// Every value is escaped; markup comes only from literals here.
package enum QAReportHTML {
    package static func render(_ report: QAReport) -> String {
        var w = HTMLWriter(capacity: 24_000)
        body(report, into: &w)
        return HTMLWriter.page(title: "PEP QA — \(report.childID)", w)
    }

    static func body(_ r: QAReport, into w: inout HTMLWriter) {
        let pep = r.pep
        let a = r.assessment
        let name = [pep.child.firstName?.value, pep.child.lastName?.value].compactMap { $0 }.joined(separator: " ")
        let term = [pep.pep.term?.value.rawValue.capitalized, pep.pep.academicYear?.value].compactMap { $0 }.joined(separator: " ")
        w.element("<h1>PEP quality assurance: ", r.childID, "")
        if !name.isEmpty { w.element(" · ", name, "") }
        w.raw("</h1>\n<div class=\"summary\">\n<div>Quality<br>")
        if a.assessable { w.badge(a.quality.label, kind: a.quality.rawValue) } else { w.badge("Could not assess", kind: "grey") }
        w.raw("</div>\n<div>Compliance<br>")
        w.badge(a.compliance.label, kind: a.compliance.rawValue)
        w.element("</div>\n<div>PP+ requested<br><strong>", a.totalRequested.display, "</strong></div>\n")
        w.element("<div>PP+ approved<br><strong>", a.totalApproved.display, "</strong></div>\n</div>\n<table>\n")
        w.element("<tr><th>School</th><td>", pep.school.name?.value ?? "not given", "")
        w.element(" (URN ", pep.school.urn?.value ?? "not given", ")</td>\n")
        w.element("<th>PEP</th><td>", pep.pep.type?.value.rawValue.capitalized ?? "Type not given", " · ")
        w.text(term.isEmpty ? "term not given" : term)
        w.element("</td></tr>\n<tr><th>Meeting date</th><td>", pep.meeting.date?.value.iso ?? "not given", "</td>\n")
        w.element("<th>Received</th><td>", r.receivedOn.iso, "")
        if let sender = r.sender { w.element(" from ", sender, "") }
        w.element("</td></tr>\n<tr><th>Designated Teacher</th><td>", pep.school.designatedTeacher.name?.value ?? "not given", "</td>\n")
        w.element("<th>Document</th><td>", r.fileName, " (")
        w.text(r.format.rawValue.uppercased())
        w.raw(")")
        if let supersedes = r.supersedes { w.element("<br>replaces ", supersedes, "") }
        w.raw("</td></tr>\n</table>\n")
        if !a.assessable {
            w.raw(
                "<div class=\"notice\"><strong>Could not assess.</strong> The document's structure could not be read well enough to judge its quality ("
            )
            w.text(a.missingFields.count)
            w.raw(
                " required fields were not found). This is not a verdict on the school's PEP: check the template mapping or ask for the Virtual School's template.</div>\n"
            )
        }
        funding(a, into: &w)
        w.raw("<h2>Criteria by section</h2>\n")
        sections(a, into: &w)
        coverage(a, into: &w)
        w.element("<p class=\"muted\">Rule set ", a.ruleSetVersion, " · ")
        w.text(String(a.ruleSetHash.prefix(12)))
        w.element(" · document SHA-256 ", String(r.sha256.prefix(12)), "</p>\n")
    }

    static func funding(_ a: Assessment, into w: inout HTMLWriter) {
        guard !a.funding.isEmpty else { return w.raw("<h2>Pupil Premium Plus</h2><p>No PP+ requested.</p>\n") }
        w.raw(
            """
            <h2>Pupil Premium Plus</h2>
            <table><tr><th>#</th><th>Intervention</th><th>Requested</th><th>Approved</th><th>Decision</th><th>Reason</th></tr>

            """)
        for d in a.funding {
            w.raw("<tr><td>")
            w.text(d.requestIndex + 1)
            w.element("</td><td>", d.intervention, "</td>")
            w.element("<td>", d.requested.display, "</td>")
            w.element("<td>", d.approved.display, "</td><td>")
            if d.status == .approved { w.badge("Approved", kind: "green") } else { w.badge("Held", kind: "amber") }
            w.element("</td><td>", d.note, "</td></tr>\n")
        }
        w.raw("</table>\n")
    }

    /// Sections in the order the rule set rates them, then any only results name.
    static func sections(_ a: Assessment, into w: inout HTMLWriter) {
        var seen = Set<String>()
        for id in a.sections.map(\.section) + a.results.map(\.section) where seen.insert(id).inserted {
            let results = a.results.filter { $0.section == id }
            guard !results.isEmpty else { continue }
            let rating = a.sections.first { $0.section == id }
            w.element("<h3>", rating?.title ?? id, " ")
            if let rating { w.badge(rating.rating.label, kind: rating.rating.rawValue) }
            if rating?.excludedFromOverall == true { w.raw(" <span class=\"muted\">(not counted in the overall rating)</span>") }
            w.raw("</h3>\n<table><tr><th>ID</th><th>Criterion</th><th>Result</th><th>Evidence</th></tr>\n")
            for result in results { row(result, into: &w) }
            w.raw("</table>\n")
        }
    }

    static func row(_ r: CriterionResult, into w: inout HTMLWriter) {
        w.element("<tr><td class=\"id\">", r.id, "</td>")
        w.element("<td>", r.title, "")
        if let feedback = r.feedback { w.element("<div class=\"feedback\">Feedback to school: ", feedback, "</div>") }
        w.raw("</td><td>")
        switch r.outcome {
        case .pass: w.raw("<span class=\"pass\">Pass</span>")
        case .fail: w.element("<span class=\"fail\">Fail</span> <span class=\"muted\">(", r.severity.rawValue, ")</span>")
        case .notApplicable: w.raw("<span class=\"muted\">n/a</span>")
        }
        w.raw("</td><td class=\"evidence\">")
        for (i, e) in r.evidence.enumerated() {
            if i > 0 { w.raw("<br>") }
            w.text(e.note)
            if let p = e.path { w.element(" <code>", p.rawValue, "</code>") }
            if let s = e.source { w.element(" <span class=\"muted\">", s.location, "</span>") }
        }
        w.raw("</td></tr>\n")
    }

    /// What the reader could not place: a template mismatch, unmapped labels, unreadable values.
    static func coverage(_ a: Assessment, into w: inout HTMLWriter) {
        guard !a.missingFields.isEmpty || !a.unmapped.isEmpty || !a.issues.isEmpty else { return }
        w.raw("<h2>Reading the document</h2>\n")
        if !a.missingFields.isEmpty {
            w.raw(
                "<h3>Required fields not found in the document</h3><p class=\"muted\">The form had no place for these: a template mismatch rather than a gap the school left.</p><p>"
            )
            for (i, field) in a.missingFields.enumerated() {
                if i > 0 { w.raw(", ") }
                w.element("<code>", field.rawValue, "</code>")
            }
            w.raw("</p>\n")
        }
        if !a.unmapped.isEmpty {
            w.raw("<h3>Labelled content not mapped to a field</h3><table><tr><th>Label</th><th>Where</th></tr>\n")
            for u in a.unmapped {
                w.element("<tr><td>", u.label, "</td>")
                w.element("<td>", u.source.location, "</td></tr>\n")
            }
            w.raw("</table>\n")
        }
        if !a.issues.isEmpty {
            w.raw("<h3>Values that could not be read</h3><table><tr><th>Field</th><th>Problem</th><th>Where</th></tr>\n")
            for issue in a.issues {
                w.element("<tr><td><code>", issue.path.rawValue, "</code></td>")
                w.element("<td>", issue.message, "</td>")
                w.element("<td>", issue.source?.location ?? "", "</td></tr>\n")
            }
            w.raw("</table>\n")
        }
    }
}
