import ArgumentParser
import Foundation
import Logging
import PEPFiles
import PEPPipeline

/// What the commands share: logging, opening the pipeline, and the one-line failures.
enum CommandSupport {
    /// The one logger set-up: the configured level (`log_level`), debug with `--verbose`, and
    /// at least `floor` when the command would otherwise talk over its own terminal output.
    static func logger(_ configuration: ServiceConfiguration, verbose: Bool, floor: Logger.Level? = nil) -> Logger {
        var logger = Logger(label: "pepqa") { label in
            JournalLogHandler(label: label, journald: JournalLogHandler.underJournald)
        }
        let configured = configuration.logLevel
        logger.logLevel = verbose ? .debug : floor.map { max(configured, $0) } ?? configured
        return logger
    }

    /// For the one-shot commands: warnings and errors on a terminal only show as errors, so the
    /// summary table stays readable; under journald, the configured level.
    static var terminalFloor: Logger.Level? { JournalLogHandler.underJournald ? nil : .error }

    /// Builds the pipeline, or exits: a missing rules folder is a usage error (one line, 64); a
    /// broken setting stops the start with exit status 1, every problem listed with its file and line.
    static func openPipeline(_ config: ServiceConfiguration, logger: Logger) throws -> Pipeline {
        do {
            try RulesCheck.requireFolder(config.rulesDir)
        } catch {
            throw usage("cannot start: \(error)")
        }
        do {
            return try Pipeline.build(configuration: config, logger: logger)
        } catch {
            fail("cannot start: \(error)")
        }
    }

    /// The one-document commands (`extract`, `rate`): check the inputs, then print what
    /// `produce(file, rulesDirectory)` gives, or fail with its one line.
    ///
    /// A file or rules folder that is not there is a usage error (64); a document that cannot be
    /// read is a failure (1). Nothing else reaches stdout, so the output can be piped as it is.
    static func printDocument(
        _ file: String, settings: ConfigOptions, terminator: String = "\n",
        _ produce: (String, String) throws -> String
    ) throws {
        let rules = try settings.resolve().rulesDir
        guard FileManager.default.fileExists(atPath: file) else { throw usage("\(file): no such file") }
        do { try RulesCheck.requireFolder(rules) } catch { throw usage("\(error)") }
        do {
            print(try produce(file, rules), terminator: terminator)
        } catch {
            fail("\(error)")
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

    /// A usage error: `pepqa: message` on stderr, one line, then exit status 64 (`EX_USAGE`,
    /// ArgumentParser's validation status). Throw what it returns.
    static func usage(_ message: String) -> ExitCode {
        warn(message)
        return ExitCode.validationFailure
    }

    /// One line on stderr, and the command goes on.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("pepqa: \(message)\n".utf8))
    }

    /// Takes the state folder's one-writer lock for a command that takes work (`run`, `process`,
    /// `finance close`), or exits with one line naming the holder and status 75 (`EX_TEMPFAIL`:
    /// try again later). With `wait`, it first waits that many seconds for the holder to finish.
    /// Keep what it returns for as long as the command runs.
    static func holdState(_ config: ServiceConfiguration, wait: Double? = nil) -> StateLock {
        do {
            return try StateLock.acquire(folder: config.stateDir, wait: wait) { holder in
                let who = holder.map { "pepqa (PID \($0))" } ?? "another pepqa"
                warn("waiting up to \(String(format: "%g", wait ?? 0)) s for \(who) to finish with the state folder \(config.stateDir)")
            }
        } catch {
            warn("cannot start: \(error)")
            Foundation.exit(75)
        }
    }

    /// One line on stderr, and exit status 1.
    static func fail(_ message: String) -> Never {
        warn(message)
        Foundation.exit(1)
    }
}
