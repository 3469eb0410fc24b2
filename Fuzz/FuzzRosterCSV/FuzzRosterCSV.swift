import FuzzSupport
import PEPRules

// The register of children looked after: `Rules/roster.csv` or the case system's export.

@_cdecl("FuzzRosterCSV_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? RosterLoader.tolerant(Fuzz.text(data, size), file: "roster.csv")
    return 0
}
