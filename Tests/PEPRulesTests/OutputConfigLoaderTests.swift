import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPRules

private let rules = Repository.rules

private func error(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch { return String(describing: error) }
}

@Test func loadsTheShippedFinanceSettings() throws {
    let s = try OutputConfigLoader.finance(contentsOf: rules.appendingPathComponent("finance.yaml"))
    #expect(s.vsCostCentre == "VS4100" && s.subjective == "E4510" && s.referencePrefix == "PP")
    #expect(s.analysisCode(financialYear: "2025-26") == "PPPLUS-2025-26")
}

@Test func loadsTheShippedFeedbackSettingsAndTemplates() throws {
    let s = try OutputConfigLoader.feedback(folder: rules.appendingPathComponent("feedback"))
    #expect(s.from.contains("pep-team@"))
    #expect(s.designatedTeacherTemplate.contains("{{#ppplus}}"))
    #expect(!s.socialWorkerTemplate.contains("{{pp"))
}

@Test func loadsTheShippedEclipseLayoutInOrder() throws {
    let f = try OutputConfigLoader.eclipse(contentsOf: rules.appendingPathComponent("exports/eclipse.yaml"))
    #expect(f.columns.count == ExportField.allCases.count)
    #expect(f.columns.first == ExportColumn(name: "PERSON_ID", field: .personID))
    #expect(f.datePattern.format(CalendarDate(year: 2025, month: 11, day: 3) ?? CalendarDate(dayNumber: 0)) == "03/11/2025")
}

@Test func unknownFinanceKeyIsReportedWithFileLineAndColumn() {
    let yaml = "journal:\n  vs_cost_centre: A\n  subjective: B\n  prepared_by: C\n  cost_center: D\nnotices:\n  from: a@b.org\n  message_id_domain: b.org\n"
    #expect(error { _ = try OutputConfigLoader.finance(yaml: yaml, file: "finance.yaml") }.hasPrefix("finance.yaml:5:3: unknown key `cost_center`"))
}

@Test func missingFinanceSectionNamesIt() {
    #expect(error { _ = try OutputConfigLoader.finance(yaml: "journal:\n  vs_cost_centre: A\n  subjective: B\n  prepared_by: C\n", file: "f.yaml") }
        == "f.yaml:1:1: missing section `notices`")
}

@Test func unknownExportFieldIsReportedOnItsLine() {
    let yaml = "columns:\n  - {name: PERSON_ID, field: person_id}\n  - {name: X, field: child_name}\n"
    #expect(error { _ = try OutputConfigLoader.eclipse(yaml: yaml, file: "eclipse.yaml") }.hasPrefix("eclipse.yaml:3:"))
    #expect(error { _ = try OutputConfigLoader.eclipse(yaml: yaml, file: "eclipse.yaml") }.contains("unknown field `child_name`"))
}

@Test func badDateFormatAndBadXMLNameAreRejected() {
    let dates = "date_format: dd-mm-yy\ncolumns:\n  - {field: upn}\n"
    #expect(error { _ = try OutputConfigLoader.eclipse(yaml: dates, file: "e.yaml") }.hasPrefix("e.yaml:1:14: date_format"))
    let names = "columns:\n  - {name: \"1BAD\", field: upn}\n"
    #expect(error { _ = try OutputConfigLoader.eclipse(yaml: names, file: "e.yaml") }.hasPrefix("e.yaml:2:"))
}

@Test func invalidYAMLReportsWhereItBroke() {
    #expect(error { _ = try OutputConfigLoader.finance(yaml: "journal: [unclosed\n", file: "f.yaml") }.hasPrefix("f.yaml:2:"))
}

@Test func loadsTheShippedSchoolRegister() throws {
    let r = try SchoolRegisterLoader.load(contentsOf: rules.appendingPathComponent("schools.csv"))
    #expect(r.records.count == 5)
    #expect(r["190001"]?.sortCode == "401102" && r["190001"]?.paidByBACS == true)
    #expect(r["190002"]?.route == .journal && r["190004"]?.paidByBACS == false)
}

private let header = "urn,name,route,cost_centre,supplier_id,payee_name,sort_code,account_number,bacs_account_name,remittance_email\n"

@Test func schoolRegisterErrorsGiveFileAndLineButNoBankDetail() {
    let badSort = header + "# comment\n190001,A,cheque,,S1,A Trust,40-11-0,21456783,A,a@b.org\n"
    let message = error { _ = try SchoolRegisterLoader.parse(badSort, file: "schools.csv") }
    #expect(message == "schools.csv:3: sort_code must be 6 digits")
    #expect(!message.contains("40110") && !message.contains("21456783"))
    let badAccount = header + "190001,A,cheque,,S1,A Trust,401102,2145678,A,a@b.org\n"
    #expect(error { _ = try SchoolRegisterLoader.parse(badAccount, file: "s.csv") } == "s.csv:2: account_number must be 8 digits")
}

