/// The ledger's figures for one term and school, taken when a run is recorded: what the VSH
/// approved, what was paid and reversed by then, what is still to pay and what is held, and what
/// this run itself paid and reversed (to check its files against).
public struct ReconciliationFigures: Sendable, Hashable {
    public var academicYear: String
    public var term: Term
    public var schoolURN: String
    public var approved: Pence
    public var paid: Pence
    public var reversed: Pence
    public var toPay: Pence
    public var held: Pence
    public var runPaid: Pence
    public var runReversed: Pence

    public init(
        academicYear: String, term: Term, schoolURN: String, approved: Pence, paid: Pence, reversed: Pence, toPay: Pence,
        held: Pence, runPaid: Pence, runReversed: Pence
    ) {
        (self.academicYear, self.term, self.schoolURN) = (academicYear, term, schoolURN)
        (self.approved, self.paid, self.reversed, self.toPay, self.held) = (approved, paid, reversed, toPay, held)
        (self.runPaid, self.runReversed) = (runPaid, runReversed)
    }
}
