import Foundation
import Hummingbird

/// The stylesheet, built into the binary (no login needed: it holds nothing private).
enum StaticFiles {
    static let stylesheet: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "Static/app.css", withExtension: nil),
            let data = FileManager.default.contents(atPath: url.path)
        else { return ByteBuffer() }
        return ByteBuffer(bytes: data)
    }()

    static func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/static/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: stylesheet))
        }
    }
}
