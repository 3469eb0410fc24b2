import PEPLedger

/// What the layout needs on every page: title, who is signed in, the CSRF token for forms,
/// the navigation they may use, and a notification banner after an action.
struct PageChrome {
    var title: String
    var userName: String?
    var roleLabel: String?
    var csrf: String?
    var showWorklist = false
    var showUsers = false
    var showPPPlus = false
    var showFinance = false
    var banner: String?

    init(title: String, session: WebSession?, banner: String? = nil) {
        self.title = title
        userName = session?.user.name
        roleLabel = session.map { RolePolicy.label($0.user.role) }
        csrf = session?.csrfToken
        if let role = session?.user.role {
            showWorklist = RolePolicy.canView.contains(role)
            showUsers = RolePolicy.canManageUsers.contains(role)
            showPPPlus = RolePolicy.canViewPPPlus.contains(role)
            showFinance = RolePolicy.canRunFinance.contains(role)
        }
        self.banner = banner
    }
}

/// Who may do what: the one table the routes are guarded by (and the README shows).
enum RolePolicy {
    /// The worklist, review pages and originals.
    static let canView: Set<UserRole> = [.coordinator, .vsh, .admin]
    /// Overrides, clarifications, completing QA, acting on rejected documents.
    static let canReview: Set<UserRole> = [.coordinator]
    /// A child's page (ratings, decisions, PP+ decided and paid).
    static let canViewChild: Set<UserRole> = [.coordinator, .vsh, .finance, .admin]
    /// The list of users.
    static let canManageUsers: Set<UserRole> = [.admin]
    /// The PP+ requests with the machine's recommendation and the VSH's decisions.
    static let canViewPPPlus: Set<UserRole> = [.vsh, .finance]
    /// Approving, part-approving, holding or declining PP+: the Virtual School Head's alone.
    static let canDecidePPPlus: Set<UserRole> = [.vsh]
    /// The finance page: preparing runs (and authorising, for the roles `finance.yaml` names).
    static let canRunFinance: Set<UserRole> = [.vsh, .finance]

    static func label(_ role: UserRole) -> String {
        switch role {
        case .coordinator: return "PEP coordinator"
        case .vsh: return "Virtual School Head"
        case .finance: return "Finance"
        case .admin: return "Administrator"
        }
    }

    /// Where a role lands after signing in.
    static func home(_ role: UserRole) -> String {
        canView.contains(role) ? "/" : "/children"
    }
}
