import Hummingbird
import PEPLedger

/// The request context of the workbench: the signed-in session, once the session middleware
/// has found one.
package struct WebRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The signed-in session (user and CSRF token), or nil.
    package var session: WebSession?
    /// The hash of the session cookie's token (to sign out).
    var sessionTokenHash: String?
    /// The submitted form of a POST, read once by the CSRF middleware.
    var form: FormData?

    package init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The signed-in user; routes behind `LoginMiddleware` always have one.
    func requireUser() throws -> AppUser {
        guard let user = session?.user else { throw HTTPError(.unauthorized) }
        return user
    }
}
