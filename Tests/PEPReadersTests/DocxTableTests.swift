import PEPModel
import Testing

@testable import PEPReaders

@Suite struct DocxTableTests {
    @Test func aTwoColumnRowGivesTheValueOfItsLabel() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["Surname:", "Garside"]), Docx.row(texts: ["  date of BIRTH ", "7th Nov 2014"])))
        #expect(r.text("child.last_name") == "Garside")
        #expect(r.pep.value(at: "child.date_of_birth")?.value.date?.iso == "2014-11-07")
        #expect(r.pep.value(at: "child.last_name")?.source?.location == "table 1, row 1, cell 2")
    }

    @Test func aFourCellRowGivesTwoLabelsAndTheirValues() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["First name", "Isla", "Year group", "Year 7"])))
        #expect(r.text("child.first_name") == "Isla")
        #expect(r.text("child.year_group") == "7")
        #expect(r.pep.value(at: "child.year_group")?.source?.location == "table 1, row 1, cell 4")
    }

    @Test func aLabelWithABlankValueIsFoundButNotGiven() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["UPN", ""])))
        #expect(r.found.contains("child.upn"))
        #expect(r.pep.value(at: "child.upn") == nil)
    }

    @Test func aHintInBracketsAfterALabelStillMatches() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["Date of PEP meeting (dd/mm/yyyy)", "07/11/2025"])))
        #expect(r.pep.value(at: "meeting.date")?.value.date?.iso == "2025-11-07")
    }

    @Test func aOneCellLabelRowTakesItsValueFromTheRowBelow() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["Child's views"]), Docx.row(texts: ["I like drawing."])))
        #expect(r.text("child_voice") == "I like drawing.")
        #expect(r.pep.value(at: "child_voice")?.source?.location == "table 1, row 2, cell 1")
    }

    @Test func tickedBoxesInAValueCellGiveTheTickedOption() throws {
        let r = try Docx.result(
            Docx.table(Docx.row(texts: ["Did the child attend?", "☐ Yes ☒ No"]), Docx.row(texts: ["Is this the initial PEP?", "Yes ☒  No ☐"])))
        #expect(r.pep.value(at: "meeting.child_attended")?.value == .boolean(false))
        #expect(r.text("pep.type") == "initial")
    }

    @Test func aLegacyCheckboxInAValueCellIsReadThroughTheTable() throws {
        let r = try Docx.result(Docx.table(Docx.row(Docx.textCell("Permanently excluded"), Docx.cell(Docx.formCheckbox("", checked: "<w:checked/>")))))
        #expect(r.pep.value(at: "exclusions.permanent")?.value == .boolean(true))
    }

    @Test func aListTableGivesOneRecordPerFilledRow() throws {
        let body = Docx.table(
            Docx.row(texts: ["Target", "Success criteria", "Who", "By when"]),
            Docx.row(texts: ["Read daily", "Reads 5 nights a week", "Carer", "13/02/2026"]),
            Docx.row(texts: ["", "", "", ""]),
            Docx.row(texts: ["Times tables", "45/50 weekly", "TA", "20/03/2026"]))
        let r = try Docx.result(body)
        #expect(r.pep.targets.map { $0.description?.value } == ["Read daily", "Times tables"])
        #expect(r.pep.targets.map { $0.reviewDate?.value.iso } == ["2026-02-13", "2026-03-20"])
        #expect(r.pep.targets.first?.source?.location == "table 1, row 2")
    }

    @Test func anEmptyListTableIsFoundWithNoRecords() throws {
        let r = try Docx.result(
            Docx.table(Docx.row(texts: ["Intervention", "Linked target", "Cost (£)", "Intended impact", "Provider"]), Docx.row(texts: ["", "", "", "", ""])))
        #expect(r.found.contains("ppplus.requests"))
        #expect(r.pep.ppplus.requests.isEmpty)
    }

    @Test func theHeadingBeforeATableNamesAnAmbiguousList() throws {
        let body = Docx.para("Review of previous targets") + Docx.para("Say how far each was met.")
            + Docx.table(Docx.row(texts: ["Target", "Comments"]), Docx.row(texts: ["Read daily", "Met most weeks"]))
            + Docx.para("Targets")
            + Docx.table(Docx.row(texts: ["Target", "Comments"]), Docx.row(texts: ["Join a club", "New"]))
        let doc = try Docx.read(Docx.docx(body))
        #expect(doc.list("previous_targets")?.records.count == 1)
        #expect(doc.list("targets")?.records.count == 1)
        #expect(doc.list("targets")?.records.first?.values.first?.raw == .text("Join a club"))
    }

    @Test func aTitleRowSpanningTheTableNamesTheList() throws {
        let body = Docx.table(
            Docx.row(Docx.cell(Docx.run("Attendees"), span: 2)), Docx.row(texts: ["Name", "Role"]), Docx.row(texts: ["Ms Pellow", "Designated Teacher"]))
        let r = try Docx.result(body)
        #expect(r.pep.meeting.attendees.map { $0.role?.value } == ["Designated Teacher"])
    }

    @Test func aVerticallyMergedCellBelongsToEveryRowItSpans() throws {
        let body = Docx.table(
            Docx.row(texts: ["Area", "Target"]),
            Docx.row(Docx.cell(Docx.run("Literacy"), vMerge: "restart"), Docx.textCell("Read daily")),
            Docx.row(Docx.cell("", vMerge: "continue"), Docx.textCell("Write a paragraph")))
        let r = try Docx.result(body)
        #expect(r.pep.targets.map { $0.area?.value } == ["Literacy", "Literacy"])
    }

    @Test func gridSpanKeepsColumnsAligned() throws {
        let body = Docx.table(
            Docx.row(Docx.cell(Docx.run("Subject"), span: 2), Docx.textCell("Current"), Docx.textCell("Target")),
            Docx.row(Docx.cell(Docx.run("Maths"), span: 2), Docx.textCell("4"), Docx.textCell("5")))
        let r = try Docx.result(body)
        #expect(r.pep.attainment.first?.current?.value == "4")
        #expect(r.pep.attainment.first?.target?.value == "5")
    }

    @Test func aNestedTableIsReadOnItsOwn() throws {
        let inner = Docx.table(Docx.row(texts: ["School URN", "123456"]))
        let body = Docx.table(Docx.row(Docx.cell(Docx.para("School details") + inner + Docx.para(""))))
        let r = try Docx.result(body)
        #expect(r.text("school.urn") == "123456")
        #expect(r.pep.value(at: "school.urn")?.source?.location == "table 2, row 1, cell 2")
    }

    @Test func anUnknownLabelFormattedAsALabelIsReportedWithoutItsValue() throws {
        let body = Docx.table(
            Docx.row(Docx.textCell("Favourite lesson:"), Docx.textCell("Private answer")),
            Docx.row(Docx.textCell("Jo Bloggs"), Docx.textCell("Carer")))
        let doc = try Docx.read(Docx.docx(body))
        #expect(doc.unmapped.map(\.label) == ["Favourite lesson:"])
        #expect(doc.unmapped.first?.source.location == "table 1, row 1, cell 1")
    }

    @Test func anUnknownHeaderOfAListTableIsReported() throws {
        let doc = try Docx.read(Docx.docx(Docx.table(Docx.row(texts: ["Target", "Who", "RAG"]), Docx.row(texts: ["Read", "TA", "G"]))))
        #expect(doc.unmapped.map(\.label) == ["RAG"])
    }

    @Test func aLabelInAParagraphGivesTheValueAfterItsColon() throws {
        let r = try Docx.result(Docx.para("Social worker: Tyler Marlow"))
        #expect(r.text("social_worker.name") == "Tyler Marlow")
    }
}
