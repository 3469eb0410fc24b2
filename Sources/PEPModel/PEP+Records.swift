/// The records of the contract's lists. Each remembers the row (or array item) it came from.
extension PEP {
    /// `meeting.attendees[]`.
    public struct Attendee: Sendable, Hashable {
        public var name: Field<String>?
        public var role: Field<String>?
        public var source: SourceRef?
        public init(source: SourceRef? = nil) { self.source = source }
    }

    /// `attainment[]`.
    public struct AttainmentRecord: Sendable, Hashable {
        public var subject: Field<String>?
        public var current: Field<String>?
        public var target: Field<String>?
        public var progress: Field<Progress>?
        public var source: SourceRef?
        public init(source: SourceRef? = nil) { self.source = source }
    }

    /// `previous_targets[]`.
    public struct PreviousTarget: Sendable, Hashable {
        public var description: Field<String>?
        public var outcome: Field<TargetOutcome>?
        public var comment: Field<String>?
        public var source: SourceRef?
        public init(source: SourceRef? = nil) { self.source = source }
    }

    /// `targets[]`.
    public struct Target: Sendable, Hashable {
        public var area: Field<String>?
        public var description: Field<String>?
        public var successCriteria: Field<String>?
        public var actions: Field<String>?
        public var owner: Field<String>?
        public var frequency: Field<String>?
        public var reviewDate: Field<CalendarDate>?
        public var source: SourceRef?
        public init(source: SourceRef? = nil) { self.source = source }
    }

    /// `ppplus.requests[]`.
    public struct PPRequest: Sendable, Hashable {
        public var intervention: Field<String>?
        public var targetRef: Field<String>?
        public var amount: Field<Pence>?
        public var intendedImpact: Field<String>?
        public var provider: Field<String>?
        public var source: SourceRef?
        public init(source: SourceRef? = nil) { self.source = source }
    }
}
