import Hummingbird

/// The workbench's middleware: each runs with the workbench's own request context (the
/// session, the form read once), so none has to say so.
protocol WebMiddleware: RouterMiddleware where Context == WebRequestContext {
    typealias Next = (Request, WebRequestContext) async throws -> Response
}
