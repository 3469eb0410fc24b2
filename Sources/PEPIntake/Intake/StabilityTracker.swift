import struct Foundation.Date

/// Says when a drop file has finished arriving: its size and modification time must be the
/// same at two consecutive polls (a copy or upload still in progress changes one or the other).
///
/// A value type fed explicit polls, so tests drive it without sleeping. A one-off `process`
/// run need not use it: the user has said the files are there.
package struct StabilityTracker: Sendable {
    private struct Observation: Sendable, Hashable {
        var size: Int64
        var modified: Date
        var polls: Int
    }

    /// Consecutive polls that must agree before a file is ready (at least 2).
    package let requiredPolls: Int
    /// How long after its last modification a file must also be left alone (default none).
    package let quietPeriod: Double
    private var observations: [String: Observation] = [:]

    package init(requiredPolls: Int = 2, quietPeriod: Double = 0) {
        self.requiredPolls = max(2, requiredPolls)
        self.quietPeriod = quietPeriod
    }

    /// Records one poll's listing and returns the files that are ready, in the listing's order.
    /// Files missing from the listing are forgotten; a file stays ready until it changes or goes.
    package mutating func poll(_ files: [DropFile], now: Date = Date()) -> [DropFile] {
        var next: [String: Observation] = [:]
        var ready: [DropFile] = []
        for file in files {
            var observation = Observation(size: file.size, modified: file.modified, polls: 1)
            if let previous = observations[file.url.path], previous.size == file.size, previous.modified == file.modified {
                observation.polls = previous.polls + 1
            }
            next[file.url.path] = observation
            if observation.polls >= requiredPolls, now.timeIntervalSince(file.modified) >= quietPeriod {
                ready.append(file)
            }
        }
        observations = next
        return ready
    }

    /// Forgets a file (after it was processed and moved away).
    package mutating func forget(_ file: DropFile) { observations[file.url.path] = nil }

    /// How many files are being watched.
    package var trackedCount: Int { observations.count }
}
