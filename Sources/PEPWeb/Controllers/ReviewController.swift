import Foundation
import Hummingbird
import PEPLedger
import PEPModel

/// One PEP's review: each criterion with the machine's result, its evidence and what the
/// school wrote; accept or override (with a reason); ask the school for clarification; check
/// the answers and complete QA. Every change is a POST that redirects back (post/redirect/get).
struct ReviewController {
    let ledger: Ledger
    let configuration: WebConfiguration
    let renderer: PageRenderer
    let outbox: Outbox
    let originals: OriginalFiles

    struct EvidenceView {
        var path: String?
        var location: String?
        var note: String
        var wrote: String?
    }

    struct CriterionView {
        var id: String
        var title: String
        var section: String
        var severity: String
        var axis: String
        var machine: String
        var current: String
        var overridden: Bool
        var decidedBy: String?
        var reason: String?
        var evidence: [EvidenceView]
        var hasEvidence: Bool
        var feedback: String?
        var choices: [Choice]
    }

    struct Choice {
        var value: String
        var label: String
        var checked: Bool
        var id: String
        /// The radio group's name (one per form, so each group stands alone).
        var group: String
    }

    struct Fact {
        var key: String
        var value: String
    }

    struct HistoryItem {
        var when: String
        var who: String
        var what: String
        var before: String?
        var after: String?
        var reason: String?
    }

    struct OverallView {
        var axis: String
        var label: String
        var machine: RatingTag
        var current: RatingTag
        var overridden: Bool
        var choices: [Choice]
    }

    struct View {
        var page: PageChrome
        var submissionID: Int64
        var childID: String?
        var facts: [Fact]
        var criteria: [CriterionView]
        var overall: [OverallView]
        var clarifications: [HistoryItem]
        var history: [HistoryItem]
        var canAct: Bool
        var completed: Bool
        var completedBy: String?
        var hasOriginal: Bool
        var error: String?
    }

    /// The check-your-answers page before completing QA.
    struct CheckView {
        var page: PageChrome
        var submissionID: Int64
        var childID: String?
        var quality: RatingTag
        var compliance: RatingTag
        var changes: [HistoryItem]
        var unchanged: Int
    }

    func addRoutes(view: RouterGroup<WebRequestContext>, review: RouterGroup<WebRequestContext>) {
        view.get("/reviews/:id") { _, context in try show(context: context) }
        view.get("/reviews/:id/original") { _, context in try original(context: context) }
        review.post("/reviews/:id/criteria/:criterion") { _, context in try decideCriterion(context: context) }
        review.post("/reviews/:id/overall/:axis") { _, context in try decideOverall(context: context) }
        review.post("/reviews/:id/clarification") { _, context in try clarify(context: context) }
        review.get("/reviews/:id/complete") { _, context in try check(context: context) }
        review.post("/reviews/:id/complete") { _, context in try complete(context: context) }
    }

    /// What the page is made from.
    struct Loaded {
        var rating: StoredRating
        var overrides: [QAOverride]
        var completion: QACompletion?

        /// The standing verdict on each subject: the latest override.
        func standing(_ subject: OverrideSubject) -> QAOverride? {
            overrides.last { $0.subject == subject }
        }

        var quality: Rating {
            completion?.quality ?? standing(.quality).flatMap { Rating(rawValue: $0.humanValue) }
                ?? rating.assessment.quality
        }

        var compliance: Rating {
            completion?.compliance ?? standing(.compliance).flatMap { Rating(rawValue: $0.humanValue) }
                ?? rating.assessment.compliance
        }
    }

    func load(_ context: WebRequestContext) throws -> Loaded {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let rating = try ledger.ratings.latestStoredRating(submissionID: id) else { throw HTTPError(.notFound) }
        return Loaded(
            rating: rating, overrides: try ledger.reviews.overrides(submissionID: id),
            completion: try ledger.reviews.completion(submissionID: id))
    }

