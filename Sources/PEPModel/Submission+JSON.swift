import Foundation

/// The submission record as `pepqa extract` prints it under `"submission"`: how the document
/// arrived, which the contract ("E-mail drop") says belongs to the submission, not to the PEP.
///
/// For an e-mail: the PEP attachment's name and size, `sender`, `message_id`, `date` (the
/// `Date:` header, ISO 8601 in UTC) and the other attachments; for a plain file: its name and
/// size. Then how it was read: `format`, and the XML `dialect` or the format it was
/// `converted_from` when there was one. The subject is left out: schools often put the
/// child's name in it. JSON readers accept and ignore the object, so the output stays a valid
/// JSON submission.
extension Submission {
    public func recordJSON(format: DocumentFormat? = nil, via: ReadVia? = nil) -> JSONValue {
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
        if let format { members.append(("format", .string(format.rawValue))) }
        if let dialect = via?.dialect { members.append(("dialect", .string(dialect))) }
        if let from = via?.convertedFrom {
            members.append(("converted_from", .string(from)))
            if let converter = via?.converter { members.append(("converter", .string(converter))) }
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
