import Foundation
import Testing
@testable import PEPModel

private let nov7 = CalendarDate(year: 2025, month: 11, day: 7)

@Test(arguments: [
    "07/11/2025", "7/11/25", "7.11.2025", "7 November 2025", "7th Nov 2025", "2025-11-07",
    "2025-11-07T00:00:00Z", "7-11-2025", "Friday 7 November 2025", "November 7, 2025", " 07/11/2025 ",
])
func everyContractDateSpellingReadsAsTheSameDay(_ text: String) {
    #expect(ValueNormaliser.date(text) == nov7)
}

@Test func aDatePickerValueReadsAsItsDay() throws {
    #expect(try ValueNormaliser.normalise(.isoDate("2025-11-07T00:00:00Z"), as: .date, parseChoice: { _ in nil }) == .date(nov7!))
}

@Test(arguments: ["31/02/2025", "2025-13-01", "7 Smarch 2025", "next Friday", "07/11", "1/2/3/4"])
func impossibleOrUnreadableDatesAreRefused(_ text: String) {
    #expect(ValueNormaliser.date(text) == nil)
}

@Test func twoDigitYearsPivotAt1970() {
    #expect(ValueNormaliser.date("7/11/69")?.year == 2069)
    #expect(ValueNormaliser.date("7/11/70")?.year == 1970)
}

@Test(arguments: [
    ("£1,250.00", 125_000), ("1250", 125_000), ("£600", 60_000), ("600.00 GBP", 60_000), ("1250.10", 125_010),
    ("£1,250", 125_000), ("GBP 600", 60_000), ("12.5", 1_250), ("0", 0),
])
func everyContractMoneySpellingReadsInPence(_ text: String, _ pence: Int) {
    #expect(ValueNormaliser.money(text) == Pence(pence))
}

@Test(arguments: ["50p", "1,25.00", "12.345", "£", "twelve pounds", "1.2.3", "9999999999"])
func unreadableMoneyIsRefused(_ text: String) {
    #expect(ValueNormaliser.money(text) == nil)
}

@Test(arguments: [
    ("Yes", true), ("No", false), ("Y", true), ("N", false), ("true", true), ("false", false),
    ("☒", true), ("☐", false), ("X", true), ("x", true), ("YES", true), ("✓", true),
    ("Yes - for the first half", true), ("No, unwell", false),
])
func everyContractBooleanSpellingReads(_ text: String, _ value: Bool) {
    #expect(ValueNormaliser.boolean(text) == value)
}

@Test func aTickedOrUntickedCheckboxReadsAsABoolean() throws {
    #expect(try ValueNormaliser.normalise(.checkbox(true), as: .boolean, parseChoice: { _ in nil }) == .boolean(true))
    #expect(try ValueNormaliser.normalise(.checkbox(false), as: .boolean, parseChoice: { _ in nil }) == .boolean(false))
    #expect(try ValueNormaliser.normalise(.boolean(true), as: .boolean, parseChoice: { _ in nil }) == .boolean(true))
}

@Test func unreadableBooleansAreRefused() {
    #expect(ValueNormaliser.boolean("maybe") == nil)
    #expect(ValueNormaliser.boolean("Not sure") == nil)
}

@Test func enumWordingsReadToTheirCanonicalSpelling() {
    #expect(SENStatus.parse("SEN Support") == .senSupport)
    #expect(SENStatus.parse("EHCP") == .ehcp)
    #expect(SENStatus.parse("Education, Health and Care Plan") == .ehcp)
    #expect(SENStatus.parse("None") == SENStatus.none)
    #expect(YearGroup.parse("Year 7") == .y7)
    #expect(YearGroup.parse("Reception") == .reception)
    #expect(YearGroup.parse("Y11") == .y11)
    #expect(YearGroup.parse("7") == .y7)
    #expect(Term.parseLoosely("Autumn term") == .autumn)
    #expect(Term.parseLoosely("SPRING TERM 2025/26") == .spring)
    #expect(Term.parseLoosely("Autumn or spring") == nil)
    #expect(LegalStatus.parseLoosely("C2 - Full care order") == .c2)
    #expect(LegalStatus.parseLoosely("Section 20") == .v2)
    #expect(Progress.parse("Below expected progress") == .below)
    #expect(TargetOutcome.parse("Partially achieved") == .partly)
    #expect(PEPType.parse("Initial PEP") == .initial)
}

@Test func enumWordingsReadThroughTheCatalogue() throws {
    let year = try #require(FieldCatalogue.scalar("child.year_group"))
    #expect(try year.normalise(.text("Year 7")) == .text("7"))
    #expect(try year.normalise(.number("7")) == .text("7"))
    #expect(try year.normalise(.text("Reception")) == .text("R"))
    let send = try #require(FieldCatalogue.scalar("child.send.status"))
    #expect(try send.normalise(.text("Education, Health and Care Plan")) == .text("ehcp"))
    let term = try #require(FieldCatalogue.scalar("pep.term"))
    #expect(try term.normalise(.text("Autumn term")) == .text("autumn"))
    #expect(throws: ValueProblem.self) { try send.normalise(.text("Purple")) }
}

