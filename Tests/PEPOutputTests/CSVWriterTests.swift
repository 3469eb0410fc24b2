import Testing

@testable import PEPOutput

@Test func quotesCellsWithCommasQuotesAndLineBreaks() {
    var w = CSVWriter()
    w.row(["plain", "a,b", "say \"hi\"", "two\nlines"])
    #expect(w.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
}

@Test func prefixesFormulaLikeTextCellsWithAnApostrophe() {
    var w = CSVWriter()
    w.row(["=SUM(A1:A9)", "+44 1234", "-1+2", "@cmd", "safe"])
    #expect(w.text == "'=SUM(A1:A9),'+44 1234,'-1+2,'@cmd,safe\r\n")
}

@Test func leavesProgramFormattedNumbersUnguarded() {
    var w = CSVWriter()
    w.row([.number("-12.05"), .text("-12.05")])
    #expect(w.text == "-12.05,'-12.05\r\n")
}
