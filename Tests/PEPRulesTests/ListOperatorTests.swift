import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// `count`, `every`, `some`, `none` over the Green fixture's lists (3 targets, 3 attendees,
/// 3 attainment records with progress Expected/Below/Above, 2 previous targets, 1 PP+ request
/// of £300 linked to "T2"), and `resolves_to_target`.
@Suite struct QuantifierTests {
    @Test func countHoldsWithinMinAndMax() throws {
        #expect(try ExtraCriterion("{count: {list: targets, min: 3}}").holds())
        #expect(!(try ExtraCriterion("{count: {list: targets, min: 4}}").holds()))
        #expect(try ExtraCriterion("{count: {list: targets, max: 3}}").holds())
        #expect(!(try ExtraCriterion("{count: {list: targets, max: 2}}").holds()))
        #expect(try ExtraCriterion("{count: {list: targets, min: 1, max: 3}}").holds())
    }

    @Test func countWithWhereCountsOnlyMatchingRecords() throws {
        let oneBelow = try ExtraCriterion(
            #"{count: {list: attainment, where: {in: {value: "attainment[].progress", of: [below]}}, min: 1, max: 1}}"#)
        #expect(oneBelow.holds())
        #expect(!oneBelow.holds(ExtraCriterion.fixture { $0.setRecord("attainment", 0, "progress", "Below") }))
        #expect(!oneBelow.holds(ExtraCriterion.fixture { $0.setRecord("attainment", 1, "progress", "Expected") }))
    }

    @Test func countReadsItsBoundsFromSettings() throws {
        let c = try ExtraCriterion(#"{count: {list: targets, min: "settings.min_targets[phase]"}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.lists["targets"]?.removeFirst() }))
    }

    @Test func everyHoldsWhenEachRecordMeetsWhere() throws {
        let c = try ExtraCriterion(#"{every: {list: targets, where: {present: "targets[].owner"}}}"#)
        #expect(c.holds())
        let result = c.result(ExtraCriterion.fixture { $0.setRecord("targets", 1, "owner", "") })
        #expect(result?.outcome == .fail)
        #expect(result?.evidence.contains { $0.note == "record 2 does not meet the condition" } == true)
    }

    @Test func everyHoldsForAnEmptyList() throws {
        let c = try ExtraCriterion(#"{every: {list: previous_targets, where: {present: "previous_targets[].outcome"}}}"#)
        #expect(c.holds(ExtraCriterion.fixture { $0.blank("previous_targets") }))
    }

    @Test func aConditionInsideWhereMayReadFieldsOutsideTheList() throws {
        let c = try ExtraCriterion(#"{every: {list: targets, where: {compare: {value: "targets[].review_date", gt: meeting.date}}}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("meeting.date", "25/03/2026") }))
    }

    @Test func someHoldsWhenOneRecordMeetsWhere() throws {
        let c = try ExtraCriterion(
            #"{some: {list: meeting.attendees, where: {matches: {path: "meeting.attendees[].role", pattern: 'social worker'}}}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.setRecord("meeting.attendees", 1, "role", "Teacher") }))
    }

    @Test func someWithoutWhereNeedsARecord() throws {
        let c = try ExtraCriterion("{some: {list: meeting.attendees}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("meeting.attendees") }))
    }

    @Test func noneHoldsWhenNoRecordMeetsWhere() throws {
        let c = try ExtraCriterion(
            #"{none: {list: ppplus.requests, where: {matches: {path: "ppplus.requests[].intervention", pattern: 'uniform'}}}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.setRecord("ppplus.requests", 0, "intervention", "School uniform") }))
    }

    @Test func noneWithoutWhereNeedsAnEmptyList() throws {
        let c = try ExtraCriterion("{none: {list: ppplus.requests}}")
        #expect(!c.holds())
        #expect(c.holds(ExtraCriterion.fixture { $0.blank("ppplus.requests") }))
    }

    @Test func quantifiersNest() throws {
        // Some attainment record is below while every target has an owner.
        let c = try ExtraCriterion(
            #"{all: [{some: {list: attainment, where: {in: {value: "attainment[].progress", of: [below]}}}}, {every: {list: targets, where: {words: {path: "targets[].owner", min: 1}}}}]}"#
        )
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.setRecord("attainment", 1, "progress", "Above") }))
    }

    @Test func aCountOperandCountsRecords() throws {
        #expect(try ExtraCriterion("{compare: {value: {count: meeting.attendees}, eq: 3}}").holds())
        #expect(try ExtraCriterion("{compare: {value: {count: previous_targets}, eq: 0}}").holds(
            ExtraCriterion.fixture { $0.blank("previous_targets") }))
    }
}

/// `resolves_to_target`: a PP+ request's linked target names one of the PEP's targets
/// (the Green fixture's are 1 English, 2 Maths "Secure fractions and simple algebra",
/// 3 Wellbeing (SEMH)).
@Suite struct ResolvesToTargetTests {
    static let check = #"{every: {list: ppplus.requests, where: {resolves_to_target: "ppplus.requests[].target_ref"}}}"#

    func linked(_ reference: String) -> PEPFixture {
        ExtraCriterion.fixture { $0.setRecord("ppplus.requests", 0, "target_ref", reference) }
    }

    @Test(arguments: ["2", "T2", "T 2", "Target 2", "target number 3", "Maths", "fractions and simple algebra", "Wellbeing"])
    func aReferenceByNumberOrTextResolves(_ reference: String) throws {
        #expect(try ExtraCriterion(Self.check).holds(linked(reference)))
    }

    @Test(arguments: ["0", "4", "T9", "Target 12", "Music", "Art"])
    func aReferenceToNoTargetDoesNotResolve(_ reference: String) throws {
        #expect(!(try ExtraCriterion(Self.check).holds(linked(reference))))
    }

    @Test func aBlankReferenceDoesNotResolve() throws {
        #expect(!(try ExtraCriterion(Self.check).holds(linked(""))))
    }

    @Test func nothingResolvesWhenThePEPHasNoTargets() throws {
        let noTargets = ExtraCriterion.fixture { $0.blank("targets") }
        #expect(!(try ExtraCriterion(Self.check).holds(noTargets)))
    }
}
