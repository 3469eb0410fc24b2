import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PEPLedger
import Testing

@testable import PEPWeb

/// Each protection of issue 10 point 7, tested twice where it can be switched off: once on
/// (the attack fails) and once off (the same request then succeeds), so the test fails if the
/// protection is removed or stops being the thing that refuses.
@Suite struct SecurityTests {
    static let pages = ["/", "/reviews/1", "/reviews/1/original", "/reviews/1/complete", "/children", "/children/LA-1001", "/users"]

    @Test func healthAndStylesheetNeedNoLogin() async throws {
        try await WebFixture().test { browser in
            try Task.checkCancellation()
            #expect(try await browser.get("/healthz").status == .ok)
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test func everyPageWithoutASessionSendsTheBrowserToSignIn() async throws {
        try await WebFixture().test { browser in
            for page in Self.pages {
                let response = try await browser.get(page)
                #expect(response.status == .seeOther, "\(page)")
                #expect(response.location == "/login", "\(page)")
            }
        }
    }

    @Test func withoutTheLoginMiddlewareTheWorklistIsNotRedirected() async throws {
        try await WebFixture(protections: WebConfiguration.Protections.all.subtracting(.login)).test { browser in
            try Task.checkCancellation()
            #expect(try await browser.get("/").status != .seeOther)
        }
    }

    @Test func signingInSetsAStrictHttpOnlySessionCookie() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.signIn("coordinator")
            #expect(page.status == .seeOther)
            #expect(page.location == "/")
            let cookie = try #require(Browser.setCookies(page).first { $0.hasPrefix("pepqa_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test func theCookieIsSecureWhenThePublicURLIsHTTPS() async throws {
        try await WebFixture(edit: { $0.publicURL = "https://pepqa.council.example" }).test { browser in
            let page = try await browser.signIn("coordinator")
            let cookie = try #require(Browser.setCookies(page).first { $0.hasPrefix("pepqa_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func anExpiredSessionIsNoSession() async throws {
        try await WebFixture(edit: { $0.sessionLifetime = -1 }).test { browser in
            try Task.checkCancellation()
            #expect(try await browser.signIn("coordinator").status == .seeOther)
            #expect(try await browser.get("/").location == "/login")
        }
    }

    @Test func aWrongPasswordIsRefused() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.signIn("coordinator", password: "wrong")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("There is a problem"))
            #expect(browser.sessionCookie == nil)
        }
    }

    @Test func aDisabledUserCannotSignIn() async throws {
        let fixture = try WebFixture()
        try fixture.ledger.users.disable(name: "coordinator", actor: "test", at: Date())
        try await fixture.test { browser in
            try Task.checkCancellation()
            #expect(try await browser.signIn("coordinator").status == .unauthorized)
        }
    }

    @Test func aPostWithoutOrWithAStaleCSRFTokenIsForbidden() async throws {
        let fixture = try WebFixture()
        let id = fixture.submissionID
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let form = [("outcome", "pass"), ("reason", "The voice is there")]
            #expect(try await browser.post("/reviews/\(id)/criteria/V1", form: form).status == .forbidden)
            let stale = String(repeating: "0", count: 64)
            #expect(try await browser.post("/reviews/\(id)/criteria/V1", form: form + [("csrf", stale)]).status == .forbidden)
            #expect(try fixture.ledger.reviews.overrides(submissionID: id).isEmpty)
            let good = try await browser.post("/reviews/\(id)/criteria/V1", form: form + [("csrf", try await browser.csrf())])
            #expect(good.status == .seeOther)
            #expect(try fixture.ledger.reviews.overrides(submissionID: id).count == 1)
        }
    }

    @Test func withoutTheCSRFMiddlewareATokenlessPostSucceeds() async throws {
        let fixture = try WebFixture(protections: WebConfiguration.Protections.all.subtracting(.csrf))
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            let page = try await browser.post(
                "/reviews/\(fixture.submissionID)/criteria/V1", form: [("outcome", "pass"), ("reason", "ok")])
            #expect(page.status == .seeOther)
        }
    }

    @Test func theLoginFormNeedsItsOwnToken() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.post(
                "/login", form: [("username", "coordinator"), ("password", WebFixture.password)], cookie: "")
            #expect(page.status == .forbidden)
        }
    }

    @Test func rolesAreCheckedOnTheServer() async throws {
        let fixture = try WebFixture()
        let id = fixture.submissionID
        try await fixture.test { browser in
            try await browser.signIn("finance")
            #expect(try await browser.get("/").status == .forbidden)
            #expect(try await browser.get("/reviews/\(id)").status == .forbidden)
            #expect(try await browser.get("/children/LA-1001").status == .ok)
        }
        try await fixture.test { browser in
            try await browser.signIn("vsh")
            #expect(try await browser.get("/reviews/\(id)").status == .ok)
            let csrf = try await browser.csrf()
            let page = try await browser.post(
                "/reviews/\(id)/criteria/V1", form: [("csrf", csrf), ("outcome", "pass"), ("reason", "x")])
            #expect(page.status == .forbidden)
            #expect(try await browser.post("/reviews/\(id)/complete", form: [("csrf", csrf)]).status == .forbidden)
            #expect(try fixture.ledger.reviews.completion(submissionID: id) == nil)
        }
    }

    @Test func withoutTheRoleMiddlewareFinanceReachesTheWorklist() async throws {
        try await WebFixture(protections: WebConfiguration.Protections.all.subtracting(.roles)).test { browser in
            try await browser.signIn("finance")
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test func repeatedFailuresLockTheName() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            for _ in 0..<fixture.configuration.lockoutThreshold {
                #expect(try await browser.signIn("coordinator", password: "guess").status == .unauthorized)
            }
            let locked = try await browser.signIn("coordinator")
            #expect(locked.status == .tooManyRequests)
            #expect(browser.sessionCookie == nil)
        }
    }

    @Test func withoutTheLockTheRightPasswordStillWorksAfterFailures() async throws {
        let fixture = try WebFixture(protections: WebConfiguration.Protections.all.subtracting(.lockout))
        try await fixture.test { browser in
            for _ in 0..<fixture.configuration.lockoutThreshold {
                _ = try await browser.signIn("coordinator", password: "guess")
            }
            #expect(try await browser.signIn("coordinator").status == .seeOther)
        }
    }

    @Test func failedSignInsAreSlowed() async throws {
        let fixture = try WebFixture(edit: { $0.failedLoginDelay = .milliseconds(300) })
        try await fixture.test { browser in
            let start = ContinuousClock.now
            _ = try await browser.signIn("coordinator", password: "guess")
            #expect(ContinuousClock.now - start >= .milliseconds(300))
        }
    }

    @Test func pagesAndErrorsCarryAStrictPolicyAndRefuseFraming() async throws {
        try await WebFixture().test { browser in
            for page in [try await browser.get("/login"), try await browser.get("/"), try await browser.get("/healthz")] {
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                // The header a browser reads, by its wire name.
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!] == page.headers[.contentSecurityPolicy])
            }
            try await browser.signIn("finance")
            let forbidden = try await browser.get("/")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        }
    }

    @Test func withoutTheHeadersMiddlewareThereIsNoPolicy() async throws {
        try await WebFixture(protections: WebConfiguration.Protections.all.subtracting(.headers)).test { browser in
            try Task.checkCancellation()
            #expect(try await browser.get("/login").headers[.contentSecurityPolicy] == nil)
        }
    }

    @Test func markupTheSchoolWroteShowsAsText() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            for page in ["/", "/reviews/\(fixture.submissionID)"] {
                let body = try await browser.get(page).body
                #expect(!body.contains("<script"), "\(page)")
                #expect(body.contains("&lt;script&gt;"), "\(page)")
            }
        }
    }

    @Test func logsCarryNoChildNameOrDateOfBirth() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("coordinator")
            _ = try await browser.get("/")
            _ = try await browser.get("/reviews/\(fixture.submissionID)")
            _ = try await browser.get("/children/LA-1001")
            _ = try await browser.get("/reviews/999999")
        }
        let logs = fixture.logs.text
        #expect(logs.contains("/reviews/"))
        #expect(!logs.contains("Zebedee"))
        #expect(!logs.contains("2012-03-04"))
        #expect(!logs.contains("correct horse"))
    }
}
