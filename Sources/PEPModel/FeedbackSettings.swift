/// Who feedback e-mails come from and how they are addressed (`Rules/feedback/settings.yaml`).
public struct FeedbackSettings: Sendable, Hashable, Codable {
    /// `From:`, e.g. `Virtual School PEP Team <pep-team@example.gov.uk>`.
    public var from: String
    /// `Reply-To:`, when replies go elsewhere; empty for none.
    public var replyTo: String
    /// The subject line template; the same placeholders as the body (no names: subjects are logged).
    public var subject: String
    /// The right-hand side of generated Message-IDs.
    public var messageIDDomain: String

    public init(from: String, replyTo: String = "", subject: String, messageIDDomain: String) {
        self.from = from
        self.replyTo = replyTo
        self.subject = subject
        self.messageIDDomain = messageIDDomain
    }
}
