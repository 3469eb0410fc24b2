import PEPModel

/// The per-PEP QA report a coordinator opens in a browser: ratings, then every criterion
/// grouped by section with its evidence and the feedback a school would receive.
package enum QAReportHTML {
    package static func render(_ report: QAReport) -> String {
        let a = report.assessment
        var body = header(report)
        if !a.assessable {
            body += """
                <div class="notice"><strong>Could not assess.</strong> The document's structure could not be read well \
                enough to judge its quality (\(a.missingFields.count) required fields were not found). This is not a \
                verdict on the school's PEP: check the template mapping or ask for the Virtual School's template.</div>

                """
        }
        body += funding(a)
        body += sections(a)
        body += coverage(a)
        body += "<p class=\"muted\">Rule set \(HTML.escape(a.ruleSetVersion)) · \(HTML.escape(String(a.ruleSetHash.prefix(12)))) · document SHA-256 \(HTML.escape(String(report.sha256.prefix(12))))</p>\n"
        return HTML.page(title: "PEP QA — \(report.childID)", body: body)
    }

    static func header(_ r: QAReport) -> String {
        let pep = r.pep
        let name = [pep.child.firstName?.value, pep.child.lastName?.value].compactMap { $0 }.joined(separator: " ")
        let term = [pep.pep.term?.value.rawValue.capitalized, pep.pep.academicYear?.value].compactMap { $0 }.joined(separator: " ")
        let a = r.assessment
        return """
            <h1>PEP quality assurance: \(HTML.escape(r.childID))\(name.isEmpty ? "" : " · " + HTML.escape(name))</h1>
            <div class="summary">
            <div>Quality<br>\(a.assessable ? HTML.badge(a.quality.label, kind: a.quality.rawValue) : HTML.badge("Could not assess", kind: "grey"))</div>
            <div>Compliance<br>\(HTML.badge(a.compliance.label, kind: a.compliance.rawValue))</div>
            <div>PP+ requested<br><strong>\(a.totalRequested.display)</strong></div>
            <div>PP+ approved<br><strong>\(a.totalApproved.display)</strong></div>
            </div>
            <table>
            <tr><th>School</th><td>\(HTML.escape(pep.school.name?.value ?? "not given")) (URN \(HTML.escape(pep.school.urn?.value ?? "not given")))</td>
            <th>PEP</th><td>\(HTML.escape(pep.pep.type?.value.rawValue.capitalized ?? "Type not given")) · \(HTML.escape(term.isEmpty ? "term not given" : term))</td></tr>
            <tr><th>Meeting date</th><td>\(HTML.escape(pep.meeting.date?.value.iso ?? "not given"))</td>
            <th>Received</th><td>\(HTML.escape(r.receivedOn.iso))\(r.sender.map { " from " + HTML.escape($0) } ?? "")</td></tr>
            <tr><th>Designated Teacher</th><td>\(HTML.escape(pep.school.designatedTeacher.name?.value ?? "not given"))</td>
            <th>Document</th><td>\(HTML.escape(r.fileName)) (\(r.format.rawValue.uppercased()))\(r.supersedes.map { "<br>replaces " + HTML.escape($0) } ?? "")</td></tr>
            </table>

            """
    }

    static func funding(_ a: Assessment) -> String {
        guard !a.funding.isEmpty else { return "<h2>Pupil Premium Plus</h2><p>No PP+ requested.</p>\n" }
        var rows = ""
        for d in a.funding {
            let status = d.status == .approved ? HTML.badge("Approved", kind: "green") : HTML.badge("Held", kind: "amber")
            rows += "<tr><td>\(d.requestIndex + 1)</td><td>\(HTML.escape(d.intervention))</td><td>\(d.requested.display)</td><td>\(d.approved.display)</td><td>\(status)</td><td>\(HTML.escape(d.note))</td></tr>\n"
        }
        return """
            <h2>Pupil Premium Plus</h2>
            <table><tr><th>#</th><th>Intervention</th><th>Requested</th><th>Approved</th><th>Decision</th><th>Reason</th></tr>
            \(rows)</table>

            """
    }

    static func sections(_ a: Assessment) -> String {
        var out = "<h2>Criteria by section</h2>\n"
        var seen = Set<String>()
        let order = a.sections.map(\.section) + a.results.map(\.section)
        for id in order where seen.insert(id).inserted {
            let results = a.results.filter { $0.section == id }
            guard !results.isEmpty else { continue }
            let rating = a.sections.first { $0.section == id }
            let title = rating?.title ?? id
            let badge = rating.map { HTML.badge($0.rating.label, kind: $0.rating.rawValue) } ?? ""
            let excluded = rating?.excludedFromOverall == true ? " <span class=\"muted\">(not counted in the overall rating)</span>" : ""
            out += "<h3>\(HTML.escape(title)) \(badge)\(excluded)</h3>\n<table><tr><th>ID</th><th>Criterion</th><th>Result</th><th>Evidence</th></tr>\n"
            for r in results { out += row(r) }
            out += "</table>\n"
        }
        return out
    }

    static func row(_ r: CriterionResult) -> String {
        let outcome: String
        switch r.outcome {
        case .pass: outcome = "<span class=\"pass\">Pass</span>"
        case .fail: outcome = "<span class=\"fail\">Fail</span> <span class=\"muted\">(\(r.severity.rawValue))</span>"
        case .notApplicable: outcome = "<span class=\"muted\">n/a</span>"
        }
        let evidence = r.evidence.map { e in
            var parts = [HTML.escape(e.note)]
            if let p = e.path { parts.append("<code>\(HTML.escape(p.rawValue))</code>") }
            if let s = e.source { parts.append("<span class=\"muted\">\(HTML.escape(s.location))</span>") }
            return parts.joined(separator: " ")
        }.joined(separator: "<br>")
        let feedback = r.feedback.map { "<div class=\"feedback\">Feedback to school: \(HTML.escape($0))</div>" } ?? ""
        return "<tr><td class=\"id\">\(HTML.escape(r.id))</td><td>\(HTML.escape(r.title))\(feedback)</td><td>\(outcome)</td><td class=\"evidence\">\(evidence)</td></tr>\n"
    }

    static func coverage(_ a: Assessment) -> String {
        guard !a.missingFields.isEmpty || !a.unmapped.isEmpty || !a.issues.isEmpty else { return "" }
        var out = "<h2>Reading the document</h2>\n"
        if !a.missingFields.isEmpty {
            out += "<h3>Required fields not found in the document</h3><p class=\"muted\">The form had no place for these: a template mismatch rather than a gap the school left.</p><p>"
            out += a.missingFields.map { "<code>\(HTML.escape($0.rawValue))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        if !a.unmapped.isEmpty {
            out += "<h3>Labelled content not mapped to a field</h3><table><tr><th>Label</th><th>Where</th></tr>\n"
            for u in a.unmapped { out += "<tr><td>\(HTML.escape(u.label))</td><td>\(HTML.escape(u.source.location))</td></tr>\n" }
            out += "</table>\n"
        }
        if !a.issues.isEmpty {
            out += "<h3>Values that could not be read</h3><table><tr><th>Field</th><th>Problem</th><th>Where</th></tr>\n"
            for i in a.issues {
                out += "<tr><td><code>\(HTML.escape(i.path.rawValue))</code></td><td>\(HTML.escape(i.message))</td><td>\(HTML.escape(i.source?.location ?? ""))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }
}