@Test func schoolRegisterRejectsUnknownRoutesDuplicatesAndLongBACSNames() {
    #expect(error { _ = try SchoolRegisterLoader.parse(header + "190001,A,bank,,,,,,,\n", file: "s.csv") } == "s.csv:2: route must be one of journal, cheque")
    let dup = header + "190002,B,journal,CC1,,,,,,\n190002,B,journal,CC1,,,,,,\n"
    #expect(error { _ = try SchoolRegisterLoader.parse(dup, file: "s.csv") } == "s.csv:3: urn 190002 is listed twice (first on line 2)")
    let long = header + "190001,A,cheque,,S1,A,401102,21456783,ABCDEFGHIJKLMNOPQRS,\n"
    #expect(error { _ = try SchoolRegisterLoader.parse(long, file: "s.csv") } == "s.csv:2: bacs_account_name is longer than 18 characters")
    #expect(error { _ = try SchoolRegisterLoader.parse(header + "190002,B,journal,,,,,,,\n", file: "s.csv") } == "s.csv:2: a journal school needs a cost_centre")
}

@Test func schoolRegisterNeedsEveryColumn() {
    #expect(error { _ = try SchoolRegisterLoader.parse("urn,name,route\n", file: "s.csv") } == "s.csv:1: missing column `cost_centre` in the header")
}

@Test func quotedCellsMaySpanLinesAndLineNumbersStayRight() throws {
    let text = header + "190002,\"Hillside, \"\"Primary\"\"\",journal,CC1,,,,,,\n190003,\"Two\nLines\",journal,CC2,,,,,,\n190004,C,cheque,,,,,,,\n"
    #expect(error { _ = try SchoolRegisterLoader.parse(text, file: "s.csv") } == "s.csv:5: a cheque school needs a supplier_id")
    let ok = try SchoolRegisterLoader.parse(header + "190002,\"Hillside, \"\"Primary\"\"\",journal,CC1,,,,,,\n", file: "s.csv")
    #expect(ok["190002"]?.name == "Hillside, \"Primary\"")
}

@Test func loadsTheShippedRosterAndRejectsDuplicateChildren() throws {
    let roster = try RosterLoader.load(contentsOf: rules.appendingPathComponent("roster.csv"))
    #expect(roster.count == 15 && roster[0].childID == "LA100001")
    let dup = "child_la_id,first_name\nLA1,Ann\nLA1,Ann\n"
    let message = error { _ = try RosterLoader.parse(dup, file: "roster.csv") }
    #expect(message == "roster.csv:3: child_la_id LA1 is listed twice (first on line 2)")
    #expect(!message.contains("Ann"))
}

@Test func theShippedJournalAndPaymentLayoutsAreTheStandardOnes() throws {
    let journal = try OutputConfigLoader.financeLayout(.journal, contentsOf: rules.appendingPathComponent("exports/journal.yaml"))
    let payments = try OutputConfigLoader.financeLayout(.payments, contentsOf: rules.appendingPathComponent("exports/payments.yaml"))
    #expect(journal == FinanceFileLayout.standardJournal)
    #expect(payments == FinanceFileLayout.standardPayments)
}

@Test func aFinanceLayoutIsCheckedWithFileAndLine() {
    func load(_ kind: FinanceFileLayout.Kind, _ yaml: String) -> String {
        error { _ = try OutputConfigLoader.financeLayout(kind, yaml: yaml, file: "payments.yaml") }
    }
    #expect(load(.payments, "line:\n  - {name: a, field: amount}\n  - {name: b, field: child_name}\n")
        .hasPrefix("payments.yaml:3:22: unknown line field `child_name`"))
    #expect(load(.payments, "reference: \"{prefix}{term}-PAYMENT-{run}{payee}\"\nline:\n  - {name: a, field: amount}\n")
        .contains("a bank payment reference is at most 18"))
    #expect(load(.journal, "reference: \"{prefix}{term}-{run}\"\nline:\n  - {name: a, field: amount}\n").contains("must hold {run} and {payee}"))
    #expect(load(.journal, "line:\n  - {name: a, field: amount, value: x}\n").contains("not both"))
    #expect(load(.journal, "line: []\n").contains("`line` is empty"))
    #expect(load(.journal, "money_format: euros\nline:\n  - {name: a, field: amount}\n").hasPrefix("payments.yaml:1:15: money_format"))
    // A journal reference need not fit a bank's limit; a journal field is not a payment field.
    #expect(load(.journal, "reference: \"{prefix}{term}-JOURNAL-{run}{payee}\"\nline:\n  - {name: a, field: debit}\n") == "no error")
    #expect(load(.payments, "line:\n  - {name: a, field: debit}\n").contains("unknown line field `debit`"))
}
