import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

/// One change to the Green fixture (and its context) that should make one criterion fail.
struct Knockout: Sendable, CustomStringConvertible {
    let id: String
    let what: String
    var history = ChildHistory()
    var received = PEPFixture.received
    var attachments: [AttachmentInfo] = []
    let change: @Sendable (inout PEPFixture) -> Void

    var description: String { "\(id): \(what)" }

    var assessment: Assessment {
        var fixture = PEPFixture.greenReview()
        change(&fixture)
        return assess(fixture, context: PEPFixture.context(received: received, attachments: attachments, history: history))
    }
}

let sameVoice =
    "I like science and PE the most. Maths is hard when there are fractions. I want help with reading long books and I want to join the football club."

let knockouts: [Knockout] = [
    Knockout(id: "ID-01", what: "no child ID") { $0.blank("child.la_id") },
    Knockout(id: "ID-02", what: "UPN with a wrong check letter") { $0.set("child.upn", "A823456789012") },
    Knockout(id: "ID-03", what: "year group two years out") { $0.set("child.year_group", "Year 7") },
    Knockout(id: "ID-04", what: "five-digit URN") { $0.set("school.urn", "12345") },
    Knockout(id: "ID-05", what: "DT e-mail not an address") { $0.set("school.designated_teacher.email", "ask the office") },
    Knockout(id: "ID-06", what: "no social worker") { $0.blank("social_worker.name") },
    Knockout(id: "MTG-01", what: "meeting after receipt") { $0.set("meeting.date", "18/02/2026") },
    Knockout(id: "MTG-02", what: "no social worker attended") { $0.setRecord("meeting.attendees", 1, "role", "Teacher") },
    Knockout(id: "MTG-03", what: "next PEP seven months away") { $0.set("meeting.next_date", "30/09/2026") },
    Knockout(id: "MTG-04", what: "child absent, no reason") { $0.set("meeting.child_attended", "No") },
    Knockout(id: "TIME-01", what: "received 20 working days after", received: CalendarDate(year: 2026, month: 3, day: 10)!) { _ in },
    Knockout(id: "TIME-02", what: "meeting after the termly deadline", received: CalendarDate(year: 2026, month: 3, day: 17)!) {
        $0.set("meeting.date", "16/03/2026")
    },
    Knockout(id: "TIME-03", what: "initial PEP late after entering care") {
        $0.set("pep.type", "Initial")
        $0.set("child.care_start_date", "01/12/2025")
    },
    Knockout(id: "ATT-01", what: "no attendance") { $0.blank("attendance.percentage") },
    Knockout(id: "ATT-02", what: "85% attendance, no target") { $0.set("attendance.percentage", "85") },
    Knockout(id: "EXC-01", what: "suspension days blank") { $0.blank("exclusions.suspension_days") },
    Knockout(id: "EXC-02", what: "suspended, no behaviour target") { $0.set("exclusions.suspension_days", "2") },
    Knockout(id: "EXC-03", what: "permanently excluded") { $0.set("exclusions.permanent", "Yes") },
    Knockout(id: "SEN-01", what: "no SEN status") { $0.blank("child.send.status") },
    Knockout(id: "SEN-02", what: "SEN support, no primary need") { $0.set("child.send.status", "SEN Support") },
    Knockout(id: "SEN-03", what: "EHCP review 17 months ago") {
        $0.set("child.send.status", "EHCP")
        $0.set("child.send.primary_need", "Autism")
        $0.set("child.send.ehcp_review_date", "01/09/2024")
    },
    Knockout(id: "WB-01", what: "no SDQ") { $0.blank("wellbeing.sdq_score") },
    Knockout(id: "WB-02", what: "SDQ 20, no wellbeing target") {
        $0.set("wellbeing.sdq_score", "20")
        $0.setRecord("targets", 2, "area", "Science")
    },
    Knockout(id: "WB-03", what: "Boxall ticked as attached but missing") { $0.set("boxall.attached", "Yes") },
    Knockout(id: "ATN-01", what: "no maths attainment") { $0.setRecord("attainment", 1, "subject", "History") },
    Knockout(id: "ATN-02", what: "a subject without progress") { $0.setRecord("attainment", 0, "progress", "") },
    Knockout(id: "VOI-01", what: "a one-word voice") { $0.set("child_voice", "Happy.") },
    Knockout(id: "VOI-02", what: "voice copied from last term", history: ChildHistory(lastTermChildVoice: sameVoice)) { _ in },
    Knockout(id: "VOI-03", what: "no carer views") { $0.blank("carer_views") },
    Knockout(id: "PT-01", what: "a previous target without outcome") { $0.setRecord("previous_targets", 0, "outcome", "") },
    Knockout(id: "TGT-01", what: "two targets") { $0.lists["targets"]?.removeLast() },
    Knockout(id: "TGT-02", what: "unmeasurable success criteria") { $0.setRecord("targets", 0, "success_criteria", "Reads better") },
    Knockout(id: "TGT-03", what: "review date before the meeting") { $0.setRecord("targets", 0, "review_date", "01/02/2026") },
    Knockout(id: "TGT-04", what: "no frequency") { $0.setRecord("targets", 1, "frequency", "") },
    Knockout(id: "TGT-05", what: "academic targets only") { $0.setRecord("targets", 2, "area", "Science") },
    Knockout(id: "PP-01", what: "request linked to a missing target") { $0.setRecord("ppplus.requests", 0, "target_ref", "T7") },
    Knockout(id: "PP-02", what: "request over the termly cap") { $0.setRecord("ppplus.requests", 0, "amount", "£600") },
    Knockout(id: "PP-03", what: "uniform bought with PP+") { $0.setRecord("ppplus.requests", 0, "intervention", "New school uniform") },
    Knockout(id: "PP-04", what: "no impact report after PP+ last term", history: ChildHistory(ppPlusPaidLastTerm: true)) {
        $0.blank("ppplus.previous_impact")
    },
    Knockout(id: "PP-05", what: "PP+ with no targets") { $0.blank("targets") },
    Knockout(id: "TRN-01", what: "Year 6 in spring, no transition plan") {
        $0.set("child.year_group", "Year 6")
        $0.set("child.date_of_birth", "01/10/2014")
        $0.blank("transition.plan")
    },
    Knockout(id: "CAR-01", what: "Year 9 without careers guidance") { $0.blank("careers.guidance") },
    Knockout(id: "TRN-02", what: "Year 12 without next steps") {
        $0.set("child.year_group", "Year 12")
        $0.blank("transition.plan")
    },
    Knockout(id: "SGN-01", what: "sign-off undated") { $0.blank("sign_off.designated_teacher.date") },
    Knockout(id: "SGN-02", what: "sign-off not confirmed") { $0.set("sign_off.confirmed", "No") },
]

