import Foundation
import Logging

/// A swift-log handler that writes one line per entry to stderr, in a form journald reads well.
///
/// Under systemd (`$JOURNAL_STREAM` set) each line starts with the syslog priority `<N>`, which
/// journald turns into the entry's priority, and carries no timestamp (journald adds its own).
/// On a terminal it prints `LEVEL message key=value ...`. Metadata holds IDs (submission.id,
/// child.la_id, rule.id), never names or dates of birth: callers log IDs only.
package struct JournalLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    let label: String
    let journald: Bool
    let sink: @Sendable (String) -> Void

    package init(label: String, journald: Bool, sink: @escaping @Sendable (String) -> Void = JournalLogHandler.stderrSink) {
        (self.label, self.journald, self.sink) = (label, journald, sink)
    }

    /// True when stderr is connected to the journal.
    package static var underJournald: Bool { ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil }

    package static let stderrSink: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote("\($0.value)"))" }
        let text = ([event.message.description] + fields).joined(separator: " ")
        if journald {
            sink("<\(Self.priority(event.level))>\(text)")
        } else {
            sink("\(event.level.rawValue.uppercased()) \(text)")
        }
    }

    static func quote(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "'") + "\"" : value
    }

    /// syslog priorities: 7 debug ... 2 critical.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}
