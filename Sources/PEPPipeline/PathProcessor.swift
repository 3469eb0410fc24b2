import Foundation
import Logging
import PEPIntake

/// `pepqa process PATH…`: every item under the paths, walked and read as the service walks and
/// reads its inboxes (`InboxWalker`, `ItemProcessor`), rated once, and left in place.
package struct PathProcessor: Sendable {
    let walker: InboxWalker
    let processor: ItemProcessor
    /// Items read ahead on other cores while one is recorded (`ReadAhead`).
    let readAhead: Int
    let logger: Logger

    /// Never throws: every document ends as a row of the summary.
    /// - Parameters:
    ///   - clock: `.fileModified` for a backlog copied with its file times (`--backlog`).
    ///   - progress: called after each item with (done, total, file name).
    package func process(
        paths: [String], clock: ArrivalClock = .arrival, progress: (@Sendable (Int, Int, String) -> Void)? = nil
    ) -> RunSummary {
        var processor = processor
        processor.reader.clock = clock
        let listing = walker.list(paths)
        var summary = RunSummary()
        for problem in listing.problems {
            summary.outcomes.append(.failed(file: problem.path, reason: problem.description))
        }
        let items = listing.items
        let ahead = ReadAhead(items, depth: readAhead, prepare: { [processor] in processor.prepare($0) })
        var done = 0
        while let (item, prepared) = ahead.next() {
            summary.outcomes += outcomes(processor.process(item, prepared: prepared), of: item)
            done += 1
            progress?(done, items.count, item.name)
        }
        processor.finishPending()
        return summary
    }

    /// An item that could not be read at all (nothing handled) is a row too: to retry.
    func outcomes(_ result: ItemResult, of item: InboxItem) -> [DocumentOutcome] {
        guard result.outcomes.isEmpty, case .retry(let reason) = result.disposition else { return result.outcomes }
        logger.warning("input not read", metadata: ["file": "\(LogLabel.file(item.name))"])
        return [.failed(file: item.name, reason: reason)]
    }
}
