import Foundation
import Testing

@testable import PEPIntake

private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int = 0) -> Date {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    return c.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)) ?? .distantPast
}

@Test func rfc5322DateWithNumericZoneParses() {
    #expect(MailDateParser.parse("Fri, 7 Nov 2025 10:15:00 +0000") == utc(2025, 11, 7, 10, 15))
    #expect(MailDateParser.parse("Fri, 07 Nov 2025 11:15:30 +0100") == utc(2025, 11, 7, 10, 15, 30))
    #expect(MailDateParser.parse("Mon, 3 Nov 2025 18:00:00 -0530") == utc(2025, 11, 3, 23, 30))
}

@Test func obsoleteDateFormsParse() {
    #expect(MailDateParser.parse("Wed, 12 Nov 25 09:03 GMT") == utc(2025, 11, 12, 9, 3))
    #expect(MailDateParser.parse("12 Nov 99 09:03:00 EST") == utc(1999, 11, 12, 14, 3))
    #expect(MailDateParser.parse("12 Nov 125 09:03:00 UT") == utc(2025, 11, 12, 9, 3))
    #expect(MailDateParser.parse("Thu, 13 Nov 2025 16:42:09 +0000 (GMT)") == utc(2025, 11, 13, 16, 42, 9))
    #expect(MailDateParser.parse("Thursday,  13   Nov 2025 17:42:09 BST") == utc(2025, 11, 13, 16, 42, 9))
    #expect(MailDateParser.parse("13 Nov 2025 16:42:09 PDT") == utc(2025, 11, 13, 23, 42, 9))
    #expect(MailDateParser.parse("13 Nov 2025 16:42:09 Q") == utc(2025, 11, 13, 16, 42, 9))
    #expect(MailDateParser.parse("Thu Nov 13 16:42:09 2025") == utc(2025, 11, 13, 16, 42, 9))
}

@Test func unreadableDatesGiveNil() {
    for text in ["", "yesterday", "31 Feb 2025 10:00 +0000", "7 Nov 2025 25:00 +0000", "7 Nov 2025 10:00 +99", "7 Foo 2025 10:00 GMT", "7 Nov 2025 10:00 XYZ"] {
        #expect(MailDateParser.parse(text) == nil, "\(text)")
    }
}

@Test func fromAddressIsExtractedFromEveryCommonForm() {
    #expect(MailAddressParser.firstAddress(in: #""Adeyemi, Ruth" <r.adeyemi@school.example>"#) == "r.adeyemi@school.example")
    #expect(MailAddressParser.firstAddress(in: "Ruth Adeyemi <r.adeyemi@school.example>") == "r.adeyemi@school.example")
    #expect(MailAddressParser.firstAddress(in: "dt@school.example (Sam Okoro)") == "dt@school.example")
    #expect(MailAddressParser.firstAddress(in: "  dt@school.example  ") == "dt@school.example")
    #expect(MailAddressParser.firstAddress(in: #""a <fake@x.example>" <real@school.example>"#) == "real@school.example")
    #expect(MailAddressParser.firstAddress(in: "=?UTF-8?Q?Ruth?= <r@school.example>, other@school.example") == "r@school.example")
    #expect(MailAddressParser.firstAddress(in: "Office: office@school.example, head@school.example;") == "office@school.example")
}

@Test func fromWithoutAnAddressGivesNil() {
    #expect(MailAddressParser.firstAddress(in: "Undisclosed recipients:;") == nil)
    #expect(MailAddressParser.firstAddress(in: "Ruth Adeyemi") == nil)
}

@Test func messageIDKeepsItsAngleBrackets() {
    #expect(MailAddressParser.messageID(in: " <abc.123@school.example> ") == "<abc.123@school.example>")
    #expect(MailAddressParser.messageID(in: "abc@school.example") == "<abc@school.example>")
    #expect(MailAddressParser.messageID(in: "<>") == nil)
}

@Test func messageHeadersGiveSenderDateMessageIDAndDecodedSubject() throws {
    let text = """
        Received: from mx (mx.example) by inbox; Fri, 7 Nov 2025 10:15:02 +0000
        From: "Ruth Adeyemi" <r.adeyemi@northgate-academy.example>
        Subject: =?UTF-8?Q?Autumn_PEP_=E2=80=93_Year_9?=
        Date: Fri, 7 Nov 2025 10:15:00 +0000
        Message-ID: <20251107101500.4711@northgate-academy.example>

        body
        """
    let message = try MailMessage.parse(Array(text.crlf.utf8))
    #expect(message.sender == "r.adeyemi@northgate-academy.example")
    #expect(message.date == utc(2025, 11, 7, 10, 15))
    #expect(message.messageID == "<20251107101500.4711@northgate-academy.example>")
    #expect(message.subject == "Autumn PEP – Year 9")
}
