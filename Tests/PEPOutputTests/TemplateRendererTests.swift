import Testing

@testable import PEPOutput

@Test func insertsPlaceholdersAndRepeatsEachBlocks() throws {
    let t = try TemplateRenderer(name: "t", source: "Hi {{name}}\n{{#each items}}\n- {{label}} for {{name}}\n{{/each}}\nBye\n")
    let out = try t.render(["name": .text("Sam"), "items": .list([["label": .text("one")], ["label": .text("two")]])])
    #expect(out == "Hi Sam\n- one for Sam\n- two for Sam\nBye\n")
}

@Test func choosesIfOrElseBranchAndDropsStandaloneTagLines() throws {
    let t = try TemplateRenderer(name: "t", source: "{{#if failed}}\nsome\n{{else}}\nnone\n{{/if}}\nend\n")
    #expect(try t.render(["failed": .list([])]) == "none\nend\n")
    #expect(try t.render(["failed": .list([[:]])]) == "some\nend\n")
}

@Test func dropsCommentsSpanningLines() throws {
    let t = try TemplateRenderer(name: "t", source: "{{! a note\n   over two lines }}\nText {{x}}\n")
    #expect(try t.render(["x": .text("y")]) == "Text y\n")
}

@Test func unknownPlaceholderIsAnErrorWithItsLine() throws {
    let t = try TemplateRenderer(name: "social-worker.txt", source: "Dear {{name}},\n\nTotal {{pp_requested}}\n")
    #expect(throws: TemplateError(template: "social-worker.txt", line: 3, message: "unknown placeholder {{pp_requested}}")) {
        try t.render(["name": .text("x")])
    }
}

@Test func unclosedBlockIsRejectedWhenParsed() {
    #expect(throws: TemplateError.self) { try TemplateRenderer(name: "t", source: "{{#each failed}}\nx\n") }
    #expect(throws: TemplateError.self) { try TemplateRenderer(name: "t", source: "{{#if a}}\nx\n{{/each}}\n") }
}
