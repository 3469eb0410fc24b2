import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import HTTPTypes
import Logging
import PEPLedger
import PEPModel
import Synchronization

@testable import PEPWeb

/// A workbench over an in-memory ledger with one rated PEP (whose school name and child's
/// voice are `<script>` markup), one rejected document, and one user per role (password
/// `correct horse`). All data is fictional.
struct WebFixture {
    static let password = "correct horse"
    static let hostile = "<script>alert('x')</script>"
    let ledger: Ledger
    var configuration: WebConfiguration
    let submissionID: Int64
    let rejectedID: Int64
    let logs: LogCapture
    let outDir: String

    init(protections: WebConfiguration.Protections = .all, edit: (inout WebConfiguration) -> Void = { _ in }) throws {
        ledger = try Ledger.inMemory()
        outDir = NSTemporaryDirectory() + "pepweb-tests-" + UUID().uuidString
        configuration = WebConfiguration(ledgerPath: ":memory:", outDir: outDir)
        configuration.failedLoginDelay = .zero
        configuration.protections = protections
        edit(&configuration)
        logs = LogCapture()
        let now = Date()
        for role in UserRole.allCases {
            try ledger.users.add(
                name: role.rawValue, passwordHash: Bcrypt.hash(Self.password, cost: 4), role: role,
                phase: role == .coordinator ? .secondary : nil, actor: "test", at: now)
        }
        var doc = ExtractedDocument(format: .json, file: "pep.json")
        doc.add("child.la_id", .text("LA-1001"), at: "$.child.la_id")
        doc.add("child.first_name", .text("Zebedee"), at: "$.child.first_name")
        doc.add("child.date_of_birth", .isoDate("2012-03-04"), at: "$.child.date_of_birth")
        doc.add("meeting.date", .isoDate("2025-10-08"), at: "$.meeting.date")
        doc.add("pep.term", .text("autumn"), at: "$.pep.term")
        doc.add("pep.academic_year", .text("2025/26"), at: "$.pep.academic_year")
        doc.add("school.urn", .text("100001"), at: "$.school.urn")
        doc.add("school.name", .text(Self.hostile), at: "$.school.name")
        doc.add("child_voice", .text("I like maths " + Self.hostile), at: "$.child_voice")
        doc.add("child.year_group", .text("9"), at: "$.child.year_group")
        let here = SourceRef(file: "pep.json", location: "$.ppplus.requests[0]")
        doc.addRecord(
            ExtractedRecord(
                source: here,
                values: [("intervention", .text("Maths tuition"), here), ("amount", .text("300.00"), here), ("target_ref", .text("1"), here)]),
            to: "ppplus.requests")
        let target = SourceRef(file: "pep.json", location: "$.targets[0]")
        doc.addRecord(ExtractedRecord(source: target, values: [("description", .text("Fractions with confidence"), target)]), to: "targets")
        let read = PEPBuilder.build(doc)
        let assessment = Assessment(
            assessable: true, quality: .amber, compliance: .green,
            sections: [SectionRating(section: "voice", title: "Child's voice", rating: .amber)],
            results: [
                CriterionResult(
                    id: "V1", section: "voice", title: "Child's voice captured", severity: .major, axis: .quality,
                    outcome: .fail, evidence: [Evidence(path: "child_voice", source: SourceRef(file: "pep.json", location: "$.child_voice"), note: "too short")],
                    feedback: "Capture the child's own words."),
                CriterionResult(
                    id: "C1", section: "compliance", title: "Held on time", severity: .minor, axis: .compliance,
                    outcome: .pass, evidence: []),
            ],
            funding: [
                FundingDecision(
                    requestIndex: 0, intervention: "Maths tuition", requested: Pence(30_000), approved: Pence(30_000),
                    status: .approved, note: "Approved")
            ], ruleSetHash: "abc123", ruleSetVersion: "1")
        let submission = Submission(
            fileName: "pep.json", bytes: Array("pep-bytes".utf8), receivedAt: now.addingTimeInterval(-86400),
            origin: .dropFile(path: "/nonexistent/pep.json"), attachments: [])
        guard let rated = try ledger.submissions.recordRated(submission, read: read, assessment: assessment, at: now).recorded
        else { throw FixtureError.duplicate }
        submissionID = rated.submissionID
        let bad = Submission(
            fileName: "scan.pdf", bytes: Array("pdf".utf8), receivedAt: now,
            origin: .email(EmailInfo(path: "/mail/new/1", sender: "dt@school.example", messageID: "<1@x>", date: nil, subject: nil)),
            attachments: [])
        guard case .recorded(let rejected) = try ledger.submissions.recordRejected(bad, reason: "not a PEP format (PDF)", at: now)
        else { throw FixtureError.duplicate }
        rejectedID = rejected
    }

    enum FixtureError: Error { case duplicate, noCookie, noToken }

    func application() async throws -> some ApplicationProtocol {
        var logger = Logger(label: "test") { _ in logs }
        logger.logLevel = .debug
        return try await buildApplication(configuration: configuration, ledger: ledger, logger: logger)
    }

    /// Runs `body` against the router, without a socket.
    func test(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = try await application()
        try await app.test(.router) { client in try await body(Browser(client: client)) }
    }
}

/// A tiny browser over the test client: keeps the session cookie, reads CSRF tokens.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var sessionCookie: String?

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        var csrf: String? { Browser.hidden("csrf", in: body) }
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func get(_ uri: String, cookie: String? = nil) async throws -> Page {
        var headers = HTTPFields()
        if let cookie = cookie ?? sessionCookie.map({ "pepqa_session=\($0)" }) { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    func post(_ uri: String, form: [(String, String)], cookie: String? = nil) async throws -> Page {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie = cookie ?? sessionCookie.map({ "pepqa_session=\($0)" }) { headers[.cookie] = cookie }
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// Every Set-Cookie header of a response.
    static func setCookies(_ page: Page) -> [String] {
        page.headers[values: .setCookie]
    }

    static func cookieValue(_ name: String, in page: Page) -> String? {
        for header in setCookies(page) where header.hasPrefix("\(name)=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            return String(value)
        }
        return nil
    }

    /// Signs in through the form, as a browser would. - Returns: the POST /login response.
    @discardableResult
    func signIn(_ name: String, password: String = WebFixture.password) async throws -> Page {
        let form = try await get("/login", cookie: "")
        guard let loginToken = Browser.cookieValue("pepqa_login", in: form), let csrf = form.csrf
        else { throw WebFixture.FixtureError.noToken }
        let page = try await post(
            "/login", form: [("csrf", csrf), ("username", name), ("password", password)],
            cookie: "pepqa_login=\(loginToken)")
        if let session = Browser.cookieValue("pepqa_session", in: page), !session.isEmpty { sessionCookie = session }
        return page
    }

    /// The CSRF token of the signed-in session (from any page's sign-out form).
    func csrf() async throws -> String {
        guard let token = try await get("/children").csrf else { throw WebFixture.FixtureError.noToken }
        return token
    }
}

/// Collects every log line (message and metadata), to check no personal data is logged.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLock { $0.append("\(event.message) \(all)") }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}
