import Testing

@testable import PEPOutput

/// The e-mail templates are Mustache, checked against their context's keys when loaded.
private var sample: [String: Any] {
    ["name": "Sam", "ok": true, "items": [["title": "A"], ["title": "B"]] as [[String: Any]]]
}

@Test func rendersPlaceholdersListsAndYesNoBlocksAsPlainText() throws {
    let template = try MailTemplate(
        name: "t", source: "Dear {{name}} & co,\n{{#items}}\n* {{title}}\n{{/items}}\n{{#ok}}\nfine\n{{/ok}}\n{{^ok}}\nnot fine\n{{/ok}}\n",
        sample: sample)
    // Unescaped (`&` stays `&`), and a tag alone on its line leaves no blank line.
    #expect(template.render(sample) == "Dear Sam & co,\n* A\n* B\nfine\n")
}

@Test func anUnknownPlaceholderIsAnErrorWithItsLine() {
    #expect(throws: TemplateError(template: "t", line: 2, message: "unknown placeholder {{nmae}}")) {
        try MailTemplate(name: "t", source: "Hello\n{{nmae}}\n", sample: sample)
    }
}

@Test func anItemKeyIsKnownOnlyInsideItsList() throws {
    _ = try MailTemplate(name: "t", source: "{{#items}}{{title}}{{/items}}", sample: sample)
    #expect(throws: TemplateError.self) { try MailTemplate(name: "t", source: "{{title}}", sample: sample) }
}

@Test func anUnclosedBlockAndAPartialAreRefused() {
    #expect(throws: TemplateError.self) { try MailTemplate(name: "t", source: "{{#items}}x", sample: sample) }
    #expect(throws: TemplateError.self) { try MailTemplate(name: "t", source: "{{#items}}x{{/ok}}", sample: sample) }
    #expect(throws: TemplateError.self) { try MailTemplate(name: "t", source: "{{> other}}", sample: sample) }
}

@Test func commentsSpanningLinesAreDropped() throws {
    let template = try MailTemplate(name: "t", source: "{{! a\n comment naming nmae }}\nHi {{name}}", sample: sample)
    #expect(template.render(sample) == "Hi Sam")
}
