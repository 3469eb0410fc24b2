import Hummingbird
import HTTPTypes

/// Headers every response carries (error pages too): a strict Content-Security-Policy (no
/// script at all, styles only from us, forms only to us, never framed), `X-Frame-Options:
/// DENY`, no sniffing, no referrer, and no caching of pages that show personal data.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    let enabled: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = ErrorPage.response(status: error.status, headers: error.headers)
        } catch let error as any HTTPResponseError {
            response = ErrorPage.response(status: error.status, headers: [:])
        }
        guard enabled else { return response }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")] {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// A plain error page, with nothing from the request in it.
enum ErrorPage {
    static func response(status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        let text = "\(status.code) \(status.reasonPhrase)"
        let html = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>\(text)</title>\
            <link rel="stylesheet" href="/static/app.css"></head><body><main class="page" id="main">\
            <h1>\(text)</h1><p><a href="/">Go to the worklist</a></p></main></body></html>
            """
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
