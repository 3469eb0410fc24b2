import Foundation
import PEPLedger
import PEPModel

extension Ledger {
    /// As a Virtual School Head who follows the machine, through the real stores: completes QA
    /// of every PEP still waiting (machine ratings confirmed) and approves each undecided PP+
    /// request the machine recommends, for its amount (a part-approval when that is less than
    /// requested). For the tests about payment that are not about the VSH's decision; the
    /// VSH's rules have their own tests.
    package func approvePPPlusAsRecommended(at date: Date) throws {
        let coordinator = try testUser("qa-officer", .coordinator, at: date)
        let vsh = try testUser("vsh-test", .vsh, at: date)
        // A watcher may be recording PEPs meanwhile (the kill test): a request that arrives, or
        // is superseded, between the reads and the decision is refused by the ledger; take
        // the ledger's word and look again, as the VSH would on a refreshed page.
        for attempt in 1... {
            for entry in try reviews.worklist() where entry.state != .completed {
                try reviews.complete(
                    submissionID: entry.submissionID, runID: entry.runID, quality: entry.quality, compliance: entry.compliance,
                    by: coordinator, at: date)
            }
            let inputs = try ppplus.requests().filter {
                !$0.paid && $0.qaComplete && $0.latest == nil && $0.decision.status == .approved && $0.decision.approved > .zero
            }.map { request in
                let d = request.decision
                return VerdictInput(
                    decisionID: d.id, verdict: d.approved == d.requested ? .approve : .partApprove, amount: d.approved,
                    reason: "As recommended", exception: request.confirmedQuality == .red || request.confirmedCompliance == .red,
                    eligibility: PPPlusEligibility(blockers: [], registeredSchool: nil))
            }
            do {
                return try ppplus.decide(inputs, by: vsh, at: date)
            } catch let error as PPPlusError where attempt < 5 {
                switch error {
                case .superseded, .qaNotComplete: continue
                default: throw error
                }
            }
        }
    }

    /// A workbench user of `role`, added once.
    package func testUser(_ name: String, _ role: UserRole, at date: Date) throws -> AppUser {
        if let user = try users.credentials(name: name)?.user { return user }
        return try users.add(
            name: name, passwordHash: "$2b$04$abcdefghijklmnopqrstuu5Bf3nqgTq3XtmeZw0ZpTj8Gf1d3tC6", role: role, phase: nil,
            actor: "test", at: date)
    }
}
