import Testing
@testable import PEPModel

/// The DfE check letter, computed independently of `UPN`: weights 2...13 over characters
/// 2-13, modulus 23, letters A-Z without I, O and S.
private func checkLetter(_ body: String) -> Character {
    let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
    var sum = 0
    for (i, ch) in body.enumerated() {
        let value = ch.wholeNumberValue ?? letters.firstIndex(of: ch) ?? 0
        sum += value * (i + 2)
    }
    return letters[sum % 23]
}

@Test(arguments: ["801200001001", "938411223344", "000000000000", "999999999999", "20412345678A", "20412345678Z"])
func aUPNWithItsComputedCheckLetterIsValid(_ body: String) {
    let upn = String(checkLetter(body)) + body
    #expect(UPN.isValid(upn))
    #expect(UPN.checkLetter(for: body) == checkLetter(body))
}

@Test func knownUPNsCheck() {
    #expect(UPN.isValid("H801200001001"))
    #expect(UPN.isValid("h801 2000 0100 1"))
    #expect(UPN.isValid("A20412345678A"))
}

@Test(arguments: ["801200001001", "938411223344", "20412345678A"])
func everyOtherCheckLetterIsInvalid(_ body: String) {
    let right = checkLetter(body)
    for letter in "ABCDEFGHJKLMNPQRTUVWXYZ" where letter != right {
        #expect(!UPN.isValid(String(letter) + body))
    }
}

@Test func malformedUPNsAreInvalid() {
    #expect(!UPN.isValid("H80120000100"))  // 12 characters
    #expect(!UPN.isValid("H8012000010011"))  // 14 characters
    #expect(!UPN.isValid("H8012000A1001"))  // a letter before the last place
    #expect(!UPN.isValid("1801200001001"))  // a digit where the check letter goes
    #expect(!UPN.isValid("H80120000100I"))  // I is never used
    #expect(!UPN.isValid(""))
}

@Test func aSingleDigitChangeIsCaught() {
    #expect(UPN.isValid("H801200001001"))
    #expect(!UPN.isValid("H801200001002"))
    #expect(!UPN.isValid("H801200010001"))
}
