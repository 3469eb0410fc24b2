/// An enumeration of the contract, read from the wording a school uses.
///
/// The raw value is the canonical spelling (`sen-support`); `synonyms` lists other wordings,
/// compared through `TextFolding.key` (so case, punctuation and spacing do not matter).
public protocol ContractEnum: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {
    static var synonyms: [String: Self] { get }
}

extension ContractEnum {
    public static var synonyms: [String: Self] { [:] }

    /// Reads a wording: the canonical spelling, a listed synonym, or nil.
    public static func parse(_ text: String) -> Self? {
        let key = TextFolding.key(text)
        if key.isEmpty { return nil }
        for value in allCases where TextFolding.key(value.rawValue) == key { return value }
        for (wording, value) in synonyms where TextFolding.key(wording) == key { return value }
        return nil
    }

    public static var canonicalSpellings: [String] { allCases.map(\.rawValue) }
}

/// `pep.type`.
public enum PEPType: String, ContractEnum {
    case initial, review
    public static var synonyms: [String: PEPType] {
        [
            "initial pep": .initial, "ipep": .initial, "initial plan": .initial,
            "review pep": .review, "termly review": .review, "termly": .review, "pep review": .review,
            "termly pep": .review, "review of pep": .review,
        ]
    }
}

/// `pep.term`.
public enum Term: String, ContractEnum {
    case autumn, spring, summer
    public static var synonyms: [String: Term] {
        ["autumn term": .autumn, "spring term": .spring, "summer term": .summer, "fall": .autumn]
    }

    /// Reads `Autumn term`, `Autumn 2025`, `AUTUMN TERM 2025/26` as well as the plain word.
    public static func parseLoosely(_ text: String) -> Term? {
        if let term = parse(text) { return term }
        let words = TextFolding.key(text).split(separator: " ")
        let found = Set(words.compactMap { Term(rawValue: String($0)) })
        return found.count == 1 ? found.first : nil
    }
}

/// `child.year_group`: N1, N2, R, 1 ... 14.
public enum YearGroup: String, ContractEnum {
    case n1 = "N1", n2 = "N2", reception = "R"
    case y1 = "1", y2 = "2", y3 = "3", y4 = "4", y5 = "5", y6 = "6", y7 = "7"
    case y8 = "8", y9 = "9", y10 = "10", y11 = "11", y12 = "12", y13 = "13", y14 = "14"

    public static var synonyms: [String: YearGroup] {
        var map: [String: YearGroup] = [
            "reception": .reception, "rec": .reception, "yr r": .reception, "year r": .reception,
            "nursery 1": .n1, "nursery1": .n1, "nursery": .n1, "nursery 2": .n2, "nursery2": .n2,
            "fs1": .n2, "fs2": .reception, "pre school": .n1,
        ]
        for n in 1...14 {
            guard let value = YearGroup(rawValue: String(n)) else { continue }
            for prefix in ["year", "yr", "y", "nc year", "year group", "ncy"] {
                map["\(prefix) \(n)"] = value
                map["\(prefix)\(n)"] = value
            }
        }
        return map
    }

    /// The National Curriculum year as a number (N1 = -2, N2 = -1, R = 0).
    public var number: Int {
        switch self {
        case .n1: return -2
        case .n2: return -1
        case .reception: return 0
        default: return Int(rawValue) ?? 0
        }
    }
}

/// `child.legal_status`: the SSDA903 legal status codes.
public enum LegalStatus: String, ContractEnum {
    case c1 = "C1", c2 = "C2", d1 = "D1", e1 = "E1", j1 = "J1", j2 = "J2", j3 = "J3"
    case l1 = "L1", l2 = "L2", l3 = "L3", v2 = "V2", v3 = "V3", v4 = "V4"

    public static var synonyms: [String: LegalStatus] {
        [
            "interim care order": .c1, "full care order": .c2, "care order": .c2,
            "section 20": .v2, "s20": .v2, "s 20": .v2, "placement order": .e1,
            "freeing order": .d1,
        ]
    }

    /// Also reads a code followed by its wording: `C2 - Full care order`, `V2 (s.20)`.
    public static func parseLoosely(_ text: String) -> LegalStatus? {
        if let status = parse(text) { return status }
        guard let first = TextFolding.key(text).split(separator: " ").first else { return nil }
        return LegalStatus(rawValue: first.uppercased())
    }
}

/// `child.send.status`.
public enum SENStatus: String, ContractEnum {
    case none, senSupport = "sen-support", ehcp

    public static var synonyms: [String: SENStatus] {
        [
            "no": .none, "no sen": .none, "n": .none, "no send": .none, "not sen": .none,
            "sen support": .senSupport, "k": .senSupport, "send support": .senSupport,
            "school support": .senSupport, "sen_support": .senSupport,
            "e": .ehcp, "ehc plan": .ehcp, "ehc": .ehcp, "education health and care plan": .ehcp,
            "education health care plan": .ehcp, "statement": .ehcp,
        ]
    }
}

/// `attainment[].progress`.
public enum Progress: String, ContractEnum {
    case above, expected, below

    public static var synonyms: [String: Progress] {
        [
            "above expected": .above, "above expected progress": .above, "exceeding": .above,
            "expected progress": .expected, "as expected": .expected, "on track": .expected,
            "in line": .expected, "at expected": .expected,
            "below expected": .below, "below expected progress": .below, "not on track": .below,
            "behind": .below,
        ]
    }
}

/// `previous_targets[].outcome`.
public enum TargetOutcome: String, ContractEnum {
    case achieved, partly, notAchieved = "not-achieved"

    public static var synonyms: [String: TargetOutcome] {
        [
            "met": .achieved, "fully achieved": .achieved, "yes": .achieved,
            "partly achieved": .partly, "partially achieved": .partly, "partial": .partly,
            "partially": .partly, "partly met": .partly, "partially met": .partly,
            "not achieved": .notAchieved, "not met": .notAchieved, "not yet achieved": .notAchieved,
            "no": .notAchieved, "not-achieved": .notAchieved,
        ]
    }
}
