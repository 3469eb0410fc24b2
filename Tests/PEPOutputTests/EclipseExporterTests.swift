import Foundation
import PEPModel
import Testing

@testable import PEPOutput

private let layout = EclipseExportFormat(
    columns: ExportField.allCases.map { ExportColumn(name: $0.rawValue.uppercased(), field: $0) },
    datePattern: DatePattern("dd/MM/yyyy") ?? .iso)

@Test func exportCSVMatchesSnapshot() throws {
    try OutputFixtures.assertSnapshot(EclipseExporter(format: layout).csv(OutputFixtures.exportRecords, batch: 1), named: "eclipse-000001.csv")
}

@Test func exportXMLMatchesSnapshot() throws {
    try OutputFixtures.assertSnapshot(EclipseExporter(format: layout).xml(OutputFixtures.exportRecords, batch: 1), named: "eclipse-000001.xml")
}

@Test func exportGuardsAgainstFormulaInjection() {
    let csv = EclipseExporter(format: layout).csv(OutputFixtures.exportRecords, batch: 1)
    #expect(csv.contains("\"'=HYPERLINK("))
    #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))
}

@Test func recordKindAndRatingLettersFollowTheLayout() {
    var custom = layout
    custom.ratingLetters = [.red: "1", .amber: "2", .green: "3"]
    custom.money = .pence
    let e = EclipseExporter(format: custom)
    let update = OutputFixtures.exportRecords[1]
    #expect(e.value(.recordKind, of: update, batch: 3) == "update")
    #expect(e.value(.qaOutcome, of: update, batch: 3) == "1")
    #expect(e.value(.ppPlusApproved, of: OutputFixtures.exportRecords[0], batch: 3) == "55000")
    #expect(e.value(.batchID, of: update, batch: 3) == "ECL-000003")
    #expect(e.value(.meetingDate, of: update, batch: 3) == "20/10/2025")
}

