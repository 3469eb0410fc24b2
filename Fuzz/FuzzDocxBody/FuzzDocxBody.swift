import FuzzSupport
import PEPModel
import PEPReaders
import PEPRules

// A Word form's main part (`word/document.xml`) without the archive: content controls, legacy
// form fields and label tables, through the school's `Rules/docx-mapping.yaml`.

let mapping = Fuzz.setUp("Rules/docx-mapping.yaml") {
    try FormMappingLoader.load(contentsOf: Fuzz.rules.appendingPathComponent("docx-mapping.yaml"))
}

@_cdecl("FuzzDocxBody_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let extracted = try? DocxReader(mapping: mapping).readBody(Fuzz.bytes(data, size), file: "fuzz.docx") {
        _ = PEPBuilder.build(extracted)
    }
    return 0
}
