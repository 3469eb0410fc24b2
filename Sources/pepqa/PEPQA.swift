import ArgumentParser
import Foundation

/// The `pepqa` command: quality assurance of Personal Education Plans for a Virtual School.
@main
struct PEPQA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pepqa",
        abstract: "Read, quality-assure and RAG-rate Personal Education Plans (PEPs).",
        discussion: """
            Reads PEPs sent as Word forms (DOCX), XML or JSON, by drop folder or e-mail (Maildir), rates each \
            against the QA criteria in the rules folder, records everything in a SQLite ledger, and writes \
            reports, feedback, exports and PP+ finance files. Run from the repository root, the defaults \
            (./Rules, ./state, ./out) just work.
            """,
        subcommands: [
            ProcessCommand.self, RunCommand.self, ExtractCommand.self, RateCommand.self, RulesCommand.self,
            FinanceCommand.self, RequeueCommand.self, LedgerCommand.self, OutputsCommand.self, UsersCommand.self,
            ServeCommand.self,
        ])

    /// Files that hold personal data are private whatever the caller's umask: the ledger, the
    /// archive, quarantine, reports and outbox are created 0640 / 0750 at most (readable by the
    /// service's group, never by the world), also when an officer runs `pepqa` by hand with
    /// umask 022. The systemd units set `UMask=0027` too; this makes it hold outside them.
    static let privateUmask: mode_t = 0o027

    static func main() async {
        umask(umask(privateUmask) | privateUmask)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

