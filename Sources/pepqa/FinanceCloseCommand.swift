import ArgumentParser
import Foundation
import HummingbirdBcrypt
import PEPLedger
import PEPPipeline

/// `pepqa finance close --as NAME`: prepares the PP+ payment run (writes no file).
struct FinanceCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Prepare a PP+ payment run: what would be paid, to whom, by which route, and what is held. Writes no file.",
        discussion: """
            Only requests the Virtual School Head approved are paid, for the amount approved. The run \
            is recorded as prepared by NAME (a workbench user with the finance or vsh role; the password \
            is read from standard input) and gets a number; nothing is paid or written until another \
            person with the authority runs `pepqa finance authorise NUMBER --as NAME`.
            """)

    @OptionGroup var settings: ConfigOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("The workbench user preparing the run.", valueName: "name"))
    var name: String

    func run() async throws {
        let (pipeline, user, lock) = try FinanceCommand.open(settings, as: name)
        defer { FinanceCommand.close(pipeline, lock) }
        guard [.finance, .vsh].contains(user.role) else {
            CommandSupport.fail("\(user.name) (\(user.role.rawValue)) may not prepare a finance run; finance or vsh may")
        }
        do {
            print(try pipeline.finance.prepare(by: user.name, now: Date()).lines.joined(separator: "\n"))
        } catch {
            CommandSupport.fail("finance close: \(error)")
        }
    }
}

/// `pepqa finance authorise NUMBER --as NAME`: pays a prepared run.
struct FinanceAuthoriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorise",
        abstract: "Authorise a prepared PP+ run: write its journal, cheque/BACS batch, remittances and notices.",
        discussion: """
            NAME must have the authority (Rules/finance.yaml, authorisation.authorisers: the VSH by default) \
            and must not be the person who prepared the run, unless authorisation.single_person is true. \
            If what would be paid has changed since the run was prepared, nothing is paid: prepare it again.
            """)

    @OptionGroup var settings: ConfigOptions

    @Argument(help: ArgumentHelp("The prepared run's number, as `pepqa finance close` printed it.", valueName: "number"))
    var proposal: Int64

    @Option(name: .customLong("as"), help: ArgumentHelp("The workbench user authorising the run.", valueName: "name"))
    var name: String

    func run() async throws {
        let (pipeline, user, lock) = try FinanceCommand.open(settings, as: name)
        defer { FinanceCommand.close(pipeline, lock) }
        do {
            print(try pipeline.finance.authorise(proposalID: proposal, by: user, now: Date()).lines.joined(separator: "\n"))
        } catch {
            CommandSupport.fail("finance authorise: \(error)")
        }
    }
}
