import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// `pepqa rules check` on a broken `calendar/terms.yaml`: gaps, overlaps, half-terms and
/// completion dates outside their term, each with its file:line:column.
@Suite struct CalendarProblemTests {
    let file = "calendar/terms.yaml"

    /// The problems after replacing `old` with `new` in terms.yaml, and the `line:column` of
    /// `column` on the first line holding `marker`.
    func problems(_ old: String, _ new: String, at marker: String, column: String? = nil) throws -> (found: [String], place: String) {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, file, replacing: old, with: new)
        let place = try RulesDirectory.place(dir, file, marker, column: column)
        return (RuleSet.check(directory: dir).map(\.description), place)
    }

    @Test func aCompletionDateOutsideItsTermIsAProblem() throws {
        let (found, place) = try problems(
            "completion: 2026-03-13", "completion: 2026-04-13", at: "spring: {start: 2026-01-05", column: "2026-04-13")
        #expect(found == ["\(file):\(place): [calendar] the completion date 2026-04-13 is outside its term (2026-01-05 to 2026-03-27)"])
    }

    @Test func aHalfTermOutsideItsTermIsAProblem() throws {
        let (found, place) = try problems(
            "half_term: {start: 2026-02-16, end: 2026-02-20}", "half_term: {start: 2026-03-23, end: 2026-04-03}",
            at: "spring: {start: 2026-01-05", column: "{start: 2026-03-23")
        #expect(found == ["\(file):\(place): [calendar] the half-term 2026-03-23 to 2026-04-03 is outside its term (2026-01-05 to 2026-03-27)"])
    }

    @Test func overlappingTermsAreAProblem() throws {
        let (found, place) = try problems(
            "spring: {start: 2026-01-05", "spring: {start: 2025-12-15", at: "spring: {start: 2025-12-15", column: "{")
        #expect(found == ["\(file):\(place): [calendar] overlap: the spring term (2025-12-15 to 2026-03-27) starts before the autumn term ends (2025-12-19)"])
    }

    @Test func termsOutOfOrderAreAProblem() throws {
        let (found, _) = try problems(
            "summer: {start: 2026-04-13, end: 2026-07-22, half_term: {start: 2026-05-25, end: 2026-05-29}",
            "summer: {start: 2025-09-10, end: 2025-09-12, half_term: {start: 2025-09-11, end: 2025-09-11}",
            at: "summer: {start: 2025-09-10")
        // The summer completion date and INSET day fall out of the moved term too.
        #expect(found.contains { $0.contains("overlap: the summer term (2025-09-10 to 2025-09-12) starts before the spring term ends (2026-03-27)") }, "\(found)")
    }

    @Test func aTermOutsideItsAcademicYearIsAProblem() throws {
        let (found, place) = try problems(
            "autumn: {start: 2025-09-03", "autumn: {start: 2025-08-27", at: "autumn: {start: 2025-08-27", column: "{")
        #expect(found == ["\(file):\(place): [calendar] the autumn term (2025-08-27 to 2025-12-19) is outside the academic year 2025/26 (2025-09-01 to 2026-08-31)"])
    }

    @Test func aMissingAcademicYearIsAGap() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.write(
            dir, file,
            """
            academic_years:
              "2025/26":
                autumn: {start: 2025-09-03, end: 2025-12-19, completion: 2025-11-28}
                spring: {start: 2026-01-05, end: 2026-03-27, completion: 2026-03-13}
                summer: {start: 2026-04-13, end: 2026-07-22, completion: 2026-06-26}
              "2027/28":
                autumn: {start: 2027-09-01, end: 2027-12-17, completion: 2027-11-26}
                spring: {start: 2028-01-04, end: 2028-03-31, completion: 2028-03-10}
                summer: {start: 2028-04-18, end: 2028-07-21, completion: 2028-06-23}
            """)
        #expect(RuleSet.check(directory: dir).map(\.description) == [
            "\(file):6:3: [calendar] gap: calendar/bank-holidays.yaml lists no bank holidays for 2028, which these terms reach",
            "\(file):6:3: [calendar] gap: no term dates for 2026/27 between 2025/26 and 2027/28",
        ])
    }

    @Test func anINSETDayInHalfTermIsAProblem() throws {
        let (found, place) = try problems("2026-02-13", "2026-02-17", at: "inset_days: [2025-09-03", column: "2026-02-17")
        #expect(found == ["\(file):\(place): [calendar] the INSET day 2026-02-17 is in the half-term"])
    }

    @Test func anINSETDayInTheHolidaysIsAProblem() throws {
        let (found, place) = try problems("2026-07-22]", "2026-08-03]", at: "inset_days: [2025-09-03", column: "2026-08-03")
        #expect(found == ["\(file):\(place): [calendar] the INSET day 2026-08-03 is not in a term of 2025/26"])
    }

    @Test func aTermEndingBeforeItStartsIsAProblem() throws {
        let (found, place) = try problems(
            "end: 2026-03-27, half_term: {start: 2026-02-16, end: 2026-02-20}, completion: 2026-03-13",
            "end: 2025-12-31, completion: 2026-03-13", at: "spring: {start: 2026-01-05", column: "{")
        #expect(found == ["\(file):\(place): [calendar] bad dates: the term starts 2026-01-05, after it ends 2025-12-31"])
    }

    @Test func theOldDeadlineKeyIsStillRead() throws {
        let dir = try RulesDirectory.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try RulesDirectory.edit(dir, file, replacing: "completion: 2026-03-13", with: "deadline: 2026-03-13")
        let rules = try RuleSet.load(directory: dir)
        #expect(rules.calendar.dates(of: .spring, in: "2025/26")?.completion == isoDay("2026-03-13"))
    }

    @Test func completionAndDeadlineTogetherAreAProblem() throws {
        let (found, place) = try problems(
            "completion: 2026-03-13", "completion: 2026-03-13, deadline: 2026-03-13", at: "spring: {start: 2026-01-05",
            column: "2026-03-13}")
        #expect(found == ["\(file):\(place): [calendar] a term gives 'completion' or its old name 'deadline', not both"])
    }

    @Test func aTermWithoutACompletionDateIsAProblem() throws {
        let (found, place) = try problems(", completion: 2026-03-13", "", at: "spring: {start: 2026-01-05", column: "{")
        #expect(found == ["\(file):\(place): [calendar] a term is missing the key 'completion'"])
    }
}
