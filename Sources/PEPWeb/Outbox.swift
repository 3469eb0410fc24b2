import Foundation

/// Writes a plain-text e-mail into `outbox/` for the mail relay: to a temporary name, then
/// renamed, so the relay never sees half a message.
struct Outbox: Sendable {
    let folder: URL

    func write(name: String, to recipient: String, subject: String, body: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clean = { (s: String) in s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let message = """
            To: \(clean(recipient))\r
            Subject: \(clean(subject))\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))\r

            """
        let final = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).tmp")
        try Data(message.utf8).write(to: temporary)
        guard rename(temporary.path, final.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
