import Foundation

/// Lines collected from any thread (log lines, calls a test double saw), read back in order.
public final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    public init() {}

    public func append(_ line: String) { lock.withLock { lines.append(line) } }

    public var all: [String] { lock.withLock { lines } }
}
