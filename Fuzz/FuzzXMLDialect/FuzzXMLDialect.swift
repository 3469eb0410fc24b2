import FuzzSupport
import PEPModel
import PEPReaders
import PEPRules

// XML in another system's layout, read through every dialect mapping in `Rules/xml/`.

let dialects = Fuzz.setUp("Rules/xml") {
    try XMLDialectLoader.load(directory: Fuzz.rules.appendingPathComponent(XMLDialectLoader.folder))
}

@_cdecl("FuzzXMLDialect_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    precondition(!dialects.isEmpty, "Rules/xml holds no dialect to fuzz")
    return Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let extracted = try? XMLPEPReader(dialects: dialects).read(Fuzz.bytes(data, size), file: "fuzz.xml") {
        _ = PEPBuilder.build(extracted)
    }
    return 0
}
