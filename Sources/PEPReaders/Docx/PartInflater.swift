internal import CInflate

/// Inflates a deflated ZIP entry with zlib, from the entry's first data byte, checking that the
/// stream ends inside the archive and stays under a limit.
///
/// ZIPFoundation 0.9.20 feeds its inflater until the stream ends, reading past the entry to the
/// end of the archive; a stream that never ends there makes it ask for more input for ever, and
/// the reader hangs (found by fuzzing, `FuzzZIP`). So every deflated part was first inflated
/// here to check it, then again by ZIPFoundation; now the bytes made here are the part (with
/// its CRC-32 checked by zlib too), and ZIPFoundation inflates only what is stored uncompressed.
/// That halved the cost of opening a Word document (`make bench`).
enum PartInflater {
    enum Outcome: Equatable {
        /// The stream ends: these are the part's bytes.
        case ends([UInt8])
        /// The data runs out before the stream ends.
        case endless
        /// zlib refuses the data.
        case corrupt
        /// The output passes `limit` before the stream ends.
        case tooLarge
    }

    /// - Parameters:
    ///   - data: from the entry's first data byte to the end of the archive.
    ///   - expected: the size the directory declares, to size the output once (never trusted
    ///     beyond `limit`).
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int, expected: Int = 0) -> Outcome {
        var stream = z_stream()
        guard cinflate_init_raw(&stream) == Z_OK else { return .corrupt }
        defer { inflateEnd(&stream) }
        var scratch = [UInt8](repeating: 0, count: 64 << 10)
        var out: [UInt8] = []
        out.reserveCapacity(min(max(0, expected), limit))
        return data.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress, !input.isEmpty else { return .endless }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(clamping: input.count)
            while true {
                let (result, made) = scratch.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let result = CInflate.inflate(&stream, Z_NO_FLUSH)
                    return (result, buffer.count - Int(stream.avail_out))
                }
                if out.count + made > limit { return .tooLarge }
                out.append(contentsOf: scratch[..<made])
                switch result {
                case Z_STREAM_END: return .ends(out)
                case Z_OK: continue
                case Z_BUF_ERROR where stream.avail_in == 0: return .endless
                default: return .corrupt
                }
            }
        }
    }

    /// The CRC-32 a ZIP directory holds for these bytes.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CInflate.crc32(0, buffer.baseAddress, UInt32(buffer.count)))
        }
    }
}
