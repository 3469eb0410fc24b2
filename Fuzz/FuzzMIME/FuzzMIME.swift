import Foundation
import FuzzSupport
import PEPIntake

// E-mail: RFC 5322 headers, MIME structure, transfer encodings, charsets, encoded words,
// addresses and dates, and sorting the attachments.

@_cdecl("FuzzMIME_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Fuzz.main(argc, argv, LLVMFuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = MailMessageReader().read(bytes: Fuzz.bytes(data, size), path: "new/fuzz", arrivedAt: Date(timeIntervalSince1970: 0))
    return 0
}
