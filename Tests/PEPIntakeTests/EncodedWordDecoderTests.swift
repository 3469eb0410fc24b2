import Testing

@testable import PEPIntake

@Test func bEncodedUTF8WordDecodes() {
    #expect(EncodedWordDecoder.decode("=?UTF-8?B?UEVQIOKAkyBZZWFyIDk=?=") == "PEP – Year 9")
}

@Test func qEncodedWordTurnsUnderscoresIntoSpaces() {
    #expect(EncodedWordDecoder.decode("=?utf-8?q?Autumn_PEP_=E2=80=93_review?=") == "Autumn PEP – review")
}

@Test func isoLatin1AndWindows1252WordsDecode() {
    #expect(EncodedWordDecoder.decode("=?ISO-8859-1?Q?r=E9vision?=") == "révision")
    #expect(EncodedWordDecoder.decode("=?windows-1252?Q?=93quoted=94_=80100?=") == "\u{201C}quoted\u{201D} €100")
}

@Test func whitespaceBetweenAdjacentEncodedWordsIsDropped() {
    #expect(EncodedWordDecoder.decode("=?ISO-8859-1?Q?PEP_r=E9vision?= \r\n =?ISO-8859-1?Q?_=96_autumn?=") == "PEP révision – autumn")
}

@Test func aMultiByteCharacterSplitAcrossTwoWordsSurvives() {
    // "–" is E2 80 93 in UTF-8; the first word ends mid-character.
    #expect(EncodedWordDecoder.decode("=?UTF-8?Q?a_=E2=80?= =?UTF-8?Q?=93_b?=") == "a – b")
}

@Test func plainTextAroundEncodedWordsKeepsItsSpaces() {
    #expect(EncodedWordDecoder.decode("Re: =?UTF-8?Q?caf=C3=A9?= notes") == "Re: café notes")
}

@Test func malformedEncodedWordIsLeftAsWritten() {
    #expect(EncodedWordDecoder.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
    #expect(EncodedWordDecoder.decode("=?UTF-8?Q?no end") == "=?UTF-8?Q?no end")
}
