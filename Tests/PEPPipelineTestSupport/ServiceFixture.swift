import Foundation
import Logging
import PEPIntake
import PEPPipeline
import PEPTestSupport

/// A throwaway service layout: an inbox, and state/out folders, under one temporary root.
package struct ServiceFixture {
    package let root: URL
    package let inbox: URL

    package init(maildir: Bool = false) throws {
        root = try Repository.temporaryFolder("pepqa-service")
        inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        if maildir {
            for sub in ["new", "cur", "tmp"] {
                try FileManager.default.createDirectory(at: inbox.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        }
    }

    package var configuration: ServiceConfiguration {
        var config = ServiceConfiguration()
        config.inboxes = [inbox.path]
        config.rulesDir = Repository.rules.path
        config.stateDir = root.appendingPathComponent("state").path
        config.outDir = root.appendingPathComponent("out").path
        return config
    }

    package var archive: URL { URL(fileURLWithPath: configuration.resolvedArchiveDir) }
    package var quarantine: URL { URL(fileURLWithPath: configuration.resolvedQuarantineDir) }
    package var filing: Filing { Filing(archiveRoot: archive, quarantineRoot: quarantine) }

    package func pipeline() throws -> Pipeline { try Pipeline.build(configuration: configuration, logger: quietLogger) }

    /// Copies a file of SampleInbox/ into the inbox (under `name`, by default its own).
    @discardableResult
    package func drop(sample: String, as name: String? = nil) throws -> URL {
        let source = Repository.sampleInbox.appendingPathComponent(sample)
        let target = inbox.appendingPathComponent(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Writes bytes into the inbox.
    @discardableResult
    package func drop(_ text: String, as name: String) throws -> URL {
        let target = inbox.appendingPathComponent(name)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// Files (not folders) under `folder`, relative names sorted; nothing when it does not exist.
    package func files(in folder: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var names: [String] = []
        while let name = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir), !isDir.boolValue {
                names.append(name)
            }
        }
        return names.sorted()
    }

    package func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A logger that drops everything, for tests that do not look at logs.
package let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