    func show(context: WebRequestContext, error: String? = nil) throws -> Response {
        let user = try context.requireUser()
        let loaded = try load(context)
        let rating = loaded.rating
        let fields = PEPFields(canonicalJSON: rating.canonicalJSON)
        let superseded = try ledger.reviews.isSuperseded(submissionID: rating.submissionID)
        let open = loaded.completion == nil && !superseded
        let canAct = open && RolePolicy.canReview.contains(user.role)
        let criteria = rating.assessment.results.map { result in
            let standing = loaded.standing(.criterion(result.id))
            let current = standing?.humanValue ?? result.outcome.rawValue
            return CriterionView(
                id: result.id, title: result.title, section: result.section, severity: result.severity.rawValue,
                axis: result.axis.rawValue, machine: Display.outcome(result.outcome.rawValue),
                current: Display.outcome(current), overridden: standing.map { $0.humanValue != $0.machineValue } ?? false,
                decidedBy: standing?.userName, reason: standing?.reason,
                evidence: result.evidence.map { evidence in
                    EvidenceView(
                        path: evidence.path?.rawValue, location: evidence.source?.location, note: evidence.note,
                        wrote: evidence.path.map { fields.text(at: $0.rawValue) ?? "(nothing written)" })
                },
                hasEvidence: !result.evidence.isEmpty, feedback: result.feedback,
                choices: ["pass", "fail", "n/a"].map { value in
                    Choice(
                        value: value, label: Display.outcome(value), checked: value == current,
                        id: "c-\(result.id)-\(value == "n/a" ? "na" : value)", group: "outcome-\(result.id)")
                })
        }
        let overall = [("quality", "Overall quality", rating.assessment.quality, loaded.quality),
            ("compliance", "Overall compliance", rating.assessment.compliance, loaded.compliance)].map { axis, label, machine, current in
            OverallView(
                axis: axis, label: label, machine: RatingTag(machine), current: RatingTag(current),
                overridden: machine != current,
                choices: Rating.allCases.map { Choice(value: $0.rawValue, label: $0.label, checked: $0 == current, id: "o-\(axis)-\($0.rawValue)", group: "rating-\(axis)") })
        }
        // From the meeting (receipt when the PEP gives none), as the dashboard and tracker count.
        let due = configuration.qaClock.due(
            fields.text(at: "meeting.date").flatMap { CalendarDate(iso: $0) } ?? CalendarDate(englandDateOf: rating.receivedAt))
        let facts = [
            Fact(key: "Child ID", value: fields.text(at: "child.la_id") ?? "not given"),
            Fact(key: "School", value: fields.text(at: "school.name") ?? fields.text(at: "school.urn") ?? "not given"),
            Fact(key: "Term", value: Display.term(fields.text(at: "pep.term"), fields.text(at: "pep.academic_year"))),
            Fact(key: "Year group", value: fields.text(at: "child.year_group") ?? "not given"),
            Fact(key: "Received", value: Display.dateTime(rating.receivedAt) + Self.senderTimes(rating)),
            Fact(key: "QA due", value: due.long),
            Fact(key: "Machine rating", value: "Quality \(rating.assessment.quality.label), compliance \(rating.assessment.compliance.label)"
                + (rating.assessment.assessable ? "" : " (could not assess)")),
            Fact(key: "PP+ requested", value: rating.assessment.totalRequested == .zero ? "No" : Display.money(rating.assessment.totalRequested)),
            Fact(key: "File", value: rating.fileName),
        ]
        let history = try ledger.audit.events(submissionID: rating.submissionID).map(Self.historyItem)
        let clarifications = try ledger.reviews.clarifications(submissionID: rating.submissionID).map {
            HistoryItem(when: Display.dateTime($0.at), who: $0.userName, what: "Clarification asked", reason: $0.message)
        }
        return try renderer.render(
            "review",
            View(
                page: PageChrome(title: error.map { "Error: \($0)" } ?? "Review PEP \(rating.submissionID)", session: context.session),
                submissionID: rating.submissionID, childID: fields.text(at: "child.la_id"), facts: facts,
                criteria: criteria, overall: overall, clarifications: clarifications, history: history, canAct: canAct,
                completed: loaded.completion != nil,
                completedBy: loaded.completion.map { "\($0.officer) on \(Display.dateTime($0.at))" },
                hasOriginal: originals.locate(submissionID: rating.submissionID) != nil, error: error),
            status: error == nil ? .ok : .badRequest)
    }

    /// The sender's own times beside the receipt, as evidence when a school says it sent the PEP
    /// earlier: " (file saved 3 Nov 2025 16:02; e-mail dated ...)", or nothing when neither is known.
    static func senderTimes(_ rating: StoredRating) -> String {
        let times = [
            rating.fileModifiedAt.map { "file saved \(Display.dateTime($0))" },
            rating.sentAt.map { "e-mail dated \(Display.dateTime($0))" },
        ].compactMap { $0 }
        return times.isEmpty ? "" : " (" + times.joined(separator: "; ") + ")"
    }

    static func historyItem(_ event: AuditEvent) -> HistoryItem {
        HistoryItem(
            when: Display.dateTime(event.at), who: event.entry.actor,
            what: "\(event.entry.action.replacingOccurrences(of: "qa.", with: "")) \(event.entry.subject)",
            before: event.entry.before, after: event.entry.after, reason: event.entry.reason)
    }

