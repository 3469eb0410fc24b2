import FuzzSupport
import PEPWeb

// The workbench's form bodies (`application/x-www-form-urlencoded`), as a browser sends them.

@_cdecl("FuzzWebForm_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let form = FormData(Fuzz.text(data, size))
    _ = form["csrf"]
    return 0
}
