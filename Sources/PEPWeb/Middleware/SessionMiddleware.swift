import Foundation
import Hummingbird
import PEPLedger

/// Finds the signed-in session from the `pepqa_session` cookie (by its hash in the ledger);
/// an expired or unknown token, or a disabled user, is no session.
struct SessionMiddleware: WebMiddleware {
    static let cookieName = "pepqa_session"
    let ledger: Ledger

    func handle(_ request: Request, context: Context, next: Next) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty {
            let hash = Tokens.hash(token)
            if let session = try ledger.sessions.session(tokenHash: hash, at: Date()) {
                context.session = session
                context.sessionTokenHash = hash
            }
        }
        return try await next(request, context)
    }
}

/// Every route behind it needs a session: without one, the browser is sent to sign in.
struct LoginMiddleware: WebMiddleware {
    let enabled: Bool

    func handle(_ request: Request, context: Context, next: Next) async throws -> Response {
        if enabled && context.session == nil {
            return .redirect(to: "/login", type: .normal)
        }
        return try await next(request, context)
    }
}

/// A POST must carry the session's CSRF token as the form field `csrf`, or it gets 403.
/// It reads the form once and hands it on in the context.
struct CSRFMiddleware: WebMiddleware {
    let enabled: Bool

    func handle(_ request: Request, context: Context, next: Next) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        let form = try await FormData.read(request)
        context.form = form
        if enabled {
            guard let expected = context.session?.csrfToken, let sent = form["csrf"], Tokens.equal(sent, expected)
            else { throw HTTPError(.forbidden) }
        }
        return try await next(request, context)
    }
}

/// Only the given roles pass; anyone else gets 403, whatever the page showed them.
struct RoleMiddleware: WebMiddleware {
    let allowed: Set<UserRole>
    let enabled: Bool

    func handle(_ request: Request, context: Context, next: Next) async throws -> Response {
        if enabled {
            guard let role = context.session?.user.role, allowed.contains(role) else { throw HTTPError(.forbidden) }
        }
        return try await next(request, context)
    }
}
