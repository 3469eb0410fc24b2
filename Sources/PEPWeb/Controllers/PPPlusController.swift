import Foundation
import Hummingbird
import PEPLedger
import PEPModel

/// The Virtual School Head's PP+ page: each request with the intervention, the target it
/// serves, the amount, the child's approved PP+ this term and financial year against the caps,
/// last term's impact, the machine's recommendation, the QA state and the register's word on
/// eligibility; the VSH approves, part-approves, holds for clarification (a message to the
/// school) or declines, with a reason, one request or many from a filtered list. Finance reads
/// the page; only the VSH decides (`RolePolicy.canDecidePPPlus`, checked on the server, and
/// again by the ledger).
struct PPPlusController {
    let ledger: Ledger
    let configuration: WebConfiguration
    let renderer: PageRenderer
    let outbox: Outbox

    struct Row {
        var id: Int64
        var childID: String
        var school: String
        var term: String
        var intervention: String
        var requested: String
        var target: String
        var impact: String
        var caps: String
        var machine: String
        var qa: String
        var eligibility: String
        var decision: String
        var selectable: Bool
        var attention: Bool
    }

    /// One filter link: "Held (2)", the current one as text.
    struct Filter {
        var value, label: String
        var count: Int
        var current, last: Bool
    }

    struct View {
        var page: PageChrome
        var filters: [Filter]
        var rows: [Row]
        var hasRows: Bool
        var canDecide: Bool
        var error: String?
    }

    static let notices: [String: String] = [
        "decided": "Your PP+ decisions have been recorded. Approved amounts are paid in the next authorised finance run."
    ]

    func addRoutes(view: RouterGroup<WebRequestContext>, decide: RouterGroup<WebRequestContext>) {
        view.get("/ppplus") { request, context in try show(request, context: context) }
        decide.post("/ppplus/decide") { request, context in try decideRequests(request, context: context) }
    }

    /// Which requests a filter shows.
    static let filters: [(value: String, label: String, keep: @Sendable (PPPlusRequest) -> Bool)] = [
        ("undecided", "To decide", { !$0.paid && $0.latest == nil }),
        ("held", "Held", { !$0.paid && $0.latest?.verdict == .hold }),
        ("approved", "Approved, not paid", { !$0.paid && $0.latest?.verdict.approves == true }),
        ("declined", "Declined", { $0.latest?.verdict == .decline }),
        ("paid", "Paid", { $0.paid }),
        ("all", "All", { _ in true }),
    ]

