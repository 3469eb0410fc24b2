import Foundation
import Testing

@testable import PEPIntake

private let when = Date(timeIntervalSince1970: 1_762_510_500)  // 2025-11-07 10:15:00 UTC
private let hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

@Test func archivedNameCarriesTimeHashAndSanitisedName() {
    #expect(ArchiveNaming.name(original: "PEP autumn.docx", receivedAt: when, sha256: hash) == "20251107-101500-0123456789ab-PEP autumn.docx")
    #expect(ArchiveNaming.yearMonth(when) == ("2025", "11"))
}

@Test func pathTraversalNamesLoseTheirSeparatorsAndLeadingDots() {
    #expect(ArchiveNaming.sanitise("../../etc/passwd") == "etc_passwd")
    #expect(ArchiveNaming.sanitise("..\\..\\windows\\win.ini") == "windows_win.ini")
    #expect(ArchiveNaming.sanitise("/etc/passwd") == "etc_passwd")
    #expect(ArchiveNaming.sanitise("a/b/c.json") == "a_b_c.json")
    #expect(ArchiveNaming.sanitise(".hidden") == "hidden")
    #expect(ArchiveNaming.sanitise("..") == "unnamed")
    #expect(ArchiveNaming.sanitise("-rf.json") == "rf.json")
}

@Test func controlAndInvisibleCharactersAreRemoved() {
    #expect(ArchiveNaming.sanitise("pep\u{0}.json") == "pep.json")
    #expect(ArchiveNaming.sanitise("pep\r\n\t.json") == "pep.json")
    #expect(ArchiveNaming.sanitise("invoice\u{202E}nosj.exe") == "invoicenosj.exe")
    #expect(ArchiveNaming.sanitise("a:b*c?d\"e<f>g|h") == "a_b_c_d_e_f_g_h")
    #expect(ArchiveNaming.sanitise("") == "unnamed")
    #expect(ArchiveNaming.sanitise("PEP – Year 6 – Autumn 2025.json") == "PEP – Year 6 – Autumn 2025.json")
}

@Test func veryLongNamesAreCutButKeepTheirExtension() {
    let long = String(repeating: "é", count: 400) + ".docx"
    let safe = ArchiveNaming.sanitise(long)
    #expect(safe.utf8.count <= ArchiveNaming.maxNameBytes)
    #expect(safe.hasSuffix(".docx"))
    #expect(ArchiveNaming.name(original: long, receivedAt: when, sha256: hash).utf8.count < 255)
}

@Test func originalNameIsRecoveredFromAnArchivedName() {
    let archived = ArchiveNaming.name(original: "pep.json", receivedAt: when, sha256: hash)
    #expect(ArchiveNaming.originalName(fromArchived: archived) == "pep.json")
    #expect(ArchiveNaming.originalName(fromArchived: "pep.json") == "pep.json")
}