    func decideCriterion(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let loaded = try load(context)
        let criterion = try context.parameters.require("criterion")
        guard let result = loaded.rating.assessment.results.first(where: { $0.id == criterion }) else {
            throw HTTPError(.notFound)
        }
        let form = context.form ?? FormData("")
        guard let value = form["outcome-\(criterion)"] ?? form["outcome"], ["pass", "fail", "n/a"].contains(value) else {
            throw HTTPError(.badRequest)
        }
        var reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value == result.outcome.rawValue && reason.isEmpty { reason = "Agreed with the machine's result" }
        guard !reason.isEmpty else {
            return try show(context: context, error: "Give a reason for changing criterion \(criterion)")
        }
        try record {
            try ledger.reviews.override(
                submissionID: loaded.rating.submissionID, runID: loaded.rating.runID, subject: .criterion(criterion),
                machineValue: result.outcome.rawValue, humanValue: value, reason: reason, by: user, at: Date())
        }
        return .redirect(to: "/reviews/\(loaded.rating.submissionID)#criterion-\(criterion)", type: .normal)
    }

    func decideOverall(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let loaded = try load(context)
        let axis = try context.parameters.require("axis")
        let subject: OverrideSubject
        let machine: Rating
        switch axis {
        case "quality": (subject, machine) = (.quality, loaded.rating.assessment.quality)
        case "compliance": (subject, machine) = (.compliance, loaded.rating.assessment.compliance)
        default: throw HTTPError(.notFound)
        }
        let form = context.form ?? FormData("")
        guard let value = (form["rating-\(axis)"] ?? form["rating"]).flatMap(Rating.init(rawValue:)) else { throw HTTPError(.badRequest) }
        var reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value == machine && reason.isEmpty { reason = "Agreed with the machine's rating" }
        guard !reason.isEmpty else {
            return try show(context: context, error: "Give a reason for changing the \(axis) rating")
        }
        try record {
            try ledger.reviews.override(
                submissionID: loaded.rating.submissionID, runID: loaded.rating.runID, subject: subject,
                machineValue: machine.rawValue, humanValue: value.rawValue, reason: reason, by: user, at: Date())
        }
        return .redirect(to: "/reviews/\(loaded.rating.submissionID)#overall", type: .normal)
    }

    func clarify(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let loaded = try load(context)
        let message = (context.form?["message"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else {
            return try show(context: context, error: "Write the message to the school")
        }
        let fields = PEPFields(canonicalJSON: loaded.rating.canonicalJSON)
        let id = loaded.rating.submissionID
        let name = "clarification-\(id)-\(Int(Date().timeIntervalSince1970)).eml"
        let recipient = fields.text(at: "school.designated_teacher.email") ?? loaded.rating.sender ?? "designated-teacher"
        try outbox.write(
            name: name, to: recipient,
            subject: "PEP \(fields.text(at: "child.la_id") ?? String(id)): clarification needed", body: message)
        try record {
            try ledger.reviews.requestClarification(
                submissionID: id, message: message, fileName: name, by: user, at: Date())
        }
        return .redirect(to: "/?notice=clarification", type: .normal)
    }

    func check(context: WebRequestContext) throws -> Response {
        let loaded = try load(context)
        guard loaded.completion == nil else { throw HTTPError(.conflict) }
        let standing = Dictionary(loaded.overrides.map { ($0.subject.label, $0) }, uniquingKeysWith: { _, b in b })
        let changes = standing.values.filter { $0.humanValue != $0.machineValue }.sorted { $0.at < $1.at }.map {
            HistoryItem(when: Display.dateTime($0.at), who: $0.userName, what: $0.subject.label,
                before: $0.machineValue, after: $0.humanValue, reason: $0.reason)
        }
        let fields = PEPFields(canonicalJSON: loaded.rating.canonicalJSON)
        return try renderer.render(
            "check",
            CheckView(
                page: PageChrome(title: "Check your answers before completing QA", session: context.session),
                submissionID: loaded.rating.submissionID, childID: fields.text(at: "child.la_id"),
                quality: RatingTag(loaded.quality), compliance: RatingTag(loaded.compliance), changes: changes,
                unchanged: loaded.rating.assessment.results.count - standing.values.filter {
                    if case .criterion = $0.subject { return $0.humanValue != $0.machineValue }
                    return false
                }.count))
    }

    func complete(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let loaded = try load(context)
        try record {
            try ledger.reviews.complete(
                submissionID: loaded.rating.submissionID, runID: loaded.rating.runID, quality: loaded.quality,
                compliance: loaded.compliance, by: user, at: Date())
        }
        return .redirect(to: "/?notice=completed", type: .normal)
    }

    /// Runs a review change, turning the store's refusals into 409 Conflict.
    func record(_ change: () throws -> Void) throws {
        do {
            try change()
        } catch let error as ReviewError {
            throw HTTPError(.conflict, message: error.description)
        }
    }

    func original(context: WebRequestContext) throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let file = originals.locate(submissionID: id), let data = FileManager.default.contents(atPath: file.path)
        else { throw HTTPError(.notFound) }
        let name = file.lastPathComponent.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(name.isEmpty ? "original" : name)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
