import Testing
@testable import PEPReaders

private func parse(_ text: String, limits: JSONLimits = .standard) throws(JSONSyntaxError) -> JSONNode {
    try JSONParser.parse(Array(text.utf8), limits: limits)
}

private func syntaxError(_ bytes: [UInt8], limits: JSONLimits = .standard) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

private func syntaxError(_ text: String, limits: JSONLimits = .standard) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8), limits: limits)
}

@Test func numbersKeepTheDigitsAsWritten() throws {
    let node = try parse(#"{"a": 1250.10, "b": -0.5e+3, "c": 100000000000000000000000001}"#)
    guard case .object(let members) = node.value else { Issue.record("not an object"); return }
    let texts = members.map { member -> String in
        if case .number(let n) = member.value.value { return n } else { return "?" }
    }
    #expect(texts == ["1250.10", "-0.5e+3", "100000000000000000000000001"])
}

@Test func stringsDecodeEscapesAndSurrogatePairs() throws {
    let node = try parse(#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "£"]"#)
    guard case .array(let items) = node.value else { Issue.record("not an array"); return }
    let texts = items.map { item -> String in
        if case .string(let s) = item.value { return s } else { return "?" }
    }
    #expect(texts == ["a\"b\\c/d\n\t", "é😀", "£"])
}

@Test func valuesRememberTheirLineAndColumn() throws {
    let node = try parse("{\n  \"a\": [1,\n    \"é\", true]}")
    guard case .object(let members) = node.value, case .array(let items) = members[0].value.value else {
        Issue.record("unexpected shape")
        return
    }
    #expect((members[0].value.line, members[0].value.column) == (2, 8))
    #expect((items[1].line, items[1].column) == (3, 5))
    #expect((items[2].line, items[2].column) == (3, 10))  // columns count characters, not bytes
}

@Test func aByteOrderMarkIsSkipped() throws {
    let node = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
    #expect(node.typeName == "an object")
}

@Test func syntaxErrorsSayLineAndColumn() {
    #expect(syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")?.description == "expected ',' or '}' in an object at line 3, column 3")
    #expect(syntaxError("{\"a\" 1}")?.description == "expected ':' after an object key at line 1, column 6")
    #expect(syntaxError("[1, 2,]")?.description
        == "expected a value (object, array, string, number, true, false or null) at line 1, column 7")
    #expect(syntaxError("{} x")?.description == "unexpected text after the end of the JSON value at line 1, column 4")
    #expect(syntaxError("[01]")?.description == "a number must not start with 0 at line 1, column 3")
    #expect(syntaxError("{'a': 1}")?.description == "expected a key in double quotes at line 1, column 2")
}

@Test func duplicateKeysAreRefusedWhereTheSecondStarts() {
    let error = syntaxError("{\"a\": 1,\n \"a\": 2}")
    #expect(error?.description == "duplicate key at line 2, column 2")
    #expect(error?.kind == .malformed)
}

@Test func truncatedDocumentsAreRefused() {
    #expect(syntaxError("{\"a\": [1, 2")?.description == "the JSON ends inside an array at line 1, column 12")
    #expect(syntaxError("{\"a\": ")?.description == "the JSON ends where a value was expected at line 1, column 7")
    #expect(syntaxError("{\"a\": \"abc")?.description == "the JSON ends inside a string that starts at line 1, column 7")
    #expect(syntaxError("{\"a\": tru")?.kind == .malformed)
    #expect(syntaxError("")?.description == "the JSON ends where a value was expected at line 1, column 1")
}

@Test func invalidUTF8IsRefused() {
    let bytes = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
    #expect(syntaxError(bytes)?.description == "invalid UTF-8 in the string at line 1, column 7")
    let overlong = Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8)
    #expect(syntaxError(overlong)?.kind == .malformed)
    #expect(syntaxError([0xFF, 0xFE] + Array("{}".utf8))?.kind == .malformed)
}

@Test func loneSurrogatesAndRawControlCharactersAreRefused() {
    #expect(syntaxError(#"["\ud800"]"#)?.kind == .malformed)
    #expect(syntaxError(#"["\udc00"]"#)?.description == "a lone low surrogate in a string at line 1, column 9")
    #expect(syntaxError("[\"a\u{01}b\"]")?.description == "a control character must be escaped in a string at line 1, column 4")
}

@Test func deepNestingStopsAtTheDepthLimit() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = syntaxError(deep)
    #expect(error?.kind == .tooLarge)
    #expect(error?.description == "the JSON nests deeper than 64 levels at line 1, column 65")
    #expect(syntaxError(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
}

@Test func hugeNumbersStopAtTheLengthLimit() {
    let huge = "[" + String(repeating: "9", count: 1_000_000) + "]"
    let error = syntaxError(huge)
    #expect(error?.kind == .tooLarge)
    #expect(error?.description == "a number is longer than 64 characters at line 1, column 2")
}

@Test func documentsOverTheSizeLimitAreRefusedBeforeParsing() {
    var limits = JSONLimits()
    limits.maxBytes = 1_048_576
    let error = syntaxError([UInt8](repeating: 0x20, count: 1_048_577), limits: limits)
    #expect(error?.kind == .tooLarge)
    #expect(error?.message == "the JSON is larger than 1 MiB")
}
