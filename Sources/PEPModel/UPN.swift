/// The DfE Unique Pupil Number: a check letter, then 12 characters.
///
/// Characters 2-12 are digits; character 13 is a digit, or a letter on a temporary UPN. The
/// check letter is the sum of characters 2-13 times weights 2...13, modulus 23, mapped to the
/// letters A-Z without I, O and S.
public enum UPN {
    static let letters: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// Upper case with spaces and hyphens removed: how a UPN is stored.
    public static func normalised(_ text: String) -> String {
        TextFolding.clean(text).uppercased().filter { $0 != " " && $0 != "-" }
    }

    /// The check letter the remaining 12 characters call for, or nil if they are malformed.
    public static func checkLetter(for body: some StringProtocol) -> Character? {
        let chars = Array(body)
        guard chars.count == 12 else { return nil }
        var sum = 0
        for (offset, ch) in chars.enumerated() {
            let weight = offset + 2
            if let digit = ch.wholeNumberValue, ch.isASCII {
                sum += digit * weight
            } else if offset == 11, let index = letters.firstIndex(of: ch) {
                sum += index * weight
            } else {
                return nil
            }
        }
        return letters[sum % 23]
    }

    /// True when `text` (after normalisation) is 13 characters with the right check letter.
    public static func isValid(_ text: String) -> Bool {
        let upn = normalised(text)
        guard upn.count == 13, let first = upn.first else { return false }
        return checkLetter(for: upn.dropFirst()) == first
    }
}
