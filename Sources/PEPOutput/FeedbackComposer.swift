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
    let subject: MailTemplate
    let designatedTeacher: MailTemplate
    let socialWorker: MailTemplate

    /// One composed message and the file name it goes under in `outbox/`.
    package struct Output: Sendable, Hashable {
        package var fileName: String
        package var message: EmailMessage
    }

    /// Parses the templates and checks their keys against a sample context, so a broken
    /// template is reported when the service starts (and by `pepqa rules check`), not halfway
    /// through a batch.
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
        let shared = Self.sharedContext(Self.sample, recipientName: "")
        subject = try MailTemplate(name: "settings.yaml subject", source: settings.subject, sample: shared)
        designatedTeacher = try MailTemplate(
            name: "designated-teacher.mustache", source: settings.designatedTeacherTemplate,
            sample: Self.designatedTeacherContext(Self.sample))
        socialWorker = try MailTemplate(name: "social-worker.mustache", source: settings.socialWorkerTemplate, sample: shared)
    }

    package struct SettingsError: Error, CustomStringConvertible {
        package var key: String
        package var description: String { "feedback/settings.yaml: `\(key)` is not a single e-mail address" }
    }

    /// The messages for one PEP: the DT's and the SW's, each only when its address is known.
    package func compose(_ input: FeedbackInput) throws -> [Output] {
        let subjectLine = subject.render(Self.sharedContext(input, recipientName: "")).trimmed
        var outputs: [Output] = []
        if let dt = input.designatedTeacher {
            let body = designatedTeacher.render(Self.designatedTeacherContext(input))
            outputs.append(output(input, to: dt, kind: "dt", subject: subjectLine, body: body))
        }
        if let sw = input.socialWorker {
            let body = socialWorker.render(
                Self.sharedContext(input, recipientName: sw.name, pepAddress: input.socialWorkerPEPAddress))
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
    /// `pepAddress`: the recipient's address as the PEP gave it, when the register's was used.
    static func sharedContext(_ input: FeedbackInput, recipientName: String, pepAddress: String? = nil) -> [String: Any] {
        let quality = input.assessable ? input.quality.label : "Could not assess"
        let failed: [[String: Any]] = input.failed.map {
            ["id": $0.id, "title": $0.title, "severity": $0.severity.rawValue, "feedback": $0.feedback]
        }
        return [
            "recipient_name": recipientName.isEmpty ? "colleague" : recipientName,
            "child_id": input.childID,
            "child_first_name": input.childFirstName.isEmpty ? "the child" : input.childFirstName,
            "school_name": input.schoolName.isEmpty ? "the school" : input.schoolName,
            "term": input.term?.rawValue.capitalized ?? "Term not given",
            "academic_year": input.academicYear,
            "pep_type": input.pepType.map { $0 == .initial ? "initial PEP" : "PEP review" } ?? "PEP",
            "meeting_date": input.meetingDate?.long ?? "not given",
            "received_date": input.receivedOn.long,
            "assessable": input.assessable,
            "quality": quality,
            "compliance": input.compliance.label,
            "report_name": input.reportStem,
            // A list opens a block once per item; these say whether there is any.
            "has_failed": !failed.isEmpty,
            "failed": failed,
            "address_replaced": pepAddress != nil,
            "pep_address": pepAddress ?? "",
        ]
    }

    /// The shared keys plus PP+: the DT's copy.
    static func designatedTeacherContext(_ input: FeedbackInput) -> [String: Any] {
        var context = sharedContext(
            input, recipientName: input.designatedTeacher?.name ?? "", pepAddress: input.designatedTeacherPEPAddress)
        let requested = input.funding.reduce(Pence.zero) { $0 + $1.requested }
        let approved = input.funding.reduce(Pence.zero) { $0 + $1.approved }
        let ppplus: [[String: Any]] = input.funding.map {
            [
                "number": String($0.requestIndex + 1), "intervention": $0.intervention,
                "requested": $0.requested.display, "approved": $0.approved.display,
                "decision": $0.status == .approved ? "approved" : "held", "note": $0.note,
            ]
        }
        context["has_ppplus"] = !ppplus.isEmpty
        context["ppplus"] = ppplus
        context["pp_requested"] = requested.display
        context["pp_approved"] = approved.display
        context["pp_held"] = (requested - approved).display
        return context
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
