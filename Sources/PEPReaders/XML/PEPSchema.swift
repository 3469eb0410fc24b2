/// The PEP XML schema (version 1), compiled into the binary so that validation never reads a
/// file at run time: `pep-1.xsd` beside this file, embedded by SwiftPM (`embedInCode`). The
/// published `docs/schema/pep-1.xsd` is a link to that one file.
enum PEPSchema {
    /// The XSD's bytes.
    static var xsd: [UInt8] { PackageResources.pep_1_xsd }
}
