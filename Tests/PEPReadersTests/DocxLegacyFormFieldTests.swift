import PEPModel
import Testing

@testable import PEPReaders

@Suite struct DocxLegacyFormFieldTests {
    @Test func aTextFieldGivesTheResultBetweenSeparateAndEnd() throws {
        let r = try Docx.result(Docx.p(Docx.formText("FirstName", result: ["Fr", "ey", "a"])))
        #expect(r.text("child.first_name") == "Freya")
        #expect(r.pep.value(at: "child.first_name")?.source?.location == "form field FirstName")
    }

    @Test func legacyNamesIgnoreCase() throws {
        let r = try Docx.result(Docx.p(Docx.formText("schoolurn", result: ["123456"])))
        #expect(r.text("school.urn") == "123456")
    }

    @Test func theInstructionTextIsNotPartOfTheValue() throws {
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.formText("Surname", result: ["Kilbride"]))))
        #expect(doc.raws("child.last_name") == [.text("Kilbride")])
    }

    @Test func aResultSpanningParagraphsIsKeptWhole() throws {
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"ChildVoice\"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let body = Docx.p(begin + Docx.run("I like art.")) + Docx.p(Docx.run("I want a dog.") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
        let doc = try Docx.read(Docx.docx(body))
        #expect(doc.raws("child_voice") == [.text("I like art.I want a dog.")])
    }

    @Test func aCheckboxReadsCheckedThenDefault() throws {
        let body = Docx.p(Docx.formCheckbox("ChildAttend", checked: "<w:checked/>"))
            + Docx.p(Docx.formCheckbox("PermExcl", checked: "<w:checked w:val=\"0\"/>", defaultValue: "1"))
            + Docx.p(Docx.formCheckbox("BoxallAtt", checked: nil, defaultValue: "1"))
        let doc = try Docx.read(Docx.docx(body))
        #expect(doc.raws("meeting.child_attended") == [.checkbox(true)])
        #expect(doc.raws("exclusions.permanent") == [.checkbox(false)])
        #expect(doc.raws("boxall.attached") == [.checkbox(true)])
    }

    @Test func anEmptyTextFieldFallsBackToItsDefault() throws {
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.formText("AcadYear", result: ["\u{2002}\u{2002}"], defaultText: "2025/26"))))
        #expect(doc.raws("pep.academic_year") == [.text("2025/26")])
    }

    @Test func aDropDownGivesTheChosenEntry() throws {
        let field = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"SENStatus\"/><w:ddList><w:result w:val=\"2\"/><w:listEntry w:val=\"None\"/><w:listEntry w:val=\"SEN Support\"/><w:listEntry w:val=\"EHCP\"/></w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        let r = try Docx.result(Docx.p(field))
        #expect(r.text("child.send.status") == "ehcp")
    }

    @Test func aYesInTheLegacyPEPTypeFieldMeansInitial() throws {
        let r = try Docx.result(Docx.p(Docx.formText("PEPType", result: ["Yes"])))
        #expect(r.text("pep.type") == "initial")
    }

    @Test func anUnknownFieldNameIsReportedAsUnmapped() throws {
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.formText("Text17", result: ["something"]))))
        #expect(doc.unmapped.map(\.label) == ["Text17"])
    }

    @Test func anOrdinaryFieldInTheBodyIsNotAFormField() throws {
        let page = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + Docx.run("3") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        let doc = try Docx.read(Docx.docx(Docx.p(Docx.run("Page ") + page)))
        #expect(doc.scalars.isEmpty)
        #expect(doc.unmapped.isEmpty)
    }
}

@Suite struct DocxLegacyFormFieldNameTests {
    @Test func aHiddenFieldNameIsAnonymousAndItsDropDownEntryReachesTheTable() throws {
        let field = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"__Fieldmark__12_345\"/><w:ddList><w:result w:val=\"1\"/><w:listEntry w:val=\"None\"/><w:listEntry w:val=\"SEN Support\"/></w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        let doc = try Docx.read(Docx.docx(Docx.table(Docx.row(Docx.textCell("SEN status"), Docx.cell(field)))))
        #expect(doc.unmapped.isEmpty)
        #expect(doc.raws("child.send.status") == [.text("SEN Support")])
    }
}
