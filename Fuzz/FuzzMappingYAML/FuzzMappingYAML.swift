import FuzzSupport
import PEPRules

// The mapping files: `docx-mapping.yaml` (Word labels, legacy names, list tables) and an XML
// dialect (`Rules/xml/*.yaml`); each input is read as both.

@_cdecl("FuzzMappingYAML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = Fuzz.text(data, size)
    _ = try? FormMappingLoader.parse(text, file: "docx-mapping.yaml")
    _ = try? XMLDialectLoader.parse(text, file: "xml/fuzz.yaml")
    return 0
}
