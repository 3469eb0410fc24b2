/// Who feedback e-mails come from, how they are addressed, and their wording
/// (`Rules/feedback/settings.yaml` and the two body templates beside it).
public struct FeedbackSettings: Sendable, Hashable, Codable {
    /// `From:`, e.g. `Virtual School PEP Team <pep-team@example.gov.uk>`.
    public var from: String
    /// `Reply-To:`, when replies go elsewhere; empty for none.
    public var replyTo: String
    /// The subject line template; the same placeholders as the body (no names: subjects are logged).
    public var subject: String
    /// The right-hand side of generated Message-IDs.
    public var messageIDDomain: String
    /// The body template for the Designated Teacher (Mustache, `designated-teacher.mustache`).
    public var designatedTeacherTemplate: String
    /// The body template for the social worker (`social-worker.mustache`): it gets no payment keys.
    public var socialWorkerTemplate: String

    public init(
        from: String, replyTo: String = "", subject: String, messageIDDomain: String, designatedTeacherTemplate: String,
        socialWorkerTemplate: String
    ) {
        (self.from, self.replyTo, self.subject, self.messageIDDomain, self.designatedTeacherTemplate, self.socialWorkerTemplate) = (
            from, replyTo, subject, messageIDDomain, designatedTeacherTemplate, socialWorkerTemplate
        )
    }
}
