import Hummingbird
import PEPLedger

/// The list of people (administrators only). People are added and disabled with
/// `pepqa users`, on the server, so no password ever crosses a web form but the sign-in.
struct UsersController {
    let ledger: Ledger
    let renderer: PageRenderer

    struct Row {
        var name, role: String
        var phase: String?
        var disabled: Bool
        var added: String
    }

    struct View {
        var page: PageChrome
        var users: [Row]
    }

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("/users") { _, context in
            let rows = try ledger.users.all().map {
                Row(name: $0.name, role: RolePolicy.label($0.role), phase: $0.phase?.rawValue, disabled: $0.disabled,
                    added: Display.date($0.createdAt))
            }
            return try renderer.render("users", View(page: PageChrome(title: "Users", session: context.session), users: rows))
        }
    }
}
