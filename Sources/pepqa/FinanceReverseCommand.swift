import ArgumentParser
import Foundation
import PEPLedger
import PEPModel
import PEPPipeline

/// `pepqa finance reverse S000123-R1 --reason TEXT --as NAME`: records that a payment was made
/// in error. The next finance run credits it; no file or row is ever edited.
struct FinanceReverseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Reverse a PP+ payment made in error: the next finance run credits it.",
        discussion: """
            REFERENCE is the request's reference as the finance files give it (source_reference in the \
            remittance, e.g. S000123-R1). NAME is a workbench user with the vsh or finance role (the \
            password is read from standard input). The reversal is recorded with the reason, who and when; \
            the next run (prepared and authorised as usual) puts a credit line on the journal, or takes it \
            off the school's next cheque/BACS payment (or lists it to recover), and the reconciliation shows it.
            """)

    @OptionGroup var settings: ConfigOptions

    @Argument(help: ArgumentHelp("The paid request's reference, e.g. S000123-R1.", valueName: "reference"))
    var reference: String

    @Option(help: ArgumentHelp("Why the payment is reversed (kept in the ledger and the audit; never in a finance file)."))
    var reason: String

    @Option(help: ArgumentHelp("Reverse only this much, in pounds (e.g. 150.00); all of it when left out.", valueName: "pounds"))
    var amount: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("The workbench user recording the reversal.", valueName: "name"))
    var name: String

    func run() async throws {
        var pence: Pence?
        if let amount {
            guard let parsed = ValueNormaliser.money(amount) else { CommandSupport.fail("--amount \(amount): not an amount in pounds, such as 150.00") }
            pence = parsed
        }
        let (pipeline, user, lock) = try FinanceCommand.open(settings, as: name)
        defer { FinanceCommand.close(pipeline, lock) }
        do {
            let reversal = try pipeline.ledger.reversals.reverse(reference: reference, amount: pence, reason: reason, by: user, at: Date())
            print(
                "Reversal of \(reference.uppercased()) recorded by \(user.name): \(reversal.amount.display), to be credited by the next "
                    + "finance run (\(reversal.route == .journal ? "journal" : "cheque/BACS")).")
        } catch {
            CommandSupport.fail("finance reverse: \(error)")
        }
    }
}
