import Foundation
import Testing

@testable import PEPOutput

private func message(subject: String = "PEP feedback", body: String = "Hello\n") -> EmailMessage {
    EmailMessage(
        date: OutputFixtures.sentAt, from: EmailAddress(name: "VS Team", address: "vs@example.org"),
        to: [EmailAddress(name: "Zoë Ashby", address: "z@example.org")], subject: subject, body: body, idSeed: "t",
        messageIDDomain: "example.org")
}

@Test func carriesTheRequiredHeadersWithCRLFLineEnds() {
    let text = message().rendered()
    for header in [
        "Date: Fri, 12 Dec 2025 09:30:00 +0000\r\n", "From: VS Team <vs@example.org>\r\n", "Subject: PEP feedback\r\n",
        "MIME-Version: 1.0\r\n", "Content-Type: text/plain; charset=utf-8\r\n", "Content-Transfer-Encoding: quoted-printable\r\n",
    ] {
        #expect(text.contains(header), "missing \(header)")
    }
    #expect(text.contains("\r\nMessage-ID: <"))
    #expect(!text.replacing("\r\n", with: "").contains("\n"))
}

@Test func encodesNonASCIIHeaderTextAsRFC2047Words() {
    let text = message(subject: "Zoë’s PEP").rendered()
    #expect(text.contains("Subject: =?UTF-8?B?"))
    #expect(text.contains("To: =?UTF-8?B?Wm/DqyBBc2hieQ==?= <z@example.org>"))
    #expect(text.allSatisfy { $0.isASCII })
}

@Test func quotedPrintableKeepsLinesShortAndEncodesUTF8() {
    let body = QuotedPrintable.encode(String(repeating: "é", count: 60) + "\nend = done \n")
    for line in body.split(separator: "\r\n") { #expect(line.count <= 76) }
    #expect(body.hasPrefix("=C3=A9"))
    #expect(body.contains("end =3D done=20\r\n"))
}

@Test func messageIDIsStableForTheSameInputAndDiffersPerSeed() {
    var other = message()
    other.idSeed = "other"
    #expect(message().messageID == message().messageID)
    #expect(message().messageID != other.messageID)
}

@Test func rejectsAddressesThatCouldInjectHeaders() {
    #expect(EmailAddress(parsing: "a@example.org\r\nBcc: x@evil.example") == nil)
    #expect(EmailAddress(parsing: "Team <team@example.org>")?.name == "Team")
}
