import Foundation
import Hummingbird
import HummingbirdBcrypt
import PEPLedger

/// Signing in and out. `POST /login` takes `username` and `password`; a failed attempt is
/// slowed, and after `lockoutThreshold` failures within the window the name is locked (the
/// same answer whether or not the name exists, so the lock reveals nothing).
struct AuthController {
    static let loginCookie = "pepqa_login"
    /// A real bcrypt hash to check against when the name is unknown, so timing is the same.
    static let dummyHash = "$2b$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5nLLMX5RQ6ej2Zvx4D7iNcG"

    let ledger: Ledger
    let configuration: WebConfiguration
    let renderer: PageRenderer

    struct LoginView {
        var page: PageChrome
        var loginToken: String
        var error: String?
        var username: String?
    }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/login") { request, context in try showLogin(context: context) }
        router.post("/login") { request, context in try await login(request, context: context) }
    }

    func addSignedInRoutes(to group: RouterGroup<WebRequestContext>) {
        group.post("/logout") { _, context in try logout(context: context) }
    }

    func showLogin(context: WebRequestContext, error: String? = nil, username: String? = nil,
        status: HTTPResponse.Status = .ok) throws -> Response
    {
        if let session = context.session, error == nil {
            return .redirect(to: RolePolicy.home(session.user.role), type: .normal)
        }
        let token = Tokens.random()
        var response = try renderer.render(
            "login",
            LoginView(
                page: PageChrome(title: error == nil ? "Sign in" : "Error: Sign in", session: nil),
                loginToken: token, error: error, username: username),
            status: status)
        response.setCookie(
            Cookie(
                name: Self.loginCookie, value: token, path: "/login", secure: configuration.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, context: WebRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        if configuration.protections.contains(.csrf) {
            guard let cookie = request.cookies[Self.loginCookie]?.value, let sent = form["csrf"], Tokens.equal(cookie, sent)
            else { throw HTTPError(.forbidden) }
        }
        let name = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let now = Date()
        if configuration.protections.contains(.lockout),
            try ledger.users.loginFailures(name: name, since: now.addingTimeInterval(-configuration.lockoutWindow))
                >= configuration.lockoutThreshold
        {
            try ledger.users.recordLoginFailure(name: name, at: now)
            try await Task.sleep(for: configuration.failedLoginDelay)
            return try showLogin(
                context: context,
                error: "Too many failed attempts. Sign-in for this name is locked for a while: try again later.",
                username: name, status: .tooManyRequests)
        }
        let found = try ledger.users.credentials(name: name)
        let matches = Bcrypt.verify(password, hash: found?.passwordHash ?? Self.dummyHash)
        guard let user = found?.user, matches, !user.disabled else {
            try ledger.users.recordLoginFailure(name: name, at: now)
            if configuration.protections.contains(.lockout) {
                try await Task.sleep(for: configuration.failedLoginDelay)
            }
            return try showLogin(
                context: context, error: "The user name or password is not right.", username: name,
                status: .unauthorized)
        }
        try ledger.users.clearLoginFailures(name: name)
        let token = Tokens.random()
        try ledger.sessions.start(
            tokenHash: Tokens.hash(token), csrfToken: Tokens.random(), user: user, at: now,
            expiresAt: now.addingTimeInterval(configuration.sessionLifetime))
        var response = Response.redirect(to: RolePolicy.home(user.role), type: .normal)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: token, maxAge: Int(configuration.sessionLifetime), path: "/",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        response.setCookie(
            Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", secure: configuration.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }

    func logout(context: WebRequestContext) throws -> Response {
        if let hash = context.sessionTokenHash, let user = context.session?.user {
            try ledger.sessions.end(tokenHash: hash, user: user, at: Date())
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