/// Changes under which a criterion that is n/a for the Green fixture applies and passes.
let applicablePasses: [Knockout] = [
    Knockout(id: "TIME-03", what: "initial PEP 16 school days after entering care") {
        $0.set("pep.type", "Initial")
        $0.set("child.care_start_date", "19/01/2026")
    },
    Knockout(id: "ATT-02", what: "85% attendance with an attendance target") {
        $0.set("attendance.percentage", "85")
        $0.setRecord("targets", 2, "actions", "Attendance mentor meets the child every Monday")
    },
    Knockout(id: "EXC-02", what: "suspended, with a behaviour target") {
        $0.set("exclusions.suspension_days", "2")
        $0.setRecord("targets", 2, "area", "Behaviour and inclusion")
    },
    Knockout(id: "SEN-02", what: "EHCP with a primary need") {
        $0.set("child.send.status", "EHCP")
        $0.set("child.send.primary_need", "Speech, language and communication")
        $0.set("child.send.ehcp_review_date", "01/09/2025")
    },
    Knockout(id: "SEN-03", what: "EHCP reviewed five months ago") {
        $0.set("child.send.status", "Education, Health and Care Plan")
        $0.set("child.send.primary_need", "SEMH")
        $0.set("child.send.ehcp_review_date", "01/09/2025")
    },
    Knockout(id: "WB-02", what: "SDQ 20 with a SEMH target") { $0.set("wellbeing.sdq_score", "20") },
    Knockout(
        id: "WB-03", what: "Boxall attached and sent",
        attachments: [AttachmentInfo(fileName: "Boxall-Profile.pdf", contentType: "application/pdf", size: 1000)]
    ) { $0.set("boxall.attached", "Yes") },
    Knockout(id: "VOI-02", what: "voice differs from last term", history: ChildHistory(lastTermChildVoice: "I like art.")) { _ in },
    Knockout(id: "PP-04", what: "impact reported after PP+ last term", history: ChildHistory(ppPlusPaidLastTerm: true)) { _ in },
    Knockout(id: "TRN-01", what: "Year 6 in spring with a plan") {
        $0.set("child.year_group", "Year 6")
        $0.set("child.date_of_birth", "01/10/2014")
    },
    Knockout(id: "TRN-02", what: "Year 12 with next steps") {
        $0.set("child.year_group", "Year 12")
        $0.set("child.date_of_birth", "01/10/2008")
    },
]

