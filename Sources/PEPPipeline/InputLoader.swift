import Foundation
import PEPIntake
import PEPModel

/// Turns an input into submissions: a plain file is one; an e-mail is one per PEP attachment.
enum InputLoader {
    enum Loaded {
        case submissions([Submission])
        /// Nothing could be taken from it (unreadable, too large, an e-mail with no PEP).
        case unreadable(file: String, reason: String)
    }

    /// Largest input read: the service's limit.
    static let maxFileBytes = DropFile.maxBytes

    static func load(_ item: InputItem) -> Loaded {
        let name = item.displayName
        let url = URL(fileURLWithPath: item.path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: item.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileBytes else {
            return .unreadable(file: name, reason: "\(name): the file is larger than \(maxFileBytes >> 20) MB")
        }
        guard let data = try? Data(contentsOf: url) else {
            return .unreadable(file: name, reason: "\(name): the file cannot be read (permissions?)")
        }
        let modified = attributes?[.modificationDate] as? Date ?? Date()
        switch item {
        case .file(let path):
            return .submissions([
                Submission(fileName: name, bytes: Array(data), receivedAt: modified, origin: .dropFile(path: path))
            ])
        case .email(let path):
            return loadEmail(Array(data), path: path, name: name, modified: modified)
        }
    }
}

extension InputLoader {
    /// An e-mail: one submission per PEP attachment; an e-mail with none is reported.
    static func loadEmail(_ bytes: [UInt8], path: String, name: String, modified: Date) -> Loaded {
        let message = MailMessageReader().read(bytes: bytes, path: path, fileDate: modified)
        if let problem = message.problem, message.submissions.isEmpty {
            return .unreadable(file: name, reason: problem.description)
        }
        return .submissions(message.submissions)
    }
}
