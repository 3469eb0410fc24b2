import Foundation
import Hummingbird
import PEPLedger
import PEPModel

/// The worklist: PEPs waiting for QA, oldest due first, with filters; and every rejected
/// document with its reason, which a coordinator can requeue, mark "not a PEP", or answer.
struct WorklistController {
    let ledger: Ledger
    let configuration: WebConfiguration
    let renderer: PageRenderer
    let outbox: Outbox
    let quarantine: QuarantineFolder

    struct Row {
        var submissionID: Int64
        var childID: String
        var school: String
        var term: String
        var quality: RatingTag
        var compliance: RatingTag
        var ppPlus: String
        var received: String
        var daysLeft: String
        var overdue: Bool
        var clarification: Bool
    }

    struct Rejected {
        var submissionID: Int64
        var fileName: String
        var received: String
        var reason: String
        var disposition: String?
        var hasSender: Bool
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct View {
        var page: PageChrome
        var rows: [Row]
        var count: Int
        var rejected: [Rejected]
        var setAside: [QuarantineFolder.Entry]
        var canReview: Bool
        var phases: [Option]
        var schools: [Option]
        var terms: [Option]
        var ratings: [Option]
        var mine: Bool
    }

    func addRoutes(view: RouterGroup<WebRequestContext>, review: RouterGroup<WebRequestContext>) {
        view.get("/") { request, context in try show(request, context: context) }
        review.post("/documents/:id/dispose") { request, context in try dispose(request, context: context) }
    }

    static let notices: [String: String] = [
        "completed": "QA completed. The feedback and the case-system record will now go out.",
        "disposed": "Your decision on the document has been recorded.",
        "clarification": "Clarification request sent to the outbox. The PEP waits in clarification.",
    ]

    func show(_ request: Request, context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        let phase = query["phase"].map(String.init) ?? ""
        let school = query["school"].map(String.init) ?? ""
        let term = query["term"].map(String.init) ?? ""
        let rating = query["rating"].map(String.init) ?? ""
        let mine = query["mine"] == "1"
        let all = try ledger.reviews.worklist()
        let now = Date()
        let today = CalendarDate(englandDateOf: now)
        let due = { (entry: WorklistEntry) in
            configuration.qaClock.due(entry.meetingDate ?? CalendarDate(englandDateOf: entry.receivedAt))
        }
        var entries = all.filter { entry in
            (phase.isEmpty || Display.phase(yearGroup: entry.yearGroup) == phase)
                && (school.isEmpty || entry.schoolURN == school)
                && (term.isEmpty || entry.term == term)
                && (rating.isEmpty || entry.quality.rawValue == rating || entry.compliance.rawValue == rating)
                && (!mine || entry.touchedBy.contains(user.id))
        }
        entries.sort { (due($0), $0.receivedAt, $0.submissionID) < (due($1), $1.receivedAt, $1.submissionID) }
        // A coordinator's own phase first, each part oldest due first.
        if let own = user.phase?.rawValue {
            entries = entries.filter { Display.phase(yearGroup: $0.yearGroup) == own }
                + entries.filter { Display.phase(yearGroup: $0.yearGroup) != own }
        }
        let rows = entries.map { entry in
            let days = configuration.qaClock.workingDaysLeft(today, due(entry))
            return Row(
                submissionID: entry.submissionID, childID: entry.childLAID ?? "not given",
                school: entry.schoolName ?? entry.schoolURN ?? "not given",
                term: Display.term(entry.term, entry.academicYear), quality: RatingTag(entry.quality),
                compliance: RatingTag(entry.compliance),
                ppPlus: entry.requested == .zero ? "No" : Display.money(entry.requested),
                received: Display.date(entry.receivedAt),
                daysLeft: days < 0 ? "\(-days) overdue" : "\(days)", overdue: days < 0,
                clarification: entry.state == .clarification)
        }
        let schools = Dictionary(all.compactMap { e in e.schoolURN.map { ($0, e.schoolName ?? $0) } }, uniquingKeysWith: { a, _ in a })
        let rejected = try ledger.reviews.rejected().map {
            Rejected(
                submissionID: $0.submissionID, fileName: $0.fileName, received: Display.date($0.receivedAt),
                reason: $0.reason, disposition: $0.disposition.map(Self.dispositionLabel), hasSender: $0.sender != nil)
        }
        let banner = query["notice"].flatMap { Self.notices[String($0)] }
        return try renderer.render(
            "worklist",
            View(
                page: PageChrome(title: "PEPs waiting for QA", session: context.session, banner: banner),
                rows: rows, count: rows.count, rejected: rejected, setAside: quarantine.unrecorded(),
                canReview: RolePolicy.canReview.contains(user.role),
                phases: [("", "All phases"), ("early-primary", "Early years and primary"), ("secondary", "Secondary")]
                    .map { Option(value: $0.0, label: $0.1, selected: $0.0 == phase) },
                schools: [Option(value: "", label: "All schools", selected: school.isEmpty)]
                    + schools.sorted { $0.value < $1.value }.map { Option(value: $0.key, label: $0.value, selected: $0.key == school) },
                terms: [("", "All terms"), ("autumn", "Autumn"), ("spring", "Spring"), ("summer", "Summer")]
                    .map { Option(value: $0.0, label: $0.1, selected: $0.0 == term) },
                ratings: [("", "Any rating"), ("red", "Red"), ("amber", "Amber"), ("green", "Green")]
                    .map { Option(value: $0.0, label: $0.1, selected: $0.0 == rating) },
                mine: mine))
    }

    static func dispositionLabel(_ action: String) -> String {
        switch action {
        case "requeue": return "Requeued for another read"
        case "not-a-pep": return "Marked not a PEP"
        default: return "Replied to the sender"
        }
    }

    func dispose(_ request: Request, context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id", as: Int64.self)
        let form = context.form ?? FormData("")
        guard let action = form["action"], ["requeue", "not-a-pep", "reply"].contains(action) else {
            throw HTTPError(.badRequest)
        }
        let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if action == "reply" {
            guard !note.isEmpty else { throw HTTPError(.badRequest, message: "A reply needs a message") }
            guard let document = try ledger.reviews.rejected().first(where: { $0.submissionID == id }),
                let sender = document.sender
            else { throw HTTPError(.notFound) }
            try outbox.write(
                name: "reply-\(id)-\(Int(Date().timeIntervalSince1970)).eml", to: sender,
                subject: "About the document you sent to the Virtual School", body: note)
        }
        try ledger.reviews.dispose(submissionID: id, action: action, note: note, by: user, at: Date())
        return .redirect(to: "/?notice=disposed", type: .normal)
    }
}
