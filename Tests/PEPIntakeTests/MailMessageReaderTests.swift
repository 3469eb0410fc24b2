import Foundation
import PEPModel
import PEPTestSupport
import Testing

@testable import PEPIntake

private let arrival = Date(timeIntervalSince1970: 1_700_000_000)

private func message(parts: [String], headers: String = "From: dt@school.example\nDate: Fri, 7 Nov 2025 10:15:00 +0000\nMessage-ID: <m1@school.example>") -> [UInt8] {
    var text = headers + "\nContent-Type: multipart/mixed; boundary=zz\n\n"
    for part in parts { text += "--zz\n" + part + "\n" }
    text += "--zz--\n"
    return Array(text.crlf.utf8)
}

private let pdfPart = "Content-Type: application/pdf\nContent-Disposition: attachment; filename=Boxall.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK"
private let jsonPart = "Content-Type: application/json; name=pep.json\nContent-Transfer-Encoding: base64\n\neyJzY2hlbWEiOiJwZXAvMSJ9"
private let textPart = "Content-Type: text/plain\n\nPlease find the PEP attached."

@Test func eachPEPAttachmentBecomesASubmissionWithTheOtherAttachments() {
    let incoming = MailMessageReader().read(bytes: message(parts: [textPart, jsonPart, pdfPart]), path: "/m/new/1.mx", arrivedAt: arrival)
    #expect(incoming.problem == nil)
    #expect(incoming.submissions.count == 1)
    let submission = incoming.submissions[0]
    #expect(submission.fileName == "pep.json")
    #expect(submission.bytes == Array(#"{"schema":"pep/1"}"#.utf8))
    #expect(submission.sha256 == SHA256.hex(Array(#"{"schema":"pep/1"}"#.utf8)))
    #expect(submission.attachments == [AttachmentInfo(fileName: "Boxall.pdf", contentType: "application/pdf", size: 9)])
    #expect(submission.sender == "dt@school.example")
    #expect(submission.messageID == "<m1@school.example>")
    #expect(submission.receivedAt == arrival, "received when it arrived, not at the sender's Date:")
    guard case .email(let info) = submission.origin else {
        Issue.record("expected an e-mail origin")
        return
    }
    #expect(info.path == "/m/new/1.mx")
}

@Test func twoPEPAttachmentsGiveTwoSubmissions() {
    let xmlPart = "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=export\n\n<pep/>"
    let incoming = MailMessageReader().read(bytes: message(parts: [jsonPart, xmlPart]), path: "m", arrivedAt: arrival)
    #expect(incoming.submissions.map(\.fileName) == ["pep.json", "export"])
}

@Test func missingDateFallsBackToTheFileTime() {
    let incoming = MailMessageReader().read(
        bytes: message(parts: [jsonPart], headers: "From: dt@school.example\nDate: sometime last week"), path: "m", arrivedAt: arrival)
    #expect(incoming.email.date == nil)
    #expect(incoming.receivedAt == arrival)
    #expect(incoming.submissions.first?.receivedAt == arrival)
}

@Test func messageWithoutPEPIsReportedWithWhatItHad() {
    let image = "Content-Type: image/jpeg\nContent-Disposition: inline; filename=sig.jpg\n\nxx"
    let incoming = MailMessageReader().read(bytes: message(parts: [textPart, pdfPart, image, image]), path: "/m/new/9.mx", arrivedAt: arrival)
    #expect(incoming.submissions.isEmpty)
    #expect(incoming.otherAttachments.count == 3)
    #expect(incoming.problem?.code == .unsupportedFormat)
    #expect(incoming.problem?.description == "9.mx: the e-mail has no PEP attachment (DOCX, XML or JSON); it had: 1 PDF, 2 images")
}

@Test func messageWithNoAttachmentsAtAllSaysSo() {
    let incoming = MailMessageReader().read(bytes: message(parts: [textPart]), path: "m", arrivedAt: arrival)
    #expect(incoming.problem?.message == "the e-mail has no PEP attachment (DOCX, XML or JSON); it had no attachments")
}

