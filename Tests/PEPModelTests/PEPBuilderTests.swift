import Testing
@testable import PEPModel

private func document(_ values: [(FieldPath, RawValue)]) -> ExtractedDocument {
    var doc = ExtractedDocument(format: .json, file: "t.json")
    for (i, (path, raw)) in values.enumerated() { doc.add(path, raw, at: "loc\(i)") }
    return doc
}

@Test func valuesAreNormalisedIntoTheTypedPEPWithTheirSource() {
    let result = PEPBuilder.build(document([
        ("child.upn", .text("H801200001001")), ("meeting.date", .text("7th Nov 2025")),
        ("child.year_group", .text("Year 7")), ("meeting.child_attended", .text("☒")),
    ]))
    #expect(result.issues.isEmpty)
    #expect(result.pep.child.upn == Field("H801200001001", source: SourceRef(file: "t.json", location: "loc0")))
    #expect(result.pep.meeting.date?.value == CalendarDate(year: 2025, month: 11, day: 7))
    #expect(result.pep.child.yearGroup?.value == .y7)
    #expect(result.pep.meeting.childAttended?.value == true)
    #expect(result.found == ["child.upn", "meeting.date", "child.year_group", "meeting.child_attended"])
}

@Test func anUnknownPathBecomesAnIssue() {
    let result = PEPBuilder.build(document([("child.shoe_size", .text("5"))]))
    #expect(result.issues.map(\.description) == ["child.shoe_size: is not a field of the PEP contract (loc0)"])
    #expect(result.found.isEmpty)
}

@Test func aBadValueBecomesAnIssueWithoutTheValue() {
    let result = PEPBuilder.build(document([("child.date_of_birth", .text("Ada's birthday")), ("child.upn", .text("H801200001001"))]))
    #expect(result.issues.map(\.description) == ["child.date_of_birth: could not be read: not a date (loc0)"])
    #expect(!result.issues.contains { $0.message.contains("Ada") })
    #expect(result.pep.child.dateOfBirth == nil)
    #expect(result.found.contains("child.date_of_birth"))
    #expect(result.pep.child.upn?.value == "H801200001001")
}

@Test func conflictingDuplicatesKeepTheFirstAndSayWhere() {
    let result = PEPBuilder.build(document([("child.last_name", .text("Testperson")), ("child.last_name", .text("Otherperson"))]))
    #expect(result.pep.child.lastName?.value == "Testperson")
    #expect(result.issues.map(\.description)
        == ["child.last_name: is given twice with different values; the first (loc0) is used (loc1)"])
    #expect(!result.issues[0].message.contains("person"))
}

@Test func agreeingDuplicatesAreNotAnIssue() {
    let result = PEPBuilder.build(document([("meeting.date", .text("07/11/2025")), ("meeting.date", .text("2025-11-07"))]))
    #expect(result.issues.isEmpty)
}

@Test func aPlaceholderIsFoundButNotGiven() {
    let result = PEPBuilder.build(document([("child.upn", .text("Click or tap here to enter text."))]))
    #expect(result.pep.child.upn == nil)
    #expect(result.found == ["child.upn"])
    #expect(result.issues.isEmpty)
}

@Test func listRecordsAreBuiltAndBlankRowsSkipped() {
    var doc = ExtractedDocument(format: .docx, file: "t.docx")
    let ref = SourceRef(file: "t.docx", location: "row")
    doc.addRecord(ExtractedRecord(source: ref, values: [("amount", .text("£550"), ref), ("intervention", .text("Tutor"), ref)]), to: "ppplus.requests")
    doc.addRecord(ExtractedRecord(source: ref, values: [("amount", .text(""), ref), ("intervention", .text("N/A"), ref)]), to: "ppplus.requests")
    doc.addRecord(ExtractedRecord(source: ref, values: [("amount", .text("lots"), ref), ("colour", .text("red"), ref)]), to: "ppplus.requests")
    let result = PEPBuilder.build(doc)
    #expect(result.pep.ppplus.requests.count == 1)
    #expect(result.pep.ppplus.requests[0].amount?.value == Pence(55_000))
    #expect(result.issues.map(\.path) == ["ppplus.requests[].amount", "ppplus.requests[].colour"])
    #expect(result.found.isSuperset(of: ["ppplus.requests", "ppplus.requests[].amount", "ppplus.requests[].intervention"]))
}

@Test func anUnknownListBecomesAnIssue() {
    var doc = ExtractedDocument(format: .docx, file: "t.docx")
    doc.noteList("pets")
    #expect(PEPBuilder.build(doc).issues.map(\.description) == ["pets: is not a list of the PEP contract"])
}
