import FuzzSupport
import PEPModel
import PEPReaders
import PEPRules

// The ZIP layer of Word and OpenDocument forms: our central-directory scan, ZIPFoundation,
// the OPC content types and relationships, and inflating under the limits.

let mapping = Fuzz.setUp("Rules/docx-mapping.yaml") {
    try FormMappingLoader.load(contentsOf: Fuzz.rules.appendingPathComponent("docx-mapping.yaml"))
}

@_cdecl("FuzzZIP_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    _ = try? DocxReader(mapping: mapping).mainPart(bytes, file: "fuzz.docx")
    _ = try? OdtReader(mapping: mapping).read(bytes, file: "fuzz.odt")
    return 0
}
