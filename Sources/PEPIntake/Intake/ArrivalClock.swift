import Foundation

/// Which time says when a document reached the Virtual School: the start of its submission
/// clock, so it must be a time the sender cannot set.
///
/// The file's modification time travels with a copy (`cp -p`, `rsync -t`, unzip, a mail
/// client's "save attachment") and the `Date:` header is whatever the sender's machine
/// said; both are recorded as evidence (`Submission.fileModifiedAt`, `EmailInfo.date`), neither
/// is the receipt.
package enum ArrivalClock: Sendable, Hashable {
    /// When it reached the inbox, as the receiving machine recorded it: a Maildir message's
    /// delivery time, which the MTA writes at the front of its unique name
    /// (`1762510500.M101P4711.host`); otherwise the file's status-change time, which the kernel
    /// sets when the file is written or renamed into the folder.
    case arrival
    /// The file's modification time: only for importing a backlog that was copied with its times
    /// kept (`pepqa process --backlog`), where the arrival would be the day of the import. A
    /// Maildir message still counts from its delivery time.
    case fileModified

    /// When `file`, listed in a drop folder or named on the command line, was received.
    package func receivedAt(_ file: DropFile) -> Date {
        switch self {
        case .arrival: file.arrived
        case .fileModified: file.modified
        }
    }

    /// When the message file at `path` (with `status`) was received.
    func receivedAt(messageAt path: String, status: FileStatus?, now: Date = Date()) -> Date {
        let url = URL(fileURLWithPath: path)
        if ["new", "cur"].contains(url.deletingLastPathComponent().lastPathComponent),
            let delivered = Self.deliveryTime(maildirName: url.lastPathComponent, now: now)
        {
            return delivered
        }
        guard let status else { return now }
        switch self {
        case .arrival: return status.changed
        case .fileModified: return status.modified
        }
    }

    /// The delivery time a Maildir unique name starts with (seconds since 1970, then `.`), when
    /// the message is in a Maildir's `new/` or `cur/` and the number is a plausible time (after
    /// 2000, not in the future by more than a day); nil otherwise.
    static func deliveryTime(maildirName name: String, now: Date = Date()) -> Date? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 9, digits.count <= 11, name.dropFirst(digits.count).first == ".",
            let seconds = TimeInterval(digits)
        else { return nil }
        let time = Date(timeIntervalSince1970: seconds)
        guard time > Date(timeIntervalSince1970: 946_684_800), time < now.addingTimeInterval(86_400) else { return nil }
        return time
    }
}
