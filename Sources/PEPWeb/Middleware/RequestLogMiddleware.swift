import Hummingbird
import Logging

/// The access log: method, path (ids only: no route carries a name or date of birth), status,
/// and the user id. Query strings and bodies are never logged.
struct RequestLogMiddleware: WebMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: Next) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, context: context)
            throw error
        }
        log(request, status: response.status.code, context: context)
        return response
    }

    func log(_ request: Request, status: Int, context: Context) {
        logger.info(
            "request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                "http.status": "\(status)", "user.id": "\(context.session.map { String($0.user.id) } ?? "-")",
            ])
    }
}
