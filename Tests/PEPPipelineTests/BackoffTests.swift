import Foundation
import Testing
@testable import PEPPipeline

@Test func backoffDoublesFromFiveSecondsUpToAnHour() {
    let schedule = BackoffSchedule()
    #expect((1...6).map { schedule.delay(afterFailures: $0) } == [5, 10, 20, 40, 80, 160])
    #expect(schedule.delay(afterFailures: 12) == 3600)
    #expect(schedule.delay(afterFailures: 1000) == 3600)
    #expect(schedule.delay(afterFailures: 0) == 0)
}

@Test func backoffHonoursACustomSchedule() {
    let schedule = BackoffSchedule(initial: 1, multiplier: 3, maximum: 20)
    #expect((1...5).map { schedule.delay(afterFailures: $0) } == [1, 3, 9, 20, 20])
}

@Test func aFailedItemIsNotDueUntilItsBackoffHasPassed() {
    var book = RetryBook(schedule: BackoffSchedule(initial: 10))
    let start = Date(timeIntervalSince1970: 1_000_000)
    book.recordFailure("/inbox/a.json", reason: "disk full", now: start)
    #expect(!book.isDue("/inbox/a.json", now: start.addingTimeInterval(9)))
    #expect(book.isDue("/inbox/a.json", now: start.addingTimeInterval(10)))
    #expect(book.isDue("/inbox/b.json", now: start))
    let second = book.recordFailure("/inbox/a.json", reason: "disk full", now: start.addingTimeInterval(10))
    #expect(second.failures == 2)
    #expect(second.nextAttempt == start.addingTimeInterval(30))
}

@Test func successOrLeavingTheInboxForgetsAnItemsFailures() {
    var book = RetryBook()
    let now = Date()
    book.recordFailure("a", reason: "x", now: now)
    book.recordFailure("b", reason: "x", now: now)
    book.recordSuccess("a")
    #expect(book.entry("a") == nil)
    book.keepOnly(["c"])
    #expect(book.count == 0)
}