    func show(_ request: Request, context: WebRequestContext, error: String? = nil) throws -> Response {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        let chosen = query["show"].map(String.init).flatMap { value in Self.filters.first { $0.value == value } } ?? Self.filters[0]
        let all = try ledger.ppplus.requests()
        let register = Dictionary(configuration.register().map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        let canDecide = RolePolicy.canDecidePPPlus.contains(user.role)
        let rows = try all.filter(chosen.keep).map { try row($0, register: register, canDecide: canDecide) }
        let banner = query["notice"].flatMap { Self.notices[String($0)] }
        let view = View(
            page: PageChrome(title: error == nil ? "PP+ requests" : "Error: PP+ requests", session: context.session, banner: banner),
            filters: Self.filters.map { f in
                Filter(
                    value: f.value, label: f.label, count: all.filter(f.keep).count, current: f.value == chosen.value,
                    last: f.value == Self.filters.last?.value)
            },
            rows: rows, hasRows: !rows.isEmpty, canDecide: canDecide, error: error)
        return try renderer.render("ppplus", view)
    }

    func row(_ request: PPPlusRequest, register: [String: RosterEntry], canDecide: Bool) throws -> Row {
        let d = request.decision
        let fields = PEPFields(canonicalJSON: request.canonicalJSON)
        let child = d.childLAID ?? "not given"
        var caps = "–"
        if let childID = d.childLAID, let term = d.term, let year = d.academicYear {
            let totals = try ledger.ppplus.approvedTotals(
                childLAID: childID, term: term, academicYear: year, financialYear: d.financialYear)
            caps = "Approved this term \(Display.money(totals.term)) of \(Display.money(configuration.termlyCap)); "
                + "this financial year \(Display.money(totals.year)) of \(Display.money(configuration.yearCap))"
        }
        let eligibility = PPPlusEligibility(
            entry: d.childLAID.flatMap { register[$0] }, schoolURN: d.schoolURN,
            yearGroup: fields.text(at: "child.year_group").flatMap(YearGroup.parse))
        var eligible = eligibility.blockers.joined(separator: "; ")
        if let school = eligibility.registeredSchool {
            eligible += (eligible.isEmpty ? "" : "; ") + "the register has the child at \(school)"
        }
        let decision: String
        if request.paid {
            decision = "Paid (\(Display.money(d.payable ?? d.approved)), reference \(d.reference))"
        } else if let latest = request.latest {
            decision = "\(latest.verdict.label) \(latest.verdict.approves ? Display.money(latest.amount) : "") by \(latest.userName), "
                + "\(Display.date(latest.at)): \(latest.reason)" + (latest.exception ? " (exception to a Red PEP)" : "")
        } else {
            decision = "Not decided"
        }
        return Row(
            id: d.id, childID: child, school: fields.text(at: "school.name") ?? d.schoolURN ?? "not given",
            term: Display.term(d.term?.rawValue, d.academicYear?.description), intervention: d.intervention,
            requested: Display.money(d.requested), target: target(fields, d.requestIndex), impact: fields.text(at: "ppplus.previous_impact") ?? "None given",
            caps: caps,
            machine: d.status == .approved
                ? "Approve \(Display.money(d.approved))" + (d.approved < d.requested ? " (the rest is over the cap)" : "")
                : (d.note.hasPrefix("Held") ? d.note : "Hold: \(d.note)"),
            qa: request.confirmedQuality.map { "Quality \($0.label), compliance \((request.confirmedCompliance ?? $0).label)" } ?? "QA not complete",
            eligibility: eligible.isEmpty ? "Eligible" : eligible, decision: decision,
            selectable: canDecide && !request.paid && request.qaComplete && d.status != .superseded,
            attention: !eligibility.isEligible || eligibility.registeredSchool != nil
                || request.confirmedQuality == .red || request.confirmedCompliance == .red)
    }

    /// "Target 2: Improve inference when reading fiction", from the request's `target_ref`
    /// (`2`, `Target 2`, `T2`), or the reference as written when it names no numbered target.
    func target(_ fields: PEPFields, _ index: Int) -> String {
        guard let ref = fields.item("ppplus.requests", index, "target_ref") else { return "Target not given" }
        let digits = ref.filter(\.isNumber)
        guard !digits.isEmpty, let n = Int(digits), let description = fields.item("targets", n - 1, "description") else {
            return ref.lowercased().hasPrefix("target") ? ref : "Target \(ref)"
        }
        return "Target \(n): \(description)"
    }

    func decideRequests(_ request: Request, context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let form = context.form ?? FormData("")
        let ids = form.values("request").compactMap { Int64($0) }
        guard !ids.isEmpty else { return try show(request, context: context, error: "Select at least one request") }
        guard let verdict = form["verdict"].flatMap(PPPlusVerdict.init(rawValue:)) else {
            return try show(request, context: context, error: "Choose approve, part-approve, hold or decline")
        }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return try show(request, context: context, error: "Give the reason for your decision") }
        var amount = Pence.zero
        if verdict == .partApprove {
            guard ids.count == 1 else { return try show(request, context: context, error: "Part-approve one request at a time") }
            guard let pence = ValueNormaliser.money(form["amount"] ?? "") else {
                return try show(request, context: context, error: "Give the amount to approve, in pounds, for example 200.00")
            }
            amount = pence
        }
        let message = (form["message"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if verdict == .hold && message.isEmpty {
            return try show(request, context: context, error: "Write the message to the school saying what needs clarifying")
        }
        let register = Dictionary(configuration.register().map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        var inputs: [VerdictInput] = []
        var schools: [Int64: String] = [:]
        for id in ids {
            guard let found = try ledger.ppplus.request(decisionID: id) else {
                return try show(request, context: context, error: "Request \(id) does not exist")
            }
            let fields = PEPFields(canonicalJSON: found.canonicalJSON)
            let d = found.decision
            inputs.append(
                VerdictInput(
                    decisionID: id, verdict: verdict, amount: amount, reason: reason, exception: form["exception"] == "yes",
                    schoolAcknowledged: form["acknowledge"] == "yes",
                    eligibility: PPPlusEligibility(
                        entry: d.childLAID.flatMap { register[$0] }, schoolURN: d.schoolURN,
                        yearGroup: fields.text(at: "child.year_group").flatMap(YearGroup.parse))))
            // Like a QA clarification: to the designated teacher the PEP names (the relay's
            // placeholder address when it names none, for a person to route).
            schools[d.submissionID] = fields.text(at: "school.designated_teacher.email") ?? "designated-teacher"
        }
        do {
            try ledger.ppplus.decide(inputs, by: user, at: Date())
        } catch let error as PPPlusError {
            return try show(request, context: context, error: error.description)
        }
        if verdict == .hold {
            for (submission, address) in schools.sorted(by: { $0.key < $1.key }) {
                try outbox.write(
                    name: "ppplus-hold-\(submission)-\(Int(Date().timeIntervalSince1970)).eml", to: address,
                    subject: "PP+ request held: clarification needed (PEP \(submission))", body: message)
            }
        }
        return .redirect(to: "/ppplus?notice=decided", type: .normal)
    }
}
