import PEPModel
import Testing
import PEPTestSupport
@testable import PEPReaders

private func read(_ text: String, file: String = "pep.json") throws(IngestError) -> ExtractedDocument {
    try JSONPEPReader().read(Array(text.utf8), file: file)
}

/// The one-line reason a document is refused, or nil if it reads.
private func refusal(_ text: String) -> String? {
    do {
        _ = try read(text)
        return nil
    } catch {
        return error.description
    }
}

private func scalar(_ doc: ExtractedDocument, _ path: FieldPath) -> ExtractedValue? {
    doc.scalars.first { $0.path == path }
}

@Test func completeJSONLandsEveryFieldAtItsPath() throws {
    let doc = try JSONPEPReader().read(Fixture.bytes("complete.json"), file: "complete.json")
    #expect(doc.format == .json)
    #expect(scalar(doc, "child.upn")?.raw == .text("H801200001001"))
    #expect(scalar(doc, "child.upn")?.source == SourceRef(file: "complete.json", location: "$.child.upn"))
    #expect(scalar(doc, "child.year_group")?.raw == .number("7"))
    #expect(scalar(doc, "child.send.status")?.source.location == "$.child.send.status")
    #expect(scalar(doc, "child.send.ehcp_review_date")?.raw == .null)
    #expect(scalar(doc, "meeting.child_attended")?.raw == .boolean(true))
    #expect(scalar(doc, "attendance.percentage")?.raw == .number("92.5"))
    #expect(scalar(doc, "sign_off.designated_teacher.date")?.raw == .text("2025-11-10"))
    let targets = try #require(doc.lists.first { $0.path == "targets" })
    #expect(targets.records.count == 2)
    #expect(targets.records[1].source.location == "$.targets[1]")
    let area = try #require(targets.records[1].values.first { $0.field == "area" })
    #expect(area.raw == .text("Wellbeing"))
    #expect(area.source.location == "$.targets[1].area")
    let requests = try #require(doc.lists.first { $0.path == "ppplus.requests" })
    #expect(requests.records[0].values.first { $0.field == "amount" }?.raw == .number("1250.10"))
    #expect(requests.records[0].source.location == "$.ppplus.requests[0]")
}

@Test func completeJSONBuildsTheTypedPEPWithoutIssues() throws {
    let result = PEPBuilder.build(try JSONPEPReader().read(Fixture.bytes("complete.json"), file: "complete.json"))
    #expect(result.issues.isEmpty)
    let pep = result.pep
    #expect(pep.pep.term?.value == .autumn)
    #expect(pep.child.yearGroup?.value == .y7)
    #expect(pep.child.careStartDate?.value == CalendarDate(year: 2021, month: 11, day: 7))
    #expect(pep.child.send.status?.value == .senSupport)
    #expect(pep.child.send.ehcpReviewDate == nil)
    #expect(pep.meeting.attendees.map { $0.role?.value } == ["Designated Teacher", "Social worker"])
    #expect(pep.ppplus.requests.map { $0.amount?.value } == [Pence(125_010), Pence(60_000)])
    #expect(pep.exclusions.permanent?.value == false)
    #expect(pep.attainment.map { $0.progress?.value } == [.expected, .below])
    #expect(pep.targets[0].reviewDate?.value == CalendarDate(year: 2026, month: 2, day: 6))
    // Every path of the contract had a slot in the complete document.
    #expect(Set(FieldCatalogue.allPaths).subtracting(result.found).isEmpty)
}

