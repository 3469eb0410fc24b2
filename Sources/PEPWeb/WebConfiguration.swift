import Foundation

/// Everything `pepqa serve` needs, as plain values with defaults: the CLI fills it from its
/// options and the config file, tests fill it directly.
package struct WebConfiguration: Sendable {
    /// The protections the middleware applies. All are on in every real server; a test turns
    /// one off to prove that the protection (not something else) is what refuses an attack.
    package struct Protections: OptionSet, Sendable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package static let login = Protections(rawValue: 1 << 0)
        package static let csrf = Protections(rawValue: 1 << 1)
        package static let roles = Protections(rawValue: 1 << 2)
        package static let lockout = Protections(rawValue: 1 << 3)
        package static let headers = Protections(rawValue: 1 << 4)
        package static let all: Protections = [.login, .csrf, .roles, .lockout, .headers]
    }

    package var host = "127.0.0.1"
    package var port = 8080
    /// The URL people use (through the reverse proxy); `https` makes the cookie `Secure`.
    package var publicURL = "http://127.0.0.1:8080"
    /// The ledger file (shared with the watcher).
    package var ledgerPath: String
    /// The output folder: clarification e-mails go to its `outbox/`.
    package var outDir: String
    /// Where processed and quarantined inbox files are, to show an original as it arrived.
    package var archiveDir: String?
    package var quarantineDir: String?
    /// Templates folder; nil uses the ones built into the binary.
    package var templatesDir: String?
    /// How long a session lives without signing in again.
    package var sessionLifetime: TimeInterval = 8 * 3600
    /// Failed sign-ins (per name, within `lockoutWindow`) after which sign-in is refused.
    package var lockoutThreshold = 5
    package var lockoutWindow: TimeInterval = 15 * 60
    /// Pause after each failed sign-in, slowing guessing.
    package var failedLoginDelay: Duration = .milliseconds(750)
    /// Days from receipt within which QA is due.
    package var qaDueDays = 10
    package var protections: Protections = .all

    package init(ledgerPath: String, outDir: String) {
        self.ledgerPath = ledgerPath
        self.outDir = outDir
    }

    /// True when the session cookie must be `Secure`.
    var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }
}
