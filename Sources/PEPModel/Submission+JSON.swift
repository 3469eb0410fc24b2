import Foundation

/// The submission record as `pepqa extract` prints it under `"submission"`: how the document
/// arrived, which the contract ("E-mail drop") says belongs to the submission, not to the PEP.
///
/// For an e-mail: the PEP attachment's name and size, `sender`, `message_id`, `date` (the
/// `Date:` header, ISO 8601 in UTC) and the other attachments; for a plain file: its name and
/// size. The subject is left out: schools often put the child's name in it. JSON readers
/// accept and ignore the object, so the output stays a valid JSON submission.
extension Submission {
    public var recordJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("file_name", .string(fileName)), ("size", .number(String(bytes.count))),
        ]
        switch origin {
        case .dropFile:
            members.insert(("source", .string("file")), at: 0)
        case .email(let mail):
            members.insert(("source", .string("email")), at: 0)
            members += [
                ("sender", mail.sender.map(JSONValue.string) ?? .null),
                ("message_id", mail.messageID.map(JSONValue.string) ?? .null),
                ("date", mail.date.map { .string($0.formatted(.iso8601)) } ?? .null),
                ("attachments", .array(attachments.map(\.recordJSON))),
            ]
        }
        return .object(members)
    }
}

extension AttachmentInfo {
    /// One other attachment of the e-mail: recorded, not read.
    public var recordJSON: JSONValue {
        .object([
            ("file_name", .string(fileName)), ("content_type", .string(contentType)), ("size", .number(String(size))),
        ])
    }
}
