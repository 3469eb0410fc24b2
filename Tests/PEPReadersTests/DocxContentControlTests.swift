import PEPModel
import Testing

@testable import PEPReaders

@Suite struct DocxContentControlTests {
    @Test func aTaggedControlGivesItsTextAtThePathOfItsTag() throws {
        let r = try Docx.result(Docx.p(Docx.sdt(tag: "child.upn", Docx.run("A20112345612") + Docx.run("3"))))
        #expect(r.text("child.upn") == "A201123456123")
        #expect(r.pep.value(at: "child.upn")?.source?.location == "content control child.upn")
    }

    @Test func aDatePickerGivesItsFullDate() throws {
        let date = "<w:date w:fullDate=\"2025-11-07T00:00:00Z\"><w:dateFormat w:val=\"d MMMM yyyy\"/></w:date>"
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.sdt(tag: "meeting.date", Docx.run("7 November 2025"), properties: date))))
        #expect(doc.raws("meeting.date") == [.isoDate("2025-11-07T00:00:00Z")])
    }

    @Test func aCheckboxControlGivesItsCheckedState() throws {
        let ticked = "<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox>"
        let clear = "<w14:checkbox><w14:checked w14:val=\"0\"/></w14:checkbox>"
        let body = Docx.p(Docx.sdt(tag: "meeting.child_attended", Docx.run("☒"), properties: ticked))
            + Docx.p(Docx.sdt(tag: "exclusions.permanent", Docx.run("☐"), properties: clear))
        let r = try Docx.result(body)
        #expect(r.pep.value(at: "meeting.child_attended")?.value == .boolean(true))
        #expect(r.pep.value(at: "exclusions.permanent")?.value == .boolean(false))
    }

    @Test func aDropDownGivesItsDisplayedText() throws {
        let list = "<w:dropDownList><w:listItem w:displayText=\"None\" w:value=\"0\"/><w:listItem w:displayText=\"SEN Support\" w:value=\"1\"/></w:dropDownList>"
        let r = try Docx.result(Docx.p(Docx.sdt(tag: "child.send.status", Docx.run("SEN Support"), properties: list)))
        #expect(r.text("child.send.status") == "sen-support")
    }

    @Test func aControlShowingItsPlaceholderIsFoundButNotGiven() throws {
        let r = try Docx.result(
            Docx.p(Docx.sdt(tag: "child.first_name", Docx.run("Enter the child's first name"), properties: "<w:showingPlcHdr/>")))
        #expect(r.found.contains("child.first_name"))
        #expect(r.pep.value(at: "child.first_name") == nil)
    }

    @Test func memberTagsInATableRowMakeOneRecordPerRow() throws {
        func member(_ field: String, _ text: String) -> String { Docx.cell(Docx.sdt(tag: "targets[].\(field)", Docx.run(text))) }
        let body = Docx.table(
            Docx.row(member("description", "Read daily"), member("owner", "TA")),
            Docx.row(member("description", "Times tables"), member("owner", "Carer")))
        let r = try Docx.result(body)
        #expect(r.pep.targets.map { $0.description?.value } == ["Read daily", "Times tables"])
        #expect(r.pep.targets.map { $0.owner?.value } == ["TA", "Carer"])
    }

    @Test func aTagThatIsALegacyNameOrALabelIsAccepted() throws {
        let r = try Docx.result(Docx.p(Docx.sdt(tag: "Surname", Docx.run("Ashdown"))) + Docx.p(Docx.sdt(tag: "DOB", Docx.run("07/11/2014"))))
        #expect(r.text("child.last_name") == "Ashdown")
        #expect(r.pep.value(at: "child.date_of_birth")?.value.date?.iso == "2014-11-07")
    }

    @Test func anUnknownTagIsReportedAsUnmappedByItsTagOnly() throws {
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.sdt(tag: "pupil.shoe_size", Docx.run("Secret value")))))
        #expect(doc.unmapped.map(\.label) == ["pupil.shoe_size"])
        #expect(!doc.unmapped.contains { $0.label.contains("Secret") })
    }

    @Test func aListTagNotesTheListEvenWithNoRecords() throws {
        let r = try Docx.result(Docx.sdt(tag: "ppplus.requests", Docx.para("")))
        #expect(r.found.contains("ppplus.requests"))
        #expect(r.pep.ppplus.requests.isEmpty)
    }

    @Test func aCheckboxTaggedWithAValueMappedFieldUsesTheMap() throws {
        let ticked = "<w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox>"
        let r = try Docx.result(Docx.p(Docx.sdt(tag: "pep.type", Docx.run("☒"), properties: ticked)))
        #expect(r.text("pep.type") == "initial")
    }
}
