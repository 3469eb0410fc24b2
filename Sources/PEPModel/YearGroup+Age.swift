extension YearGroup {
    /// The year group a child is in during `academicYear` in England, by age on the 31 August
    /// before it starts: 2 is N1 (early years from age 2), 4 is Reception, 5 is Year 1, 11 is
    /// Year 7, 16 is Year 12. Nil under 2 or past Year 14.
    ///
    /// Used only when a PEP gives no year group, so that the child gets the thresholds of their
    /// phase and not the secondary ones by default.
    public init?(dateOfBirth: CalendarDate, academicYear: AcademicYear) {
        let bornAfterAugust = dateOfBirth.month > 8
        let age = academicYear.startYear - dateOfBirth.year - (bornAfterAugust ? 1 : 0)
        let number = age - 4
        switch number {
        case -2: self = .n1
        case -1: self = .n2
        case 0: self = .reception
        default:
            guard (1...14).contains(number), let group = YearGroup(rawValue: String(number)) else { return nil }
            self = group
        }
    }
}
