import Foundation
import PEPModel
import PEPReaders

/// Converts `.doc` and `.rtf` to DOCX with LibreOffice, headless, in a child process: a private
/// temporary folder per document (input, output and a throwaway user profile, so no user's
/// settings, macros or recent files are touched), a minimal environment, and a timeout after
/// which the whole process group is killed. Nothing from the document names a path.
struct SofficeConverter: DocumentConverter {
    /// The `soffice` executable.
    let executable: URL
    var timeout: TimeInterval = 60

    var name: String { "LibreOffice (\(executable.lastPathComponent))" }

    /// `soffice` (or `libreoffice`) on `PATH`, or nil when LibreOffice is not installed.
    static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        extraFolders: [String] = ["/usr/lib/libreoffice/program"]
    ) -> SofficeConverter? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + extraFolders
        for folder in folders {
            for name in ["soffice", "libreoffice"] {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return SofficeConverter(executable: url) }
            }
        }
        return nil
    }

    func convertToDocx(_ bytes: [UInt8], from format: DocumentFormat, file: String) throws(IngestError) -> [UInt8] {
        try convert(bytes, from: format.rawValue, to: "docx", file: file)
    }

    /// Converts `bytes` (a file of extension `from`) to the format `to` (`docx`, or `doc` for tests).
    func convert(_ bytes: [UInt8], from: String = "docx", to target: String, file: String) throws(IngestError) -> [UInt8] {
        let failed = { (why: String) in
            IngestError(.malformed, file: file, message: "the \(from) file could not be converted to .\(target) (\(why)); please send it as .docx")
        }
        let filter = target == "docx" ? "docx:MS Word 2007 XML" : target
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("pepqa-convert-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let input = work.appendingPathComponent("in/document.\(from)")
        let output = work.appendingPathComponent("out")
        do {
            for dir in ["in", "out", "profile", "home"] {
                try fm.createDirectory(
                    at: work.appendingPathComponent(dir), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            try Data(bytes).write(to: input)
        } catch {
            throw failed("no temporary folder")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--nofirststartwizard",
            "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
            "--convert-to", filter, "--outdir", output.path, input.path,
        ]
        process.environment = ["HOME": work.appendingPathComponent("home").path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.currentDirectoryURL = work
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { throw failed("LibreOffice did not start") }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            // Foundation starts the child as the leader of its own process group (checked:
            // pgid == pid), so this also ends soffice.bin and anything else it started.
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 5)
            throw failed("LibreOffice took longer than \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0,
            let data = try? Data(contentsOf: output.appendingPathComponent("document.\(target)")), !data.isEmpty
        else {
            throw failed("LibreOffice could not open it: it may be damaged or password-protected")
        }
        return Array(data)
    }
}
