import Foundation
import PEPModel
import Testing

@testable import PEPReaders

/// XML written by .NET and Windows tools often comes as UTF-16, with or without a byte-order
/// mark. It is the same PEP, so it must read to the same fields as the UTF-8 file.
@Suite struct XMLEncodingTests {
    let registry = ReaderRegistry(ReaderRegistry.structuredReaders)

    /// The fixture re-encoded, with its declaration saying so.
    func utf16(bigEndian: Bool, byteOrderMark: Bool) throws -> [UInt8] {
        let text = try Fixture.text("complete.xml").replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }


    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16XMLReadsLikeUTF8(bigEndian: Bool, byteOrderMark: Bool) throws {
        let expected = try registry.read(Fixture.bytes("complete.xml"), file: "complete.xml")
        let bytes = try utf16(bigEndian: bigEndian, byteOrderMark: byteOrderMark)
        #expect(FormatSniffer.firstSignificantCharacter(bytes)?.utf16 == true)
        let read = try registry.read(bytes, file: "complete.xml")
        #expect(read.pep == expected.pep)
        #expect(read.pep.child.upn?.value == "H801200001001")
    }

    @Test func utf16JSONIsRefusedWithTheReason() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "{\"pep\": {}}".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect {
            _ = try registry.read(bytes, file: "pep.json")
        } throws: { error in
            "\(error)".contains("UTF-16") && "\(error)".contains("UTF-8")
        }
    }
}
