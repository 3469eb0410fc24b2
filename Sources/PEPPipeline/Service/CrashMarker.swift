import Foundation

/// Remembers which item the service was working on, so that a file that kills the process
/// (a reader crash, or a hang the systemd watchdog ends) cannot stop the queue for ever.
///
/// Before each item the service writes `state_dir/in-progress` (the path of each item in hand, and
/// how many times the process already died on it, a line each) and removes it afterwards. A marker found at start-up
/// means the last run died on that item; after `limit` such deaths the item is quarantined
/// instead of read again, like Postfix's `corrupt/` queue. The marker is not fsynced: it guards
/// against the process dying, which leaves the page cache intact, not against power loss.
package struct CrashMarker: Sendable {
    package let path: String
    /// Deaths on one item before it is set aside.
    package let limit: Int

    package init(stateDir: String, limit: Int = 3) {
        path = (stateDir as NSString).appendingPathComponent("in-progress")
        self.limit = max(1, limit)
    }

    /// The items a previous run died on, each with the count of deaths including that one; the
    /// marker is removed. Empty when the last run ended cleanly.
    package func recover() -> [(itemPath: String, deaths: Int)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        unlink(path)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let tab = line.firstIndex(of: "\t"), let earlier = Int(line[..<tab]) else { return nil }
            let item = String(line[line.index(after: tab)...])
            return item.isEmpty ? nil : (item, earlier + 1)
        }
    }

    /// Notes that work starts on every item in hand at once, each with how often the process
    /// already died on it (read ahead on other cores): a death is counted against
    /// each of them, since nothing tells which one killed the process. The loop then takes an
    /// item with a death against it alone (`InboxLoop`), so only the one that kills the process
    /// alone reaches the limit.
    package func begin(_ items: [(itemPath: String, deaths: Int)]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { return }
        let bytes = Array(items.map { "\($0.deaths)\t\($0.itemPath)" }.joined(separator: "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Work on the items ended (whatever the outcome).
    package func end() { unlink(path) }
}
