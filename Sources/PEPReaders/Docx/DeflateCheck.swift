internal import CInflate

/// Whether a deflated ZIP entry's stream ends inside the archive, checked with zlib before
/// ZIPFoundation inflates it. ZIPFoundation 0.9.20 feeds its inflater until the stream ends,
/// reading past the entry to the end of the archive; a stream that never ends there makes it ask
/// for more input for ever, and the reader hangs (found by fuzzing, `FuzzZIP`). The output is
/// counted into a scratch buffer, never kept, and the check stops at `limit` bytes.
enum DeflateCheck {
    enum Outcome: Equatable {
        /// The stream ends: ZIPFoundation will stop.
        case ends
        /// The data runs out before the stream ends: ZIPFoundation would loop for ever.
        case endless
        /// zlib refuses the data.
        case corrupt
        /// The output passes `limit` before the stream ends.
        case tooLarge
    }

    /// - Parameter data: from the entry's first data byte to the end of the archive, as
    ///   ZIPFoundation reads it.
    static func check(_ data: ArraySlice<UInt8>, limit: Int) -> Outcome {
        var stream = z_stream()
        guard cinflate_init_raw(&stream) == Z_OK else { return .corrupt }
        defer { inflateEnd(&stream) }
        var scratch = [UInt8](repeating: 0, count: 64 << 10)
        var produced = 0
        return data.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress, !input.isEmpty else { return .endless }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(clamping: input.count)
            while true {
                let result = scratch.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                produced += scratch.count - Int(stream.avail_out)
                switch result {
                case Z_STREAM_END: return .ends
                case Z_OK where produced > limit: return .tooLarge
                case Z_OK: continue
                case Z_BUF_ERROR where stream.avail_in == 0: return .endless
                default: return .corrupt
                }
            }
        }
    }
}