@Test(arguments: knockouts)
func criterionFailsWhenItsFieldIsKnockedOut(_ knockout: Knockout) {
    let result = knockout.assessment.result(knockout.id)
    #expect(result?.outcome == .fail)
    #expect(result?.feedback?.isEmpty == false)
}

@Test(arguments: knockouts)
func criterionPassesOnTheCompleteFixture(_ knockout: Knockout) {
    let outcome = assess(PEPFixture.greenReview()).outcome(knockout.id)
    let conditional = Set(applicablePasses.map(\.id))
    #expect(outcome == (conditional.contains(knockout.id) ? .notApplicable : .pass))
}

@Test(arguments: applicablePasses)
func conditionalCriterionPassesWhenItAppliesAndIsMet(_ variant: Knockout) {
    #expect(variant.assessment.outcome(variant.id) == .pass)
}

@Test func everyShippedCriterionHasAKnockoutTest() {
    #expect(Set(RulesDirectory.rules.criteria.map(\.id)) == Set(knockouts.map(\.id)))
}

@Test func previousTargetsMissingAltogetherIsCritical() {
    var fixture = PEPFixture.greenReview()
    fixture.blank("previous_targets")
    #expect(assess(fixture).result("PT-01")?.severity == .critical)
    var partly = PEPFixture.greenReview()
    partly.setRecord("previous_targets", 0, "outcome", "")
    #expect(assess(partly).result("PT-01")?.severity == .major)
}

@Test func previousTargetsDoNotApplyToAnInitialPEP() {
    var fixture = PEPFixture.greenReview()
    fixture.set("pep.type", "Initial")
    fixture.set("child.care_start_date", "19/01/2026")
    fixture.blank("previous_targets")
    #expect(assess(fixture).outcome("PT-01") == .notApplicable)
}

@Test func zeroTargetsIsCriticalAndTooFewIsMajor() {
    var none = PEPFixture.greenReview()
    none.blank("targets")
    #expect(assess(none).result("TGT-01")?.severity == .critical)
    var two = PEPFixture.greenReview()
    two.lists["targets"]?.removeLast()
    #expect(assess(two).result("TGT-01")?.severity == .major)
}

@Test func earlyYearsNeedOnlyTwoTargets() {
    var fixture = PEPFixture.greenReview()
    fixture.set("child.year_group", "Reception")
    fixture.set("child.date_of_birth", "01/12/2020")
    fixture.lists["targets"]?.removeFirst()
    #expect(assess(fixture).outcome("TGT-01") == .pass)
}

@Test func placeholderVoiceFailsEvenWhenLong() {
    var fixture = PEPFixture.greenReview()
    fixture.set("child_voice", "See above")
    let result = assess(fixture).result("VOI-01")
    #expect(result?.outcome == .fail)
    #expect(result?.evidence.first?.note == "placeholder text, not a real answer")
}

@Test(arguments: ["2", "T2", "t 2", "Target 2", "target no. 2", "Maths", "secure fractions"])
func linkedTargetResolvesByNumberOrText(_ reference: String) {
    var fixture = PEPFixture.greenReview()
    fixture.setRecord("ppplus.requests", 0, "target_ref", reference)
    #expect(TargetReference.resolve(reference, in: fixture.read.pep.targets) == 1)
    #expect(assess(fixture).outcome("PP-01") == .pass)
}

@Test(arguments: ["0", "T4", "Target 9", "Music"])
func linkedTargetThatNamesNoTargetDoesNotResolve(_ reference: String) {
    #expect(TargetReference.resolve(reference, in: PEPFixture.greenReview().read.pep.targets) == nil)
}

@Test func evidenceNeverRepeatsNamesOrDateOfBirth() {
    var fixture = PEPFixture.greenReview()
    fixture.set("child.year_group", "Year 7")
    let assessment = assess(fixture)
    let notes = assessment.results.flatMap(\.evidence).map(\.note).joined(separator: "\n")
    for secret in ["Alex", "Example", "2012-03-14", "14/03/2012", PEPFixture.upn, "LA100234"] {
        #expect(!notes.contains(secret))
    }
    #expect(assessment.result("ID-03")?.evidence.first?.note == "year group is 2 year(s) away from the date of birth's")
}

@Test func evidencePointsAtTheSourceOfTheField() {
    var fixture = PEPFixture.greenReview()
    fixture.set("attendance.percentage", "85")
    let evidence = assess(fixture).result("ATT-02")?.evidence ?? []
    #expect(evidence.contains { $0.path == "targets" && $0.note == "0 of 3 record(s) meet the condition" })
    let gate = assess(fixture).result("ATT-01")?.evidence.first
    #expect(gate?.source == SourceRef(file: "fixture.json", location: "$.attendance.percentage"))
}
