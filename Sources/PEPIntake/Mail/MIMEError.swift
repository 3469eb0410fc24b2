/// Why a message could not be parsed: one short clause naming what broke, never any content.
///
/// `MailMessageReader` turns it into an `IngestError` that names the message file.
struct MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable { case malformed, tooLarge, empty }
    var kind: Kind
    var message: String

    static func malformed(_ message: String) -> MIMEError { MIMEError(kind: .malformed, message: message) }
    static func tooLarge(_ message: String) -> MIMEError { MIMEError(kind: .tooLarge, message: message) }

    var description: String { message }
}
