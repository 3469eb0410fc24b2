import FuzzSupport
import PEPRules

// The school register, `Rules/schools.csv` (payment routes and bank details).

@_cdecl("FuzzRegisterCSV_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = try? SchoolRegisterLoader.parse(Fuzz.text(data, size), file: "schools.csv")
    return 0
}
