import Foundation
import PEPFiles
import PEPModel

/// Turns a rated PEP into the two feedback e-mails: one to the Designated Teacher, one to the
/// social worker, worded by the templates in `Rules/feedback/`.
///
/// The social worker's copy is rendered from a context that holds no PP+ keys at all, so no
/// template edit can put amounts in it: a template asking for them fails at start-up.
package struct FeedbackComposer: Sendable {
    package let settings: FeedbackSettings
    let from: EmailAddress
    let replyTo: EmailAddress?
    let subject: TemplateRenderer
    let designatedTeacher: TemplateRenderer
    let socialWorker: TemplateRenderer

    /// One composed message and the file name it goes under in `outbox/`.
    package struct Output: Sendable, Hashable {
        package var fileName: String
        package var message: EmailMessage
    }

    /// Parses the templates and checks them against a sample context, so a broken template is
    /// reported when the service starts, not halfway through a batch.
    /// - Throws: `TemplateError` (template name and line), or `FeedbackComposer.SettingsError`.
    package init(settings: FeedbackSettings) throws {
        self.settings = settings
        guard let from = EmailAddress(parsing: settings.from) else { throw SettingsError(key: "from") }
        self.from = from
        if settings.replyTo.isEmpty {
            replyTo = nil
        } else {
            guard let r = EmailAddress(parsing: settings.replyTo) else { throw SettingsError(key: "reply_to") }
            replyTo = r
        }
        subject = try TemplateRenderer(name: "settings.yaml subject", source: settings.subject)
        designatedTeacher = try TemplateRenderer(name: "designated-teacher.txt", source: settings.designatedTeacherTemplate)
        socialWorker = try TemplateRenderer(name: "social-worker.txt", source: settings.socialWorkerTemplate)
        let probe = Self.sample
        _ = try subject.render(Self.sharedContext(probe, recipientName: ""))
        _ = try designatedTeacher.render(Self.designatedTeacherContext(probe))
        _ = try socialWorker.render(Self.sharedContext(probe, recipientName: ""))
    }

    package struct SettingsError: Error, CustomStringConvertible {
        package var key: String
        package var description: String { "feedback/settings.yaml: `\(key)` is not a single e-mail address" }
    }

    /// The messages for one PEP: the DT's and the SW's, each only when its address is known.
    package func compose(_ input: FeedbackInput) throws -> [Output] {
        let subjectLine = try subject.render(Self.sharedContext(input, recipientName: "")).trimmed
        var outputs: [Output] = []
        if let dt = input.designatedTeacher {
            let body = try designatedTeacher.render(Self.designatedTeacherContext(input))
            outputs.append(output(input, to: dt, kind: "dt", subject: subjectLine, body: body))
        }
        if let sw = input.socialWorker {
            let body = try socialWorker.render(Self.sharedContext(input, recipientName: sw.name))
            outputs.append(output(input, to: sw, kind: "sw", subject: subjectLine, body: body))
        }
        return outputs
    }

    func output(_ input: FeedbackInput, to recipient: EmailAddress, kind: String, subject: String, body: String) -> Output {
        let message = EmailMessage(
            date: input.sentAt, from: from, to: [recipient], replyTo: replyTo, subject: subject, body: body,
            idSeed: "feedback-\(kind)-\(input.reportStem)", messageIDDomain: settings.messageIDDomain)
        return Output(fileName: "\(input.reportStem)-\(kind).eml", message: message)
    }

    /// The keys both readers get: the PEP, its ratings and its failed criteria. No money.
    static func sharedContext(_ input: FeedbackInput, recipientName: String) -> [String: TemplateValue] {
        let quality = input.assessable ? input.quality.label : "Could not assess"
        return [
            "recipient_name": .text(recipientName.isEmpty ? "colleague" : recipientName),
            "child_id": .text(input.childID),
            "child_first_name": .text(input.childFirstName.isEmpty ? "the child" : input.childFirstName),
            "school_name": .text(input.schoolName.isEmpty ? "the school" : input.schoolName),
            "term": .text(input.term?.rawValue.capitalized ?? "Term not given"),
            "academic_year": .text(input.academicYear),
            "pep_type": .text(input.pepType.map { $0 == .initial ? "initial PEP" : "PEP review" } ?? "PEP"),
            "meeting_date": .text(input.meetingDate.map(Self.longDate) ?? "not given"),
            "received_date": .text(Self.longDate(input.receivedOn)),
            "assessable": .flag(input.assessable),
            "quality": .text(quality),
            "compliance": .text(input.compliance.label),
            "report_name": .text(input.reportStem),
            "failed": .list(
                input.failed.map {
                    [
                        "id": .text($0.id), "title": .text($0.title), "severity": .text($0.severity.rawValue),
                        "feedback": .text($0.feedback),
                    ]
                }),
        ]
    }

    /// The shared keys plus PP+: the DT's copy.
    static func designatedTeacherContext(_ input: FeedbackInput) -> [String: TemplateValue] {
        var context = sharedContext(input, recipientName: input.designatedTeacher?.name ?? "")
        let requested = input.funding.reduce(Pence.zero) { $0 + $1.requested }
        let approved = input.funding.reduce(Pence.zero) { $0 + $1.approved }
        context["ppplus"] = .list(
            input.funding.map {
                [
                    "number": .text(String($0.requestIndex + 1)), "intervention": .text($0.intervention),
                    "requested": .text($0.requested.display), "approved": .text($0.approved.display),
                    "decision": .text($0.status == .approved ? "approved" : "held"), "note": .text($0.note),
                ]
            })
        context["pp_requested"] = .text(requested.display)
        context["pp_approved"] = .text(approved.display)
        context["pp_held"] = .text((requested - approved).display)
        return context
    }

    /// `3 November 2025`.
    static func longDate(_ d: CalendarDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December",
        ]
        return "\(d.day) \(months[(d.month - 1) % 12]) \(d.year)"
    }

    /// A made-up input with one of everything, to check templates at start-up.
    static var sample: FeedbackInput {
        FeedbackInput(
            childID: "X", childFirstName: "X", schoolName: "X", term: .autumn, academicYear: "2025/26", pepType: .review,
            meetingDate: CalendarDate(dayNumber: 0), receivedOn: CalendarDate(dayNumber: 0), assessable: true, quality: .amber,
            compliance: .green, failed: [.init(id: "X", title: "X", severity: .major, feedback: "X")],
            funding: [.init(requestIndex: 0, intervention: "X", requested: 1, approved: 1, status: .approved, note: "X")],
            designatedTeacher: EmailAddress(address: "x@example.org"), socialWorker: EmailAddress(address: "x@example.org"),
            reportStem: "X", sentAt: Date(timeIntervalSince1970: 0))
    }
}
