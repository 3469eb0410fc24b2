import ArgumentParser
import Foundation
import Logging
import PEPPipeline

/// What the commands share: configuration from options, logging, opening the pipeline, and
/// the one-line failure.
enum CommandSupport {
    static func configuration(_ folders: FolderOptions, base: ServiceConfiguration = ServiceConfiguration()) -> ServiceConfiguration {
        var config = base
        if let s = folders.state { config.stateDir = s }
        if let o = folders.out { config.outDir = o }
        if let r = folders.rules { config.rulesDir = r }
        return config
    }

    static func logger(verbose: Bool, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "pepqa") { label in
            JournalLogHandler(label: label, journald: JournalLogHandler.underJournald)
        }
        logger.logLevel = verbose ? .debug : (JournalLogHandler.underJournald ? level : .error)
        return logger
    }

    /// Opens the pipeline or exits with one clear line (a broken rule set lists every problem).
    static func openPipeline(_ config: ServiceConfiguration, logger: Logger) throws -> Pipeline {
        do {
            try RulesCheck.requireFolder(config.rulesDir)
            return try Pipeline(configuration: config, logger: logger)
        } catch {
            fail("cannot start: \(error)")
        }
    }

    /// A progress line on a terminal (`\r[12/500] file`), nothing when stderr is not a terminal.
    static func progressLine() -> (@Sendable (Int, Int, String) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { done, total, file in
            let text = "\r[\(done)/\(total)] \(file.prefix(60))" + String(repeating: " ", count: 10)
            FileHandle.standardError.write(Data(text.utf8))
            if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("pepqa: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
