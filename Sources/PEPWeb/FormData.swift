import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: what a browser sends without JavaScript.
package struct FormData: Sendable {
    private(set) var fields: [String: String] = [:]
    /// Every value of each name, in order (checkboxes that share a name).
    private(set) var lists: [String: [String]] = [:]

    package init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if fields[key] == nil { fields[key] = value }
            lists[key, default: []].append(value)
        }
    }

    package subscript(_ name: String) -> String? { fields[name] }

    /// Every value given for `name`.
    func values(_ name: String) -> [String] { lists[name] ?? [] }

    /// Reads a request's form body (at most 64 KiB: forms here are short).
    static func read(_ request: Request) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        return FormData(String(buffer: buffer))
    }
}
