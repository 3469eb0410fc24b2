import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// The logical operators and the operators on one value (Rules/README.md §3), each written as a
/// criterion's `check:` and tried on the Green fixture (a Year 9 spring review PEP: attendance
/// 96.5, SDQ 12, legal status C2, school "Northfield Academy") and one change to it.
@Suite struct LogicalOperatorTests {
    @Test func allHoldsOnlyWhenEveryConditionHolds() throws {
        let c = try ExtraCriterion("{all: [{present: child.upn}, {present: school.urn}]}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("school.urn") }))
    }

    @Test func anyHoldsWhenOneConditionHolds() throws {
        let c = try ExtraCriterion("{any: [{present: child.send.primary_need}, {present: child.send.ehcp_review_date}]}")
        #expect(!c.holds())
        #expect(c.holds(ExtraCriterion.fixture { $0.set("child.send.ehcp_review_date", "01/09/2025") }))
    }

    @Test func notInvertsItsCondition() throws {
        let c = try ExtraCriterion("{not: {present: child.send.primary_need}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("child.send.primary_need", "Autism") }))
    }

    @Test func notAroundAConditionOnAValueNotGivenHolds() throws {
        let c = try ExtraCriterion("{not: {compare: {value: wellbeing.sdq_score, gt: 17}}}")
        #expect(c.holds(ExtraCriterion.fixture { $0.blank("wellbeing.sdq_score") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("wellbeing.sdq_score", "20") }))
    }

    @Test func ifWithoutElseHoldsWhenItsConditionDoesNot() throws {
        let c = try ExtraCriterion("{if: {in: {value: pep.type, of: [initial]}}, then: {present: child.send.primary_need}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("pep.type", "Initial") }))
        #expect(c.holds(ExtraCriterion.fixture {
            $0.set("pep.type", "Initial")
            $0.set("child.send.primary_need", "Autism")
        }))
    }

    @Test func ifTakesThenWhenItHoldsAndElseWhenNot() throws {
        let c = try ExtraCriterion(
            "{if: {compare: {value: attendance.percentage, lt: 90}}, then: {present: child.send.primary_need}, else: {compare: {value: attendance.percentage, ge: 95}}}"
        )
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("attendance.percentage", "92") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("attendance.percentage", "85") }))
        #expect(c.holds(ExtraCriterion.fixture {
            $0.set("attendance.percentage", "85")
            $0.set("child.send.primary_need", "Autism")
        }))
    }

    @Test func conditionsNest() throws {
        let c = try ExtraCriterion(
            "{all: [{any: [{not: {present: child.upn}}, {present: school.urn}]}, {not: {all: [{present: carer_views}, {present: child.send.primary_need}]}}]}"
        )
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("child.send.primary_need", "Autism") }))
    }
}

@Suite struct PresentAndWordsTests {
    @Test func presentHoldsForAGivenValue() throws {
        let c = try ExtraCriterion("{present: carer_views}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("carer_views") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.remove("carer_views") }))
    }

    @Test func presentTreatsWordsPlaceholdersAsNotGiven() throws {
        let c = try ExtraCriterion("{present: carer_views}")
        for placeholder in ["N/A", "TBC", "Click or tap here to enter text.", "-"] {
            #expect(!c.holds(ExtraCriterion.fixture { $0.set("carer_views", placeholder) }), "\(placeholder)")
        }
    }

    @Test func presentOnAListNeedsARecord() throws {
        let c = try ExtraCriterion("{present: targets}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("targets") }))
    }

    @Test func wordsCountsAgainstMinAndMax() throws {
        // carer_views has 13 words.
        #expect(try ExtraCriterion("{words: {path: carer_views, min: 13}}").holds())
        #expect(!(try ExtraCriterion("{words: {path: carer_views, min: 14}}").holds()))
        #expect(try ExtraCriterion("{words: {path: carer_views, max: 13}}").holds())
        #expect(!(try ExtraCriterion("{words: {path: carer_views, max: 12}}").holds()))
        #expect(try ExtraCriterion("{words: {path: carer_views, min: settings.min_carer_words, max: 40}}").holds())
    }

    @Test func wordsAreRunsOfLettersAndDigits() throws {
        let c = try ExtraCriterion("{words: {path: carer_views, min: 5, max: 5}}")
        #expect(c.holds(ExtraCriterion.fixture { $0.set("carer_views", "Year-9 pupil,   2 sets!") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("carer_views", "Year 9 pupil 2 sets now") }))
    }

    @Test func wordsFailsWhenTheTextIsNotGiven() throws {
        let c = try ExtraCriterion("{words: {path: carer_views, min: 1}}")
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("carer_views") }))
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("carer_views", "N/A") }))
    }

    @Test(arguments: ["see above", "See above.", "As above", "same as last term", "None", "No views"])
    func aPlaceholderPhraseFromTheSettingsIsNotWritten(_ phrase: String) throws {
        let c = try ExtraCriterion("{words: {path: carer_views, min: 1}}")
        let result = c.result(ExtraCriterion.fixture { $0.set("carer_views", phrase) })
        #expect(result?.outcome == .fail)
        #expect(result?.evidence.first?.note == "placeholder text, not a real answer")
    }

    @Test func aPlaceholderPhraseOnlyCountsAsTheWholeAnswer() throws {
        let c = try ExtraCriterion("{words: {path: carer_views, min: 3}}")
        #expect(c.holds(ExtraCriterion.fixture { $0.set("carer_views", "See above: settled and happy") }))
    }

    @Test func aPlaceholderPhraseAddedToTheSettingsCounts() throws {
        let c = try ExtraCriterion(
            "{words: {path: carer_views, min: 1}}",
            edits: [("ruleset.yaml", "    - no views\n", "    - no views\n    - ask the carer\n")])
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("carer_views", "Ask the carer") }))
        let shipped = try ExtraCriterion("{words: {path: carer_views, min: 1}}")
        #expect(shipped.holds(ExtraCriterion.fixture { $0.set("carer_views", "Ask the carer") }))
    }
}

