import Foundation

/// libFuzzer's own driver, run from our `main`: SwiftPM links an executable's entry point as
/// `<Target>_main`, so libFuzzer's `main` is never used (see docs/stack notes, "the entry-point trap").
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// What every fuzz target shares: the driver, the input as bytes or text, and the repository's
/// `Rules/` folder (the targets read the real mappings, so they fuzz what the service runs).
package enum Fuzz {
    /// One input in, 0 out (libFuzzer's `LLVMFuzzerTestOneInput`).
    package typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer over `test` with the command line's options; returns its exit status.
    package static func main(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: TestOneInput
    ) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }

    /// The input as a byte array (libFuzzer may pass a null pointer for an empty input).
    package static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text, invalid UTF-8 repaired, as a reader of a text file sees it.
    package static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    /// The repository's `Rules/` folder, found from this file's place (`Fuzz/FuzzSupport/`).
    package static let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules")

    /// Set-up that must work (loading the real mappings): a failure stops the target at once
    /// with the reason, since fuzzing without it would test nothing.
    package static func setUp<T>(_ what: String, _ load: () throws -> T) -> T {
        do { return try load() } catch { fatalError("fuzz set-up failed, \(what): \(error)") }
    }
}