@Test func flatDottedKeysResolveAtAnyLevel() throws {
    let doc = try read(
        #"""
        {"schema": "pep/1", "child.upn": "H801200001001", "child": {"send.status": "EHCP"},
         "sign_off.designated_teacher": {"name": "Dee Teacher"}, "ppplus.requests": [{"amount": "£1,250.00"}]}
        """#)
    #expect(scalar(doc, "child.upn")?.source.location == #"$["child.upn"]"#)
    #expect(scalar(doc, "child.send.status")?.source.location == #"$.child["send.status"]"#)
    #expect(scalar(doc, "sign_off.designated_teacher.name")?.raw == .text("Dee Teacher"))
    #expect(doc.lists.first?.path == "ppplus.requests")
    #expect(doc.lists.first?.records.first?.values.first?.raw == .text("£1,250.00"))
}

@Test func nullGroupsAndListsMeanNotGiven() throws {
    let doc = try read(#"{"schema": "pep/1", "boxall": null, "targets": null, "attainment": []}"#)
    #expect(doc.scalars.isEmpty)
    #expect(doc.lists.map(\.path) == ["targets", "attainment"])
    #expect(doc.lists.allSatisfy { $0.records.isEmpty })
}

@Test func unreadableValuesPassThroughToTheBuilder() throws {
    let doc = try read(#"{"schema": "pep/1", "meeting": {"date": "the first Friday"}, "wellbeing": {"sdq_score": "lots"}}"#)
    #expect(scalar(doc, "meeting.date")?.raw == .text("the first Friday"))
    let result = PEPBuilder.build(doc)
    #expect(result.issues.map(\.path) == ["meeting.date", "wellbeing.sdq_score"])
    #expect(result.issues.allSatisfy { !$0.message.contains("Friday") && !$0.message.contains("lots") })
}

@Test func missingSchemaIsRefused() {
    #expect(refusal(#"{"child": {"upn": "H801200001001"}}"#)
        == #"pep.json: the JSON has no "schema" key; a PEP must declare "schema": "pep/1""#)
}

@Test func foreignSchemaIsRefusedWithoutQuotingIt() {
    #expect(refusal("{\n\"schema\": \"pep/2\"}") == #"pep.json: the JSON's "schema" is not "pep/1" (line 2)"#)
    #expect(refusal(#"{"schema": 1}"#) == "pep.json: expected a string at $.schema, found a number")
}

@Test func wrongTypesNameThePathAndBothTypes() {
    #expect(refusal(#"{"schema": "pep/1", "child": {"upn": {"x": 1}}}"#)
        == "pep.json: expected a string or a number at $.child.upn, found an object")
    #expect(refusal(#"{"schema": "pep/1", "child": "Ada Testperson"}"#)
        == "pep.json: expected an object at $.child, found a string")
    #expect(refusal(#"{"schema": "pep/1", "targets": {"area": "English"}}"#)
        == "pep.json: expected an array at $.targets, found an object")
    #expect(refusal(#"{"schema": "pep/1", "targets": ["English"]}"#)
        == "pep.json: expected an object at $.targets[0], found a string")
    #expect(refusal(#"{"schema": "pep/1", "child": {"date_of_birth": 20130402}}"#)
        == "pep.json: expected a string at $.child.date_of_birth, found a number")
    #expect(refusal(#"{"schema": "pep/1", "meeting": {"child_attended": 1}}"#)
        == "pep.json: expected a boolean or a string at $.meeting.child_attended, found a number")
    #expect(refusal(#"{"schema": "pep/1", "ppplus": {"requests": [{"amount": true}]}}"#)
        == "pep.json: expected a number or a string at $.ppplus.requests[0].amount, found a boolean")
    #expect(refusal(#"[{"schema": "pep/1"}]"#) == "pep.json: expected an object at $, found an array")
}

@Test func wrongTypeMessagesNeverQuoteTheValue() {
    let message = refusal(#"{"schema": "pep/1", "child": {"first_name": ["Ada", "Testperson"]}}"#) ?? ""
    #expect(message == "pep.json: expected a string or a number at $.child.first_name, found an array")
    #expect(!message.contains("Ada"))
}

@Test func unknownKeysAreRefusedWithTheirPath() {
    #expect(refusal(#"{"schema": "pep/1", "child": {"colour": "blue"}}"#)
        == "pep.json: unknown key at $.child.colour (not a field of the PEP contract)")
    #expect(refusal(#"{"schema": "pep/1", "targets": [{"area": "x"}, {"deadline": "x"}]}"#)
        == "pep.json: unknown key at $.targets[1].deadline (not a field of targets records)")
    #expect(refusal(#"{"schema": "pep/1", "child.pet name": "x"}"#)
        == #"pep.json: unknown key at $["child.pet name"] (not a field of the PEP contract)"#)
    #expect(refusal(#"{"schema": "pep/1", "child": {"child.upn": "x"}}"#)
        == #"pep.json: unknown key at $.child["child.upn"] (not a field of the PEP contract)"#)
}

@Test func syntaxErrorsAreMalformedWithLineAndColumn() throws {
    do {
        _ = try read("{\"schema\": \"pep/1\",\n  \"child\": {\"upn\": \"x\",}\n}")
        Issue.record("read a broken document")
    } catch {
        #expect(error.code == .malformed)
        #expect(error.description == "pep.json: the JSON is not well-formed: expected a key in double quotes at line 2, column 24")
    }
}

@Test func hostileJSONIsRefusedQuickly() {
    let cases: [([UInt8], IngestError.Code)] = [
        (Array((String(repeating: "{\"child\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)).utf8), .tooLarge),
        (Array(("{\"schema\": \"pep/1\", \"attendance\": {\"percentage\": " + String(repeating: "1", count: 200_000) + "}}").utf8), .tooLarge),
        (Array("{\"schema\": \"pep/1\", \"child\": {\"upn\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}}".utf8), .malformed),
        (Array("{\"schema\": \"pep/1\", \"child\": {\"upn\": \"H80".utf8), .malformed),
    ]
    for (bytes, code) in cases {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try JSONPEPReader().read(bytes, file: "hostile.json")
            Issue.record("read a hostile document")
        } catch {
            #expect(error.code == code)
            #expect(!error.description.contains("\n"))
        }
        #expect(clock.now - start < .seconds(2))
    }
}

@Test func aPathGivenNestedAndFlatWithDifferentValuesIsAnIssueNotARefusal() throws {
    let doc = try read(#"{"schema": "pep/1", "child": {"upn": "H801200001001"}, "child.upn": "P938411223344"}"#)
    let result = PEPBuilder.build(doc)
    #expect(result.pep.child.upn?.value == "H801200001001")
    #expect(result.issues.map(\.description)
        == [#"child.upn: is given twice with different values; the first ($.child.upn) is used ($["child.upn"])"#])
}

@Test func aSubmissionRecordIsAcceptedAndNotRead() throws {
    let doc = try read(#"{"schema": "pep/1", "child": {"upn": "A"}, "submission": {"sender": "x@example.org", "upn": "B"}}"#)
    #expect(doc.scalars.map(\.path) == ["child.upn"])
    #expect(refusal(#"{"schema": "pep/1", "submission": "from school"}"#)?.contains("$.submission") == true)
    #expect(refusal(#"{"schema": "pep/1", "child": {"submission": {}}}"#) != nil)
}
