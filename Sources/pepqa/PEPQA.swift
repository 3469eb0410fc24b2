import ArgumentParser

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
            FinanceCommand.self, RequeueCommand.self, LedgerCommand.self,
        ])
}

