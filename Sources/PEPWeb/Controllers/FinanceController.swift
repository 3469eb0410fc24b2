import Foundation
import Hummingbird
import PEPLedger
import PEPModel

/// The finance page (`/finance`, finance and VSH): prepare a PP+ run (what would be paid, to
/// whom, by which route, the held items and the reconciliation; nothing is written), and
/// authorise a prepared one as a second person with the authority, which writes the files. The
/// same `FinanceCloser` as `pepqa finance close` and `authorise`, handed in by `pepqa serve`.
/// A payment made in error is reversed here too (as by `pepqa finance reverse`): the ledger
/// records it with the reason and the person, and the next run credits it.
struct FinanceController {
    let ledger: Ledger
    let configuration: WebConfiguration
    let renderer: PageRenderer

    struct Proposal {
        var id: Int64
        var preparedBy, preparedAt: String
        var summary: [String]
        var authorised: String?
        var canAuthorise: Bool
    }

    struct View {
        var page: PageChrome
        var available, hasProposals, hasResult: Bool
        var proposals: [Proposal]
        var result: [String]
        var error: String?
        var reversals: [String]
        var hasReversals: Bool
        /// What was typed, shown again with an error.
        var reference = "", amount = "", reason = ""
    }

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("/finance") { _, context in try show(context: context) }
        group.post("/finance/prepare") { _, context in try prepare(context: context) }
        group.post("/finance/proposals/:id/authorise") { _, context in try authorise(context: context) }
        group.post("/finance/reverse") { _, context in try reverse(context: context) }
    }

    func show(context: WebRequestContext, result: [String] = [], error: String? = nil, typed: FormData? = nil) throws -> Response {
        let user = try context.requireUser()
        let mayAuthorise = configuration.finance?.authorisers.contains(user.role) ?? false
        let proposals = try ledger.financeRuns.proposals().prefix(20).map { p in
            Proposal(
                id: p.id, preparedBy: p.preparedBy, preparedAt: Display.dateTime(p.preparedAt),
                summary: p.summary.split(separator: "\n").map(String.init),
                authorised: p.authorisedBy.map { "Authorised by \($0)" },
                canAuthorise: p.runID == nil && mayAuthorise && p.preparedBy != user.name)
        }
        let reversals = try ledger.reversals.pending().map { r in
            "\(r.amount.display) from URN \(r.decision.schoolURN ?? "?") for \(r.decision.reference) (\(r.route == .journal ? "journal" : "cheque/BACS"))"
        }
        var view = View(
            page: PageChrome(title: error == nil ? "PP+ finance runs" : "Error: PP+ finance runs", session: context.session),
            available: configuration.finance != nil, hasProposals: !proposals.isEmpty, hasResult: !result.isEmpty,
            proposals: Array(proposals), result: result, error: error, reversals: reversals, hasReversals: !reversals.isEmpty)
        if let typed { (view.reference, view.amount, view.reason) = (typed["reference"] ?? "", typed["amount"] ?? "", typed["reason"] ?? "") }
        return try renderer.render("finance", view)
    }

    /// Records a reversal; the ledger checks the person, the reason, that the request was paid
    /// and not reversed before, and the amount.
    func reverse(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let form = context.form ?? FormData("")
        let reference = (form["reference"] ?? "").trimmingCharacters(in: .whitespaces)
        let amountText = (form["amount"] ?? "").trimmingCharacters(in: .whitespaces)
        var amount: Pence?
        if !amountText.isEmpty {
            guard let pence = ValueNormaliser.money(amountText) else {
                return try show(context: context, error: "Enter the amount to reverse in pounds, such as 150.00, or leave it empty", typed: form)
            }
            amount = pence
        }
        do {
            let r = try ledger.reversals.reverse(reference: reference, amount: amount, reason: form["reason"] ?? "", by: user, at: Date())
            return try show(
                context: context,
                result: ["Reversal of \(reference.uppercased()) recorded by \(user.name): \(r.amount.display), credited by the next finance run."])
        } catch let error as ReversalError {
            return try show(context: context, error: "Reversal not recorded: \(error)", typed: form)
        }
    }

    func prepare(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        guard let finance = configuration.finance else { throw HTTPError(.serviceUnavailable) }
        do {
            return try show(context: context, result: try finance.prepare(user.name, Date()).lines)
        } catch {
            return try show(context: context, error: "\(error)")
        }
    }

    func authorise(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        guard let finance = configuration.finance else { throw HTTPError(.serviceUnavailable) }
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            return try show(context: context, result: try finance.authorise(id, user, Date()))
        } catch {
            return try show(context: context, error: "\(error)")
        }
    }
}
