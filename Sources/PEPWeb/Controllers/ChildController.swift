import Foundation
import Hummingbird
import PEPLedger

/// One child's PEPs across terms: ratings (machine and confirmed), decisions, clarifications,
/// PP+ decided and paid, and the trend of attendance and attainment.
struct ChildController {
    let ledger: Ledger
    let renderer: PageRenderer

    struct Row {
        var submissionID: Int64
        var term: String
        var received: String
        var superseded: Bool
        var machineQuality: RatingTag
        var machineCompliance: RatingTag
        var confirmedQuality: RatingTag?
        var confirmedCompliance: RatingTag?
        var confirmedBy: String?
        var overrides: Int
        var clarifications: Int
        var attendance: String
        var attainment: [String]
        var requested: String
        var approved: String
        var paid: String
    }

    struct View {
        var page: PageChrome
        var childID: String
        var rows: [Row]
        var found: Bool
        var canOpenReview: Bool
        var query: String?
    }

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("/children") { request, context in
            if let id = request.uri.queryParameters["id"], !id.isEmpty {
                let clean = String(id).filter { $0.isLetter || $0.isNumber || $0 == "-" }
                return Response.redirect(to: "/children/\(clean)", type: .normal)
            }
            return try renderer.render(
                "child-search", View(page: PageChrome(title: "Find a child", session: context.session),
                    childID: "", rows: [], found: false, canOpenReview: false, query: nil))
        }
        group.get("/children/:laid") { _, context in try show(context: context) }
    }

    func show(context: WebRequestContext) throws -> Response {
        let user = try context.requireUser()
        let laID = try context.parameters.require("laid")
        let rows = try ledger.reviews.child(laID: laID).map { entry in
            Row(
                submissionID: entry.submissionID, term: Display.term(entry.term, entry.academicYear),
                received: Display.date(entry.receivedAt), superseded: entry.superseded,
                machineQuality: RatingTag(entry.machineQuality), machineCompliance: RatingTag(entry.machineCompliance),
                confirmedQuality: entry.confirmed.map { RatingTag($0.quality) },
                confirmedCompliance: entry.confirmed.map { RatingTag($0.compliance) },
                confirmedBy: entry.confirmed?.officer, overrides: entry.overrides, clarifications: entry.clarifications,
                attendance: entry.attendance.map { "\($0)%" } ?? "not given", attainment: entry.attainment,
                requested: Display.money(entry.requested), approved: Display.money(entry.approved),
                paid: Display.money(entry.paid))
        }
        return try renderer.render(
            "child",
            View(
                page: PageChrome(title: "Child \(laID)", session: context.session), childID: laID, rows: rows,
                found: !rows.isEmpty, canOpenReview: RolePolicy.canView.contains(user.role), query: nil),
            status: rows.isEmpty ? .notFound : .ok)
    }
}
