import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa finance close`: the PP+ payment run.
struct FinanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finance", abstract: "PP+ finance: payment runs.", subcommands: [Close.self])

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Pay every approved PP+ request not yet paid: journal, cheque/BACS batch, held and reconciliation files.",
            discussion: """
                Writes, under <out>/finance/ and numbered by run: the balanced journal for journal schools, \
                the cheque/BACS batch and its remittance advice for the others, the held report (with reasons) \
                and the reconciliation (approved = journal + cheque + held); then one payment notice per paid \
                school into <out>/outbox/. Each approved request is paid exactly once, across re-runs, crashes \
                and resubmissions. With nothing new to pay it says so and writes nothing.
                """)

        @OptionGroup var folders: FolderOptions

        func run() async throws {
            let config = CommandSupport.configuration(folders)
            let pipeline = try CommandSupport.openPipeline(config, logger: CommandSupport.logger(verbose: false))
            do {
                print(try pipeline.financeClose(now: Date()).lines.joined(separator: "\n"))
            } catch {
                CommandSupport.fail("finance close: \(error)")
            }
        }
    }
}
