import Foundation
import PEPLedger
import PEPModel

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
    /// When QA is due and how long is left: `pepqa serve` hands in the rules' clock.
    package var qaClock = QAClock.calendarDays
    /// The register of children looked after as it stands now (PP+ eligibility): `pepqa serve`
    /// hands in the same source the watcher uses (the roster file, or the case system's export).
    package var register: @Sendable () -> [RosterEntry] = { [] }
    /// PP+ caps per child (`ppplus_termly_cap`, `ppplus_financial_year_cap`), shown beside each request.
    package var termlyCap = Pence.zero
    package var yearCap = Pence.zero
    /// Preparing and authorising a finance run: `pepqa serve` hands in the pipeline's own
    /// `FinanceCloser` (the workbench does not plan payments itself); nil hides the actions.
    package var finance: FinanceActions?
    package var protections: Protections = .all

    package init(ledgerPath: String, outDir: String) {
        (self.ledgerPath, self.outDir) = (ledgerPath, outDir)
    }

    /// True when the session cookie must be `Secure`.
    var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }
}

/// When a PEP's QA is due and how many working days are left. The clock is the rules' (from
/// the meeting, on the working-day calendar of `Rules/calendar/`, `qa_working_days` in
/// `Rules/ruleset.yaml`), handed in by `pepqa serve` so the workbench shows the same dates as
/// the dashboard and the tracker; the workbench itself does not read the rules.
package struct QAClock: Sendable {
    /// The day QA is due for a PEP whose meeting (or, with none given, receipt) was on the day.
    package var due: @Sendable (_ meeting: CalendarDate) -> CalendarDate
    /// Working days from today to the due day: negative once it has passed.
    package var workingDaysLeft: @Sendable (_ today: CalendarDate, _ due: CalendarDate) -> Int

    package init(
        due: @escaping @Sendable (CalendarDate) -> CalendarDate,
        workingDaysLeft: @escaping @Sendable (CalendarDate, CalendarDate) -> Int
    ) {
        (self.due, self.workingDaysLeft) = (due, workingDaysLeft)
    }

    /// Fourteen calendar days, counted in calendar days: for tests that build the workbench
    /// without a rules folder.
    package static let calendarDays = QAClock(
        due: { $0.adding(days: 14) }, workingDaysLeft: { today, due in due.dayNumber - today.dayNumber })
}

/// What the finance page may ask of the pipeline's finance close, as closures, so PEPWeb does
/// not import the pipeline: prepare (lines to read, the proposal's number) and authorise (the
/// lines of what was written). Each throws a one-line error to show.
package struct FinanceActions: Sendable {
    package var prepare: @Sendable (_ preparer: String, _ now: Date) throws -> (proposalID: Int64?, lines: [String])
    package var authorise: @Sendable (_ proposalID: Int64, _ user: AppUser, _ now: Date) throws -> [String]
    /// The roles that may authorise (`authorisation.authorisers`).
    package var authorisers: Set<UserRole>

    package init(
        prepare: @escaping @Sendable (String, Date) throws -> (proposalID: Int64?, lines: [String]),
        authorise: @escaping @Sendable (Int64, AppUser, Date) throws -> [String], authorisers: Set<UserRole>
    ) {
        (self.prepare, self.authorise, self.authorisers) = (prepare, authorise, authorisers)
    }
}