@Suite struct CompareTests {
    @Test(
        arguments: zip(
            ["eq: 12", "ne: 12", "le: 12", "lt: 12", "ge: 12", "gt: 12", "gt: 11", "lt: 13"],
            [true, false, true, false, true, false, true, true]))
    func eachComparisonOnANumber(_ comparison: String, _ expected: Bool) throws {
        #expect(try ExtraCriterion("{compare: {value: wellbeing.sdq_score, \(comparison)}}").holds() == expected)
    }

    @Test func everyComparisonGivenMustHold() throws {
        #expect(try ExtraCriterion("{compare: {value: attendance.percentage, ge: 90, lt: 100}}").holds())
        #expect(!(try ExtraCriterion("{compare: {value: attendance.percentage, ge: 90, lt: 96}}").holds()))
    }

    @Test func aNumberComparesWithASetting() throws {
        let c = try ExtraCriterion("{compare: {value: attendance.percentage, ge: settings.attendance_threshold}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("attendance.percentage", "89.9") }))
    }

    @Test func aValueNotGivenComparesFalseEitherWay() throws {
        let blank = ExtraCriterion.fixture { $0.blank("attendance.percentage") }
        #expect(!(try ExtraCriterion("{compare: {value: attendance.percentage, ge: 0}}").holds(blank)))
        #expect(!(try ExtraCriterion("{compare: {value: attendance.percentage, lt: 0}}").holds(blank)))
    }

    @Test func datesCompareByDay() throws {
        #expect(try ExtraCriterion("{compare: {value: meeting.date, eq: {date: 2026-02-10}}}").holds())
        #expect(try ExtraCriterion("{compare: {value: meeting.date, lt: {date: 2026-02-11}, gt: {date: 2026-02-09}}}").holds())
        #expect(try ExtraCriterion("{compare: {value: meeting.next_date, gt: meeting.date}}").holds())
        #expect(try ExtraCriterion("{compare: {value: meeting.date, lt: received}}").holds())
        #expect(!(try ExtraCriterion("{compare: {value: meeting.date, ge: received}}").holds()))
    }

    @Test func moneyComparesInPounds() throws {
        let equal = try ExtraCriterion(
            #"{every: {list: ppplus.requests, where: {compare: {value: "ppplus.requests[].amount", eq: 300}}}}"#)
        #expect(equal.holds())
        let above = try ExtraCriterion(
            #"{every: {list: ppplus.requests, where: {compare: {value: "ppplus.requests[].amount", gt: 299.99, lt: 300.01}}}}"#)
        #expect(above.holds())
        #expect(!above.holds(ExtraCriterion.fixture { $0.setRecord("ppplus.requests", 0, "amount", "£300.01") }))
    }

    @Test func aSumOfMoneyComparesWithTheCap() throws {
        let c = try ExtraCriterion(#"{compare: {value: {sum: ["ppplus.requests[].amount"]}, le: settings.ppplus_termly_cap}}"#)
        #expect(c.holds())
        var two = PEPFixture.greenReview()
        let first = two.lists["ppplus.requests"]?[0] ?? [:]
        two.lists["ppplus.requests"]?.append(first)
        two.setRecord("ppplus.requests", 1, "amount", "250.01")
        #expect(!c.holds(two))
    }

    @Test func textComparesIgnoringCaseAndPunctuation() throws {
        let c = try ExtraCriterion("{compare: {value: school.name, eq: {text: \"northfield academy!\"}}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("school.name", "Northfield Primary") }))
        #expect(try ExtraCriterion("{compare: {value: school.name, ne: {text: Southfield Academy}}}").holds())
    }

    @Test func aChoiceComparesByItsCanonicalSpelling() throws {
        #expect(try ExtraCriterion("{compare: {value: pep.type, eq: {text: review}}}").holds())
        #expect(try ExtraCriterion("{compare: {value: child.send.status, eq: {text: none}}}").holds())
    }

    @Test func yesNoComparesWithTrueAndFalse() throws {
        let c = try ExtraCriterion("{compare: {value: meeting.child_attended, eq: true}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("meeting.child_attended", "No") }))
        #expect(try ExtraCriterion("{compare: {value: exclusions.permanent, eq: false}}").holds())
    }

    @Test func aTableSettingIsReadByPhase() throws {
        let c = try ExtraCriterion(#"{compare: {value: {count: targets}, ge: "settings.min_targets[phase]"}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.lists["targets"]?.removeLast() }))
        #expect(c.holds(ExtraCriterion.fixture {
            $0.lists["targets"]?.removeLast()
            $0.set("child.year_group", "Reception")
        }))
    }

    @Test func aTableSettingFallsBackToItsDefaultWithoutAKey() throws {
        let check = #"{compare: {value: {count: targets}, ge: "settings.min_targets[phase]"}}"#
        let twoTargetsNoYear = ExtraCriterion.fixture {
            $0.lists["targets"]?.removeLast()
            $0.blank("child.year_group")
            $0.blank("child.date_of_birth")
        }
        #expect(!(try ExtraCriterion(check).holds(twoTargetsNoYear)))
        let lowerDefault = try ExtraCriterion(check, edits: [("ruleset.yaml", "    default: 3\n", "    default: 2\n")])
        #expect(lowerDefault.holds(twoTargetsNoYear))
    }

    @Test func yearNumberAndPhaseComeFromTheYearGroup() throws {
        #expect(try ExtraCriterion("{compare: {value: year_number, eq: 9}}").holds())
        #expect(try ExtraCriterion("{compare: {value: phase, eq: {text: secondary}}}").holds())
        let reception = ExtraCriterion.fixture { $0.set("child.year_group", "Reception") }
        #expect(try ExtraCriterion("{compare: {value: year_number, eq: 0}}").holds(reception))
        #expect(try ExtraCriterion("{compare: {value: phase, eq: {text: early_years}}}").holds(reception))
        let nursery = ExtraCriterion.fixture { $0.set("child.year_group", "N1") }
        #expect(try ExtraCriterion("{compare: {value: year_number, eq: -2}}").holds(nursery))
    }
}

@Suite struct MatchesAndInTests {
    @Test func matchesAnywhereIgnoringCase() throws {
        #expect(try ExtraCriterion("{matches: {path: school.name, pattern: 'NORTH'}}").holds())
        #expect(try ExtraCriterion("{matches: {path: school.name, pattern: 'academy$'}}").holds())
        #expect(!(try ExtraCriterion("{matches: {path: school.name, pattern: '^academy'}}").holds()))
    }

    @Test func matchesUsesICURegularExpressions() throws {
        let c = try ExtraCriterion(#"{matches: {path: school.urn, pattern: '^\d{6}$'}}"#)
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("school.urn", "12345") }))
        #expect(try ExtraCriterion(#"{matches: {path: child_voice, pattern: '\bPE\b|drama'}}"#).holds())
    }

    @Test func matchesHoldsWhenAnyOfItsPathsMatches() throws {
        let c = try ExtraCriterion("{matches: {paths: [carer_views, child_voice], pattern: 'football'}}")
        #expect(c.holds())
        #expect(!(try ExtraCriterion("{matches: {paths: [carer_views, child_voice], pattern: 'swimming'}}").holds()))
    }

    @Test func matchesFailsOnAValueNotGiven() throws {
        let c = try ExtraCriterion("{matches: {path: carer_views, pattern: '.*'}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("carer_views") }))
    }

    @Test func inALiteralListIgnoresCaseAndPunctuation() throws {
        let c = try ExtraCriterion("{in: {value: child.legal_status, of: [C1, C2]}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("child.legal_status", "E1") }))
        #expect(try ExtraCriterion(#"{in: {value: child.legal_status, of: ["c2."]}}"#).holds())
        #expect(try ExtraCriterion("{in: {value: school.name, of: [northfield academy]}}").holds())
    }

    @Test func inASettingsList() throws {
        let c = try ExtraCriterion("{in: {value: child.year_group, of: settings.school_age_years}}")
        #expect(c.holds())
        #expect(!c.holds(ExtraCriterion.fixture { $0.set("child.year_group", "Year 12") }))
        #expect(c.holds(ExtraCriterion.fixture { $0.set("child.year_group", "Reception") }))
    }

    @Test func inFailsOnAValueNotGiven() throws {
        let c = try ExtraCriterion("{in: {value: child.legal_status, of: [C1, C2]}}")
        #expect(!c.holds(ExtraCriterion.fixture { $0.blank("child.legal_status") }))
    }
}
