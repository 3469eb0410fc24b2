import Foundation
import Hummingbird
import Logging
import PEPLedger

/// Builds the workbench: the one place routes, middleware and roles are put together. `pepqa
/// serve` runs what this returns; the tests call it too (with `app.test(.router)`).
///
/// Middleware, outermost first: security headers (and plain error pages), the access log,
/// the session; then, for every route but `/healthz`, `/static/*` and `/login`: login
/// required, CSRF on every POST, and a role check per group of routes.
package func buildApplication(
    configuration: WebConfiguration, ledger: Ledger, logger: Logger = Logger(label: "pepqa.web")
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, ledger: ledger, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        logger: logger)
}

/// The router alone (what `buildApplication` serves).
package func buildRouter(configuration: WebConfiguration, ledger: Ledger, logger: Logger) async throws
    -> Router<WebRequestContext>
{
    let renderer = try await PageRenderer.load(folder: configuration.templatesDir)
    let protections = configuration.protections
    let outbox = Outbox(folder: URL(fileURLWithPath: configuration.outDir).appendingPathComponent("outbox"))
    let originals = OriginalFiles(
        ledger: ledger,
        folders: [configuration.archiveDir, configuration.quarantineDir].compactMap { $0 }.map { URL(fileURLWithPath: $0) })

    let router = Router(context: WebRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(enabled: protections.contains(.headers)))
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: SessionMiddleware(ledger: ledger))

    router.get("/healthz") { _, _ in "ok" }
    StaticFiles.addRoutes(to: router)
    let auth = AuthController(ledger: ledger, configuration: configuration, renderer: renderer)
    auth.addRoutes(to: router)

    let signedIn = router.group()
        .add(middleware: LoginMiddleware(enabled: protections.contains(.login)))
        .add(middleware: CSRFMiddleware(enabled: protections.contains(.csrf)))
    auth.addSignedInRoutes(to: signedIn)
    let roles = protections.contains(.roles)
    let viewers = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canView, enabled: roles))
    let reviewers = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canReview, enabled: roles))
    let childViewers = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canViewChild, enabled: roles))
    let admins = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canManageUsers, enabled: roles))
    let ppplusViewers = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canViewPPPlus, enabled: roles))
    let ppplusDeciders = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canDecidePPPlus, enabled: roles))
    let financeRunners = signedIn.group().add(middleware: RoleMiddleware(allowed: RolePolicy.canRunFinance, enabled: roles))

    let quarantine = QuarantineFolder(ledger: ledger, folder: configuration.quarantineDir.map { URL(fileURLWithPath: $0) })
    WorklistController(
        ledger: ledger, configuration: configuration, renderer: renderer, outbox: outbox, quarantine: quarantine)
        .addRoutes(view: viewers, review: reviewers)
    ReviewController(
        ledger: ledger, configuration: configuration, renderer: renderer, outbox: outbox, originals: originals
    ).addRoutes(view: viewers, review: reviewers)
    ChildController(ledger: ledger, renderer: renderer).addRoutes(to: childViewers)
    UsersController(ledger: ledger, renderer: renderer).addRoutes(to: admins)
    PPPlusController(ledger: ledger, configuration: configuration, renderer: renderer, outbox: outbox)
        .addRoutes(view: ppplusViewers, decide: ppplusDeciders)
    FinanceController(ledger: ledger, configuration: configuration, renderer: renderer).addRoutes(to: financeRunners)
    return router
}
