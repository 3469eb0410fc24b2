import FuzzSupport
import PEPModel
import PEPReaders

// XML PEPs in the contract's own namespace: libxml2 under the safe options, the schema check,
// the contract walker and the normaliser.

@_cdecl("FuzzXML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let extracted = try? XMLPEPReader().read(Fuzz.bytes(data, size), file: "fuzz.xml") {
        _ = PEPBuilder.build(extracted)
    }
    return 0
}
