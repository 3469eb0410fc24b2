import Foundation

/// A real, small filesystem (tmpfs) that fills up, for the disk-full tests. Mounting needs root
/// (CI runs as root); where it cannot be mounted, `mount` returns nil and the test says so.
package struct TinyDisk {
    package let url: URL

    package static func mount(kilobytes: Int) -> TinyDisk? {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pepqa-tinydisk-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]) else {
                try? FileManager.default.removeItem(at: url)
                return nil
            }
            return TinyDisk(url: url)
        } catch {
            return nil
        }
    }

    /// Fills the disk until fewer than `leaving` bytes are free, with one file to delete later.
    package func fill(leaving: Int) throws -> URL {
        let filler = url.appendingPathComponent("filler")
        let handle = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: filler.path, contents: nil); return filler }())
        let chunk = Data(count: 1024)
        while free > leaving {
            do { try handle.write(contentsOf: chunk) } catch { break }
        }
        try handle.close()
        return filler
    }

    package var free: Int {
        ((try? FileManager.default.attributesOfFileSystem(forPath: url.path)[.systemFreeSize]) as? NSNumber)?.intValue ?? 0
    }

    package func unmount() {
        _ = Self.run("/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }

    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Makes `folder` read-only in place (a read-only bind mount over itself), as a remount or a
    /// full quota would; nil where this machine cannot (not root). Undo with `unbind`.
    package static func bindReadOnly(_ folder: URL) -> Bool {
        guard run("/bin/mount", ["--bind", folder.path, folder.path]) else { return false }
        guard run("/bin/mount", ["-o", "remount,ro,bind", folder.path]) else {
            _ = run("/bin/umount", [folder.path])
            return false
        }
        return true
    }

    package static func unbind(_ folder: URL) {
        _ = run("/bin/umount", [folder.path])
    }
}
