import Foundation
import Hummingbird
import Mustache

/// Renders view models with the Mustache templates (HTML-escaped by `{{ }}`; the templates
/// never use the raw `{{{ }}}`), as HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates from `folder`, or those built into the binary.
    static func load(folder: String?) async throws -> PageRenderer {
        let path = folder ?? Bundle.module.url(forResource: "Templates", withExtension: nil)?.path
        guard let path else { throw WebSetupError.noTemplates }
        return PageRenderer(library: try await MustacheLibrary(directory: path))
    }

    func render(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = library.render(model, withTemplate: template) else {
            throw WebSetupError.missingTemplate(template)
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Why the workbench could not start.
package enum WebSetupError: Error, CustomStringConvertible {
    case noTemplates
    case missingTemplate(String)

    package var description: String {
        switch self {
        case .noTemplates: return "the web templates are missing from this build"
        case .missingTemplate(let name): return "no template \(name).mustache"
        }
    }
}
