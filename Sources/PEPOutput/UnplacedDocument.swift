import PEPModel

/// A rated document the dashboard cannot put in a term (no child ID, term or academic year):
/// listed on the index so that it is seen and chased, never silently left out.
package struct UnplacedDocument: Sendable, Hashable {
    package var fileName: String
    package var receivedOn: CalendarDate
    /// What it lacks, in words: "no child ID, no term".
    package var missing: String
    package var assessable: Bool
    package var reportStem: String

    package init(fileName: String, receivedOn: CalendarDate, missing: String, assessable: Bool, reportStem: String) {
        (self.fileName, self.receivedOn, self.missing, self.assessable, self.reportStem) = (
            fileName, receivedOn, missing, assessable, reportStem
        )
    }
}
