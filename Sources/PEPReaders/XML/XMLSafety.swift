import CLibXML2

/// Process-wide libxml2 set-up, done once before any parsing: initialise the parser, install a
/// deny-all external entity loader (no file, no network, ever), and silence libxml2's own
/// printing to stderr (it may quote document text). Parsing anywhere in the product goes
/// through `XMLStreamReader`, which calls this first.
enum XMLSafety {
    /// The only parser options we ever use: no network, no error printing. Never NOENT,
    /// DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE (see the stack notes' safety table).
    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static let once: Void = {
        xmlInitParser()
        cxml_install_deny_loader()
        cxml_silence_errors()
    }()

    static func prepare() { _ = once }
}
