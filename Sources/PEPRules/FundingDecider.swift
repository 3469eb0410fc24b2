import PEPModel

/// Decides each PP+ request of a PEP: approved, or held with a reason.
///
/// In order: a PEP that could not be assessed holds everything (could-not-assess); a quality
/// rating outside `allowed_funding_ratings` holds everything (rating); a request failing
/// `funding.request_is_clear` is held (needs-clarification); the rest are approved in document
/// order until the cap is reached: the termly cap less `history.approvedThisTerm`, and the
/// financial-year cap less `history.approvedThisFinancialYear`, whichever leaves less. With
/// `partial_approval: true` the request that crosses the cap is approved up to the cap (status
/// approved, reason over-cap, `approved < requested`); without it, that request is held whole.
/// Either way, every later request is held over-cap.
enum FundingDecider {
    static func decide(
        _ pep: PEP, quality: Rating, assessable: Bool, context: AssessmentContext, rules: RuleSet
    ) -> [FundingDecision] {
        let termLeft = rules.termlyCap - context.history.approvedThisTerm
        let yearLeft = rules.financialYearCap - context.history.approvedThisFinancialYear
        var remaining = max(.zero, min(termLeft, yearLeft))
        let capName = termLeft <= yearLeft ? "termly cap" : "financial-year cap"
        return pep.records(at: "ppplus.requests").enumerated().map { index, record in
            let requested = record["amount"]?.value.money ?? .zero
            var decision = FundingDecision(
                requestIndex: index, intervention: record["intervention"]?.value.text ?? "", requested: requested,
                approved: .zero, status: .held, note: "")
            if !assessable {
                decision.reason = .couldNotAssess
                decision.note = "Held: the PEP could not be assessed, so no PP+ can be approved yet"
            } else if !rules.allowedRatings.contains(quality) {
                decision.reason = .rating
                decision.note = "Held: the PEP is rated \(quality.label)"
            } else if !isClear(record, index: index, pep: pep, context: context, rules: rules) {
                decision.reason = .needsClarification
                decision.note = "Held: the request needs a cost, a linked target and its intended impact"
            } else if requested <= remaining {
                decision.status = .approved
                decision.approved = requested
                decision.note = "Approved"
                remaining = remaining - requested
            } else if rules.funding.partialApproval && remaining > .zero {
                decision.status = .approved
                decision.approved = remaining
                decision.reason = .overCap
                decision.note =
                    "Part-approved: \(remaining.display) of \(requested.display); the rest is over the \(capName) and held"
                remaining = .zero
            } else {
                decision.reason = .overCap
                decision.note = "Held: over the \(capName)"
                // Document order: once one request is over the cap, later ones are held too,
                // even a smaller one that would fit (Rules/README.md §4).
                remaining = .zero
            }
            return decision
        }
    }

    private static func isClear(
        _ record: PEPRecord, index: Int, pep: PEP, context: AssessmentContext, rules: RuleSet
    ) -> Bool {
        guard let condition = rules.funding.requestIsClear else { return true }
        var evaluator = Evaluator(pep: pep, context: context, rules: rules)
        evaluator.record = ("ppplus.requests", index, record)
        return evaluator.test(condition)
    }
}
