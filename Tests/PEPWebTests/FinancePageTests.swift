import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import PEPLedger
import PEPModel
import Synchronization
import Testing

@testable import PEPWeb

/// The finance page: finance and the VSH prepare; a second person with the authority
/// authorises. The pipeline's finance close stands behind the two closures (tested in
/// FinanceCloseTests); here: who sees and may press what.
@Suite struct FinancePageTests {
    final class Calls: Sendable {
        let log = Mutex<[String]>([])
        func add(_ s: String) { log.withLock { $0.append(s) } }
        var all: [String] { log.withLock { $0 } }
    }

    func fixture(_ calls: Calls) throws -> WebFixture {
        try WebFixture { config in
            config.finance = FinanceActions(
                prepare: { name, _ in
                    calls.add("prepare \(name)")
                    return (nil, ["  journal (Finance team): £300.00 in 1 line(s)", "<b>not bold</b>"])
                },
                authorise: { id, user, _ in
                    calls.add("authorise \(id) \(user.name)")
                    return ["Finance run 1 authorised and written"]
                },
                authorisers: [.vsh])
        }
    }

    @Test func financePreparesAndSeesWhatWouldBePaidAsText() async throws {
        let calls = Calls()
        let fixture = try fixture(calls)
        try await fixture.test { browser in
            try await browser.signIn("finance")
            #expect(try await browser.get("/finance").body.contains("Prepare a run"))
            let page = try await browser.post("/finance/prepare", form: [("csrf", try await browser.csrf())])
            #expect(page.status == .ok)
            #expect(page.body.contains("journal (Finance team): £300.00"))
            #expect(page.body.contains("&lt;b&gt;not bold&lt;/b&gt;"))
        }
        #expect(calls.all == ["prepare finance"])
    }

    @Test func onlyAnAuthoriserWhoDidNotPrepareSeesAuthoriseAndTheServerChecksTheRole() async throws {
        let calls = Calls()
        let fixture = try fixture(calls)
        let id = try fixture.ledger.financeRuns.propose(preparedBy: "finance", planHash: String(repeating: "a", count: 64), summary: "x", at: Date())
        try await fixture.test { browser in
            try await browser.signIn("finance")
            #expect(!(try await browser.get("/finance").body.contains("Authorise run")))
            try await browser.signIn("vsh")
            #expect(try await browser.get("/finance").body.contains("Authorise run \(id)"))
            let page = try await browser.post("/finance/proposals/\(id)/authorise", form: [("csrf", try await browser.csrf())])
            #expect(page.body.contains("Finance run 1 authorised and written"))
            try await browser.signIn("coordinator")
            #expect(try await browser.get("/finance").status == .forbidden)
            let refused = try await browser.post("/finance/proposals/\(id)/authorise", form: [("csrf", try await browser.csrf())])
            #expect(refused.status == .forbidden)
        }
        #expect(calls.all == ["authorise \(id) vsh"])
    }
}
