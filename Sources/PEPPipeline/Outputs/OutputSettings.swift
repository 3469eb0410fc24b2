import Foundation
import PEPModel
import PEPOutput
import PEPRules

/// The output configuration from the rules folder, loaded and checked once with the rules:
/// `feedback/` (settings and the two templates), `exports/eclipse.yaml`, `finance.yaml` and
/// `notices/payment.mustache`, `exports/journal.yaml` and `exports/payments.yaml`.
///
/// A file that is absent switches its output off (a rules folder made only for rating, as in
/// tests); a file that is present but broken stops the program at start-up, with `file:line`,
/// like a broken rule file: a typo must never silently change what is sent or paid.
struct OutputSettings: Sendable {
    /// Nil: `feedback/settings.yaml` is absent, no feedback is written.
    let feedback: FeedbackComposer?
    /// Nil: `exports/eclipse.yaml` is absent, no export batch is made.
    let eclipse: EclipseExporter?
    /// Nil: `finance.yaml` is absent, `finance close` refuses to run. (A run already recorded
    /// is rendered with the settings it was closed with, kept in the ledger.)
    let finance: FinanceSettings?

    static let feedbackFolder = "feedback"
    static let eclipseFile = "exports/eclipse.yaml"
    static let financeFile = "finance.yaml"
    /// The journal and payment batch layouts (optional: without them, the standard layouts).
    static let journalLayoutFile = "exports/journal.yaml"
    static let paymentsLayoutFile = "exports/payments.yaml"
    /// The payment notice's wording (optional: without it, the built-in wording).
    static let noticeFile = "notices/payment.mustache"

    static func load(rulesDirectory: URL) throws -> OutputSettings {
        let feedbackFolder = rulesDirectory.appendingPathComponent(Self.feedbackFolder)
        let eclipseURL = rulesDirectory.appendingPathComponent(eclipseFile)
        let financeURL = rulesDirectory.appendingPathComponent(financeFile)
        func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
        let feedback =
            try exists(feedbackFolder.appendingPathComponent("settings.yaml"))
            ? FeedbackComposer(settings: OutputConfigLoader.feedback(folder: feedbackFolder)) : nil
        let eclipse = try exists(eclipseURL) ? EclipseExporter(format: OutputConfigLoader.eclipse(contentsOf: eclipseURL)) : nil
        var finance = try exists(financeURL) ? OutputConfigLoader.finance(contentsOf: financeURL) : nil
        let noticeURL = rulesDirectory.appendingPathComponent(noticeFile)
        if finance != nil, exists(noticeURL) { finance?.noticeTemplate = try OutputConfigLoader.read(noticeURL) }
        let journalURL = rulesDirectory.appendingPathComponent(journalLayoutFile)
        let paymentsURL = rulesDirectory.appendingPathComponent(paymentsLayoutFile)
        if finance != nil, exists(journalURL) {
            finance?.journalLayout = try OutputConfigLoader.financeLayout(.journal, contentsOf: journalURL)
        }
        if finance != nil, exists(paymentsURL) {
            finance?.paymentsLayout = try OutputConfigLoader.financeLayout(.payments, contentsOf: paymentsURL)
        }
        if let finance { _ = try PaymentNoticeComposer(settings: finance) }  // checks `notices.from` and the wording now
        return OutputSettings(feedback: feedback, eclipse: eclipse, finance: finance)
    }
}

/// Where each output goes under the output folder, and for whom.
struct OutputFolders: Sendable {
    let root: URL

    /// Per-PEP QA reports (HTML + JSON), for coordinators.
    var reports: URL { root.appendingPathComponent("reports") }
    /// The coordinators' dashboard.
    var dashboard: URL { root.appendingPathComponent("dashboard") }
    /// E-mails for the council's mail relay, which takes `*.eml` and removes them.
    var outbox: URL { root.appendingPathComponent("outbox") }
    /// Eclipse/ICS export batches, for admin.
    var exports: URL { root.appendingPathComponent("exports") }
    /// The tracker (one state per child per term), initial PEPs and the statistics, as CSV.
    var tracker: URL { root.appendingPathComponent("tracker") }
    /// Journal, payment batch, remittance, held and reconciliation files, for finance.
    var finance: URL { root.appendingPathComponent("finance") }

    /// Where a finance file goes: cheque/BACS batches, remittances and recoveries to the Admin team's
    /// folder, the rest (journal, held, reconciliation) to the Finance team's, as `finance.yaml`
    /// says (`folders`), relative to the output folder unless absolute.
    func financeFolder(for fileName: String, settings: FinanceSettings) -> URL {
        func resolve(_ path: String?) -> URL? {
            guard let path, !path.isEmpty else { return nil }
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        let financeTeam = resolve(settings.financeFolder) ?? finance
        let forAdmin = ["payments-", "remittance-", "recoveries-"].contains { fileName.hasPrefix($0) }
        return forAdmin ? (resolve(settings.adminFolder) ?? financeTeam) : financeTeam
    }

    /// The dashboard index as seen from the finance folder's HTML pages.
    static let dashboardFromFinance = "../dashboard/index.html"
    /// The reports folder as seen from the dashboard's pages.
    static let reportsFromDashboard = "../reports/"
}
