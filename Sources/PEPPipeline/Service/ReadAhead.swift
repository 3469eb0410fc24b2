import Dispatch
import Foundation

/// Prepares the next items on other cores while the caller works on the one in hand, and hands
/// them back in their order: reading and parsing (pure work on a document's own bytes) runs in
/// parallel, while rating, the ledger and filing stay on the caller's thread, one item at a
/// time and in order, so nothing about order or idempotence changes.
///
/// At most `depth` items are prepared ahead. An item marked `alone` (the process died while it
/// was in hand) is prepared on the caller's thread with nothing else in hand, so that if it
/// kills the process again, it alone is counted (`CrashMarker`).
///
/// Only the caller's thread calls `next()`; the workers touch nothing but their own results.
/// An item abandoned mid-way (a stop request) is simply never taken: its preparation wrote
/// nothing.
final class ReadAhead<Item: Sendable, Prepared: Sendable>: @unchecked Sendable {
    private let items: [Item]
    private let depth: Int
    private let alone: (Item) -> Bool
    private let prepare: @Sendable (Item) -> Prepared
    private let inHand: ([Item]) -> Void
    private let condition = NSCondition()
    private var ready: [Int: Prepared] = [:]
    /// Items given out (caller's thread only).
    private var taken = 0
    /// Items whose preparation has started (caller's thread only).
    private var started = 0

    /// - Parameters:
    ///   - depth: items prepared ahead on other threads (0: everything on the caller's thread).
    ///   - inHand: told, on the caller's thread and before any of their work starts, every item
    ///     in hand from then on (the one being given out and those being prepared ahead).
    init(
        _ items: [Item], depth: Int, alone: @escaping (Item) -> Bool = { _ in false },
        inHand: @escaping ([Item]) -> Void = { _ in }, prepare: @escaping @Sendable (Item) -> Prepared
    ) {
        self.items = items
        self.depth = max(0, depth)
        self.alone = alone
        self.inHand = inHand
        self.prepare = prepare
    }

    /// The next item in order, prepared; nil after the last. Waits for its preparation if a
    /// worker has not finished it, and starts the ones after it.
    func next() -> (item: Item, prepared: Prepared)? {
        guard taken < items.count else { return nil }
        let index = taken
        taken += 1
        let inline = started == index
        if inline { started += 1 }
        let firstAhead = started
        if !alone(items[index]) {
            while started < items.count, started < taken + depth, !alone(items[started]) { started += 1 }
        }
        inHand(Array(items[index..<started]))
        for ahead in firstAhead..<started { start(ahead) }
        let prepared = inline ? prepare(items[index]) : wait(for: index)
        return (items[index], prepared)
    }

    private func start(_ index: Int) {
        let item = items[index]
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let prepared = prepare(item)
            condition.lock()
            ready[index] = prepared
            condition.broadcast()
            condition.unlock()
        }
    }

    private func wait(for index: Int) -> Prepared {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let prepared = ready.removeValue(forKey: index) { return prepared }
            condition.wait()
        }
    }
}
