import ArgumentParser
import Foundation
import PEPPipeline

/// `pepqa finance close`: the PP+ payment run.
struct FinanceCloseCommand: AsyncParsableCommand {
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

    @OptionGroup var settings: ConfigOptions

    func run() async throws {
        let config = try settings.resolve()
        let lock = CommandSupport.holdState(config)
        defer { withExtendedLifetime(lock) {} }
        let logger = CommandSupport.logger(config, verbose: false, floor: CommandSupport.terminalFloor)
        let pipeline = try CommandSupport.openPipeline(config, logger: logger)
        do {
            print(try pipeline.finance.close(now: Date()).lines.joined(separator: "\n"))
        } catch {
            CommandSupport.fail("finance close: \(error)")
        }
    }
}
