import FuzzSupport
import PEPModel
import PEPReaders

// JSON PEPs (`"schema": "pep/1"`): the JSON parser, the contract walker and the normaliser.

@_cdecl("FuzzJSON_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let extracted = try? JSONPEPReader().read(Fuzz.bytes(data, size), file: "fuzz.json") {
        _ = PEPBuilder.build(extracted)
    }
    return 0
}
