/// The canonical Personal Education Plan: every field of the contract, typed as the contract says.
///
/// Every reader (JSON, XML, DOCX) produces this one value. Each field is optional (a school may
/// leave anything blank) and remembers where it was read from. The model does no I/O.
/// Generic access by field path lives in `FieldCatalogue`.
public struct PEP: Sendable, Hashable {
    public var pep = PlanInfo()
    public var child = Child()
    public var school = School()
    public var socialWorker = Contact()
    public var meeting = Meeting()
    public var attendance = Attendance()
    public var exclusions = Exclusions()
    public var wellbeing = Wellbeing()
    public var attainment: [AttainmentRecord] = []
    public var previousTargets: [PreviousTarget] = []
    public var targets: [Target] = []
    public var childVoice: Field<String>?
    public var carerViews: Field<String>?
    public var boxall = Boxall()
    public var ppplus = PPPlus()
    public var transition = Transition()
    public var careers = Careers()
    public var signOff = SignOff()

    public init() {}

    public struct PlanInfo: Sendable, Hashable {
        public var type: Field<PEPType>?
        public var term: Field<Term>?
        /// `2025/26`.
        public var academicYear: Field<String>?
    }

    public struct Child: Sendable, Hashable {
        public var laId: Field<String>?
        public var upn: Field<String>?
        public var firstName: Field<String>?
        public var lastName: Field<String>?
        public var dateOfBirth: Field<CalendarDate>?
        public var yearGroup: Field<YearGroup>?
        public var careStartDate: Field<CalendarDate>?
        public var legalStatus: Field<LegalStatus>?
        public var send = SEND()
    }

    public struct SEND: Sendable, Hashable {
        public var status: Field<SENStatus>?
        public var primaryNeed: Field<String>?
        public var ehcpReviewDate: Field<CalendarDate>?
    }

    public struct Contact: Sendable, Hashable {
        public var name: Field<String>?
        public var email: Field<String>?
    }

    public struct School: Sendable, Hashable {
        public var urn: Field<String>?
        public var name: Field<String>?
        public var designatedTeacher = Contact()
    }

    public struct Meeting: Sendable, Hashable {
        public var date: Field<CalendarDate>?
        public var nextDate: Field<CalendarDate>?
        public var childAttended: Field<Bool>?
        public var childAbsenceReason: Field<String>?
        public var attendees: [Attendee] = []
    }

    public struct Attendance: Sendable, Hashable {
        public var percentage: Field<Decimal>?
    }

    public struct Exclusions: Sendable, Hashable {
        public var suspensionDays: Field<Decimal>?
        public var permanent: Field<Bool>?
    }

    public struct Wellbeing: Sendable, Hashable {
        public var sdqScore: Field<Int>?
    }

    public struct Boxall: Sendable, Hashable {
        public var completedOn: Field<CalendarDate>?
        public var attached: Field<Bool>?
    }

    public struct PPPlus: Sendable, Hashable {
        public var requests: [PPRequest] = []
        public var previousImpact: Field<String>?
    }

    public struct Transition: Sendable, Hashable {
        public var plan: Field<String>?
    }

    public struct Careers: Sendable, Hashable {
        public var guidance: Field<String>?
    }

    public struct SignOff: Sendable, Hashable {
        public var designatedTeacher = Signature()
        public var confirmed: Field<Bool>?
    }

    public struct Signature: Sendable, Hashable {
        public var name: Field<String>?
        public var date: Field<CalendarDate>?
    }
}

import struct Foundation.Decimal
