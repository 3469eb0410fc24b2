import PEPModel
import Testing

@testable import PEPReaders

@Suite struct DocxHardCaseTests {
    @Test func textSplitMidWordOverRunsIsJoined() throws {
        let cell = Docx.cell(Docx.run("Gar") + "<w:proofErr w:type=\"spellStart\"/>" + Docx.run("si") + "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>" + Docx.run("de"))
        let r = try Docx.result(Docx.table(Docx.row(Docx.cell(Docx.run("Sur") + Docx.run("name")), cell)))
        #expect(r.text("child.last_name") == "Garside")
    }

    @Test func tabsBreaksAndHyphensBecomeText() throws {
        let value = "<w:r><w:t>Visit</w:t><w:tab/><w:t>school</w:t><w:br/><w:t>in</w:t><w:cr/><w:t>June</w:t><w:noBreakHyphen/><w:t>July</w:t><w:softHyphen/><w:t>!</w:t></w:r>"
        let doc = try Docx.read(Docx.docx(Docx.table(Docx.row(Docx.textCell("Transition plan"), Docx.cell(value)))))
        #expect(doc.raws("transition.plan") == [.text("Visit\tschool\nin\nJune-July!")])
    }

    @Test func aSymbolCheckboxIsReadAsATickedBox() throws {
        let value = "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/></w:r>"
        let r = try Docx.result(Docx.table(Docx.row(Docx.textCell("Boxall Profile attached"), Docx.cell(value))))
        #expect(r.pep.value(at: "boxall.attached")?.value == .boolean(true))
    }

    @Test func insertedTextCountsAndDeletedTextDoesNot() throws {
        let value = "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>Smith</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"A\">" + Docx.run("Jessop") + "</w:ins>"
            + "<w:moveFrom w:id=\"3\" w:author=\"A\">" + Docx.run(" moved") + "</w:moveFrom>"
        let r = try Docx.result(Docx.table(Docx.row(Docx.textCell("Surname"), Docx.cell(value))))
        #expect(r.text("child.last_name") == "Jessop")
    }

    @Test func smartQuotesAndNonBreakingSpacesInLabelsStillMatch() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["Child\u{2019}s\u{00A0}first\u{00A0}name", "Zara"])))
        #expect(r.text("child.first_name") == "Zara")
    }

    @Test func onlyOneBranchOfAlternateContentIsRead() throws {
        let alt = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>Chosen</w:t></mc:Choice><mc:Fallback><w:t>Fallback</w:t></mc:Fallback></mc:AlternateContent></w:r>"
        let doc = try Docx.read(Docx.docx(Docx.table(Docx.row(Docx.textCell("Primary need"), Docx.cell(alt)))))
        #expect(doc.raws("child.send.primary_need") == [.text("Chosen")])
    }

    @Test func aDocumentWithAnotherPrefixReadsTheSame() throws {
        let body = Docx.table(Docx.row(texts: ["Surname", "Lowther"])) + Docx.p(Docx.formText("UPN", result: ["A201123456123"]))
        let r = try Docx.result(body, prefix: "ns0")
        #expect(r.text("child.last_name") == "Lowther")
        #expect(r.text("child.upn") == "A201123456123")
    }

    @Test func aStrictOOXMLDocumentReadsTheSame() throws {
        let r = try Docx.result(Docx.table(Docx.row(texts: ["Surname", "Northey"])), namespace: Docx.strictNS)
        #expect(r.text("child.last_name") == "Northey")
    }

    @Test func elementsInAForeignNamespaceWithWordNamesAreIgnored() throws {
        let body = "<x:tbl xmlns:x=\"urn:not-word\"><x:tr><x:tc><x:p><x:r><x:t>Surname</x:t></x:r></x:p></x:tc></x:tr></x:tbl>"
        let doc = try Docx.read(Docx.docx(body))
        #expect(doc.scalars.isEmpty)
    }

    @Test func headersFootersAndCommentsAreIgnored() throws {
        let footer = Docx.document(Docx.p(Docx.formText("UPN", result: ["Z999999999999"]))).replacingOccurrences(of: "document", with: "ftr")
        let comments = "<w:comments xmlns:w=\"\(Docx.wordNS)\"><w:comment w:id=\"0\"><w:p><w:r><w:t>Surname: Decoy</w:t></w:r></w:p></w:comment></w:comments>"
        let bytes = Docx.package(
            Docx.document(Docx.table(Docx.row(texts: ["Surname", "Holbrook"]))),
            extra: [.init("word/footer1.xml", footer), .init("word/comments.xml", comments)])
        let r = PEPBuilder.build(try Docx.read(bytes))
        #expect(r.text("child.last_name") == "Holbrook")
        #expect(r.pep.value(at: "child.upn") == nil)
    }

    @Test func aTextBoxInsideAParagraphIsReadAsItsOwnParagraph() throws {
        let box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + Docx.para("Social worker: Kacey Dunmore") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        let r = try Docx.result(Docx.p(Docx.run("See box") + box))
        #expect(r.text("social_worker.name") == "Kacey Dunmore")
    }

    @Test func aDocumentWithNoStructureIsReadWithAlmostNothingFound() throws {
        let body = Docx.para("PEP notes") + Docx.para("Met with carer and school. Doing ok.") + Docx.para("Targets to follow.")
        let r = try Docx.result(body)
        #expect(r.found.isEmpty)
        #expect(r.issues.isEmpty)
    }
}
