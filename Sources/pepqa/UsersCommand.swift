import ArgumentParser
import Foundation
import HummingbirdBcrypt
import PEPLedger
import PEPPipeline

/// `pepqa users add|disable|list`: the people of the review workbench. A password is read
/// from standard input (never an argument, which `ps` and shell history would show).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, disable and list the people who use the review workbench.",
        subcommands: [Add.self, Disable.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from standard input (one line).",
            discussion: "Example: printf '%s\\n' \"$PASSWORD\" | pepqa users add alice --role coordinator --phase secondary")

        @Argument(help: "The user name (letters, digits, '.', '_', '-').") var name: String
        @Option(help: "coordinator, vsh, finance or admin.") var role: String
        @Option(help: "For a coordinator: early-primary or secondary.") var phase: String?
        @OptionGroup var settings: ConfigOptions

        func validate() throws {
            guard UserRole(rawValue: role) != nil else {
                throw ValidationError("--role must be coordinator, vsh, finance or admin")
            }
            if let phase, CoordinatorPhase(rawValue: phase) == nil {
                throw ValidationError("--phase must be early-primary or secondary")
            }
        }

        func run() async throws {
            guard let role = UserRole(rawValue: role) else { throw ExitCode.validationFailure }
            let password = readLine(strippingNewline: true) ?? ""
            guard password.count >= 12 else { CommandSupport.fail("the password (from standard input) needs at least 12 characters") }
            try UsersCommand.change(settings) {
                try $0.add(
                    name: name, passwordHash: Bcrypt.hash(password, cost: 12), role: role,
                    phase: phase.flatMap(CoordinatorPhase.init(rawValue:)), actor: UsersCommand.actor, at: Date())
            }
            print("added \(name) (\(role.rawValue))")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and end their sessions.")
        @Argument var name: String
        @OptionGroup var settings: ConfigOptions

        func run() async throws {
            try UsersCommand.change(settings) { try $0.disable(name: name, actor: UsersCommand.actor, at: Date()) }
            print("disabled \(name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users: name, role, phase, status.")
        @OptionGroup var settings: ConfigOptions

        func run() async throws {
            for user in try UsersCommand.openLedger(settings).users.all() {
                print(
                    [user.name, user.role.rawValue, user.phase?.rawValue ?? "-", user.disabled ? "disabled" : "active"]
                        .joined(separator: "\t"))
            }
        }
    }

    /// Who the audit names for a change made here: the command and the Unix user.
    static var actor: String { "pepqa users (\(ProcessInfo.processInfo.environment["USER"] ?? "unknown"))" }

    static func openLedger(_ settings: ConfigOptions) throws -> Ledger {
        let config = try settings.resolve()
        do {
            return try Ledger(path: config.ledgerPath)
        } catch {
            CommandSupport.fail("cannot open the ledger: \(error)")
        }
    }

    /// One change to the users, a refusal (a name taken, unknown) ending the command with its line.
    static func change(_ settings: ConfigOptions, _ body: (UserStore) throws -> Void) throws {
        let users = try openLedger(settings).users
        do {
            try body(users)
        } catch let error as UserStoreError {
            CommandSupport.fail(error.description)
        }
    }
}