@Test func malformedMessageGivesAOneLineProblemNamingTheFileAndNoContent() {
    let bytes = Array("From: dt@school.example\nSubject: Kiera Testwood PEP\nContent-Type: multipart/mixed\n\nKiera's secret body".utf8)
    let incoming = MailMessageReader().read(bytes: bytes, path: "/m/new/7.mx", arrivedAt: arrival)
    let text = incoming.problem?.description ?? ""
    #expect(text == "7.mx: a multipart part (level 0) has no usable boundary parameter")
    #expect(!text.contains("Kiera") && !text.contains("\n"))
}

/// Seeded, so every run reads the same 200 inputs and a failure names its case.
@Test func randomBytesGiveAOneLineProblemOrNothingAndNeverAPEP() {
    var generator = SeededGenerator(seed: 0x5045_5051_4100_0001)
    for index in 0..<200 {
        let count = Int.random(in: 0..<400, using: &generator)
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        if Bool.random(using: &generator) { bytes = Array("Content-Type: multipart/mixed; boundary=a\n\n--a\n".utf8) + bytes }
        let incoming = MailMessageReader().read(bytes: bytes, path: "fuzz", arrivedAt: arrival)
        #expect(incoming.submissions.isEmpty, "case \(index): noise became a PEP submission")
        if let problem = incoming.problem?.description {
            #expect(problem.hasPrefix("fuzz: ") && !problem.contains("\n"), "case \(index): \(problem)")
        }
        #expect(MailMessageReader().read(bytes: bytes, path: "fuzz", arrivedAt: arrival) == incoming, "case \(index) reads differently twice")
    }
}

@Test func singleEmlFileReadsTheSameWay() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("school.eml", bytes: message(parts: [jsonPart, pdfPart]))
    let incoming = MailMessageReader().read(fileAt: file)
    #expect(incoming.problem == nil)
    #expect(incoming.path == file.path)
    #expect(incoming.submissions.first?.fileName == "pep.json")
}

@Test func oversizedMessageFileIsRejectedBeforeReading() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("big.eml", bytes: message(parts: [jsonPart]))
    let incoming = MailMessageReader(limits: MIMELimits(maxMessageBytes: 100)).read(fileAt: file)
    #expect(incoming.problem?.code == .tooLarge)
}

@Test func sampleMaildirMessagesReadAsTheBriefDescribes() throws {
    let incoming = try Maildir(root: Samples.maildir).readNewMessages()
    #expect(incoming.count == 4)
    let byPEP = incoming.map { $0.submissions.map(\.fileName) }
    #expect(byPEP[0] == ["pep-VS-104233-autumn-2025.json"])
    #expect(incoming[0].otherAttachments.map(\.contentType) == ["application/pdf"])
    #expect(byPEP[1] == ["PEP – Year 6 – Autumn 2025.json"])
    #expect(incoming[1].email.subject == "PEP révision – autumn")
    #expect(byPEP[2] == ["PEP-VS-110415.xml"])
    #expect(incoming[3].problem?.message == "the e-mail has no PEP attachment (DOCX, XML or JSON); it had: 1 PDF")
    for message in incoming.prefix(3) {
        #expect(message.problem == nil)
        #expect(message.email.sender != nil && message.email.messageID != nil && message.email.date != nil)
    }
    let xml = String(decoding: incoming[2].submissions.first?.bytes ?? [], as: UTF8.self)
    #expect(xml.contains(#"<pep xmlns="urn:virtual-school:pep:1" schema-version="1">"#))
    #expect(xml.contains("Sørensen"))
    let json = try JSONSerialization.jsonObject(with: Data(incoming[0].submissions.first?.bytes ?? [])) as? [String: Any]
    #expect(json?["schema"] as? String == "pep/1")
}
