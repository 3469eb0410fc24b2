import Foundation
import Hummingbird
import PEPLedger

/// The finance page (`/finance`, finance and VSH): prepare a PP+ run (what would be paid, to
/// whom, by which route, the held items and the reconciliation; nothing is written), and
/// authorise a prepared one as a second person with the authority, which writes the files. The
/// same `FinanceCloser` as `pepqa finance close` and `authorise`, handed in by `pepqa serve`.
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
    }

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("/finance") { _, context in try show(context: context) }
        group.post("/finance/prepare") { _, context in try prepare(context: context) }
        group.post("/finance/proposals/:id/authorise") { _, context in try authorise(context: context) }
    }

    func show(context: WebRequestContext, result: [String] = [], error: String? = nil) throws -> Response {
        let user = try context.requireUser()
        let mayAuthorise = configuration.finance?.authorisers.contains(user.role) ?? false
        let proposals = try ledger.financeRuns.proposals().prefix(20).map { p in
            Proposal(
                id: p.id, preparedBy: p.preparedBy, preparedAt: Display.dateTime(p.preparedAt),
                summary: p.summary.split(separator: "\n").map(String.init),
                authorised: p.authorisedBy.map { "Authorised by \($0)" },
                canAuthorise: p.runID == nil && mayAuthorise && p.preparedBy != user.name)
        }
        return try renderer.render(
            "finance",
            View(
                page: PageChrome(title: error == nil ? "PP+ finance runs" : "Error: PP+ finance runs", session: context.session),
                available: configuration.finance != nil, hasProposals: !proposals.isEmpty, hasResult: !result.isEmpty,
                proposals: Array(proposals), result: result, error: error))
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