@Test(arguments: [
    "", "   ", "N/A", "n/a", "NA", "TBC", "tbc", "Click or tap here to enter text.", "Click or tap to enter a date.",
    "\u{A0}", "-", "?", "Choose an item.",
])
func placeholdersMeanNotGiven(_ text: String) throws {
    #expect(ValueNormaliser.isNotGiven(text))
    for kind in [FieldKind.text, .date, .money, .boolean, .integer(nil), .decimal(nil)] {
        #expect(try ValueNormaliser.normalise(.text(text), as: kind, parseChoice: { _ in nil }) == nil)
    }
}

@Test func nullMeansNotGiven() throws {
    #expect(try ValueNormaliser.normalise(.null, as: .text, parseChoice: { _ in nil }) == nil)
}

@Test func realTextIsNotAPlaceholder() {
    #expect(!ValueNormaliser.isNotGiven("Nathan"))
    #expect(!ValueNormaliser.isNotGiven("No"))
    #expect(!ValueNormaliser.isNotGiven("Not applicable until Year 9."))
}

@Test func numbersReadWithTheirRanges() throws {
    #expect(ValueNormaliser.decimal("92.5%") == Decimal(string: "92.5"))
    #expect(ValueNormaliser.decimal("92,5") == Decimal(string: "92.5"))
    #expect(ValueNormaliser.integer("14.0") == 14)
    #expect(ValueNormaliser.integer("14.5") == nil)
    let sdq = try #require(FieldCatalogue.scalar("wellbeing.sdq_score"))
    #expect(try sdq.normalise(.number("14")) == .integer(14))
    #expect(throws: ValueProblem.self) { try sdq.normalise(.number("41")) }
    let attendance = try #require(FieldCatalogue.scalar("attendance.percentage"))
    #expect(throws: ValueProblem.self) { try attendance.normalise(.number("100.5")) }
    #expect(throws: ValueProblem.self) { try attendance.normalise(.number("1e2")) }
}

@Test func valueProblemsNameTheExpectedFormOnly() throws {
    let dob = try #require(FieldCatalogue.scalar("child.date_of_birth"))
    do {
        _ = try dob.normalise(.text("the second of April"))
        Issue.record("read a non-date")
    } catch {
        #expect(error.description == "not a date")
    }
}

@Test func textIsTidiedButKept() throws {
    #expect(try ValueNormaliser.normalise(.text("  Dee\u{A0}Teacher’s  plan "), as: .text, parseChoice: { _ in nil })
        == .text("Dee Teacher's plan"))
}

/// The ASCII fast path of `TextFolding.key` gives the same key as the general one, for every
/// kind of ASCII text a form holds (and for random ASCII), and steps aside for anything else.
@Test func theASCIIKeyIsTheSameAsTheGeneralKey() {
    var generator = SystemRandomNumberGenerator()
    var samples = [
        "Child's first name:", "  Review of previous targets  ", "UPN", "Date of birth (DD/MM/YYYY)", "\tSEN\r\nstatus\u{0B}",
        "", "   ", "a-b_c.d", "PP+ request 1", "Year 10/11", "\u{7F}control\u{01}", "ABC123xyz",
    ]
    for _ in 0..<2_000 {
        let length = Int.random(in: 0..<40, using: &generator)
        samples.append(String(decoding: (0..<length).map { _ in UInt8.random(in: 0..<0x80, using: &generator) }, as: UTF8.self))
    }
    for text in samples {
        #expect(TextFolding.asciiKey(text) == TextFolding.unicodeKey(text), "\(Array(text.utf8))")
    }
    #expect(TextFolding.asciiKey("Zoë’s name") == nil)
    #expect(TextFolding.key("Zoë’s name") == "zoë s name")
}

@Test func theASCIICleanIsTheSameAsTheGeneralClean() {
    var generator = SystemRandomNumberGenerator()
    var samples = ["  a  b\t\tc \r\n d\u{0B}e\u{0C} ", "", " ", "\u{01}x\u{1F}y\u{7F}", "Line one\n\n\nLine two", "\t\n"]
    for _ in 0..<2_000 {
        let length = Int.random(in: 0..<40, using: &generator)
        samples.append(String(decoding: (0..<length).map { _ in UInt8.random(in: 0..<0x80, using: &generator) }, as: UTF8.self))
    }
    for text in samples {
        #expect(TextFolding.asciiClean(text) == TextFolding.unicodeClean(text), "\(Array(text.utf8))")
    }
    #expect(TextFolding.asciiClean("caf\u{E9}") == nil && TextFolding.clean(" caf\u{E9}\u{A0} ") == "caf\u{E9}")
}

@Test func theHeadingByteSearchFindsWholeNeedlesOnly() {
    func has(_ a: String, _ b: String) -> Bool { FormMapping.contains(Array(a.utf8), Array(b.utf8)) }
    #expect(has(" review of previous targets ", " targets "))
    #expect(has("abc", "abc") && has("abc", "") && has("aab", "ab"))
    #expect(!has(" targets2 ", " targets ") && !has("ab", "abc") && !has("", "a"))
}
