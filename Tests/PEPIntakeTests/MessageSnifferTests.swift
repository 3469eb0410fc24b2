import Foundation
import Testing

@testable import PEPIntake

@Suite struct MessageSnifferTests {
    @Test(arguments: [
        "Return-Path: <dt@school.example.org>\r\n", "Received: from mx1 by mx2\n", "From: A <a@b.example>\n",
        "MIME-Version: 1.0\n", "X-Mailer: Outlook 16\n", "Delivered-To: pep@vs.example\n",
    ])
    func aMessageOpensWithAHeaderField(_ text: String) {
        #expect(MessageSniffer.looksLikeMessage(prefix: Array(text.utf8)))
    }

    @Test(arguments: [
        "{\"schema\": \"pep/1\"}", "<?xml version=\"1.0\"?><pep/>", "PK\u{3}\u{4}", "%PDF-1.7", "Child: Ava\n", "",
        "Some text: with a colon after spaces",
    ])
    func aDocumentIsNotAMessage(_ text: String) {
        #expect(!MessageSniffer.looksLikeMessage(prefix: Array(text.utf8)))
    }

    @Test func aMaildirMessageWithoutAnExtensionIsAMessage() throws {
        let folder = try TemporaryFolder()
        for sub in ["new", "cur", "tmp"] { _ = try folder.makeFolder(sub) }
        // Its content is not even a header: the Maildir place alone says it is a message.
        let message = try folder.write("new/1762510500.M1P2.host", "garbage")
        #expect(MessageSniffer.isMessage(path: message.path))
    }

    @Test func aSavedMessageIsRecognisedByItsFirstBytes() throws {
        let folder = try TemporaryFolder()
        let saved = try folder.write("Fwd PEP", "Received: by mx\r\nFrom: x@y.example\r\n\r\nbody")
        let json = try folder.write("pep.json", "{}")
        #expect(MessageSniffer.isMessage(path: saved.path))
        #expect(!MessageSniffer.isMessage(path: json.path))
    }
}
