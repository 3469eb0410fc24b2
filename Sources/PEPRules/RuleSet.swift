import Foundation
import PEPModel

/// The Virtual School's QA rules, loaded from `Rules/` and checked in full: criteria, sections,
/// settings, aggregation thresholds, coverage, funding policy and calendars.
///
/// A `RuleSet` only exists when every rule file is valid (`load(directory:)` throws otherwise),
/// so assessment never meets a broken rule halfway through a batch.
package struct RuleSet: Sendable {
    /// `version:` from `ruleset.yaml`.
    package let version: String
    /// SHA-256 over the sorted relative names and contents of the files the rule set was read from.
    package let hash: String
    package let sections: [SectionDefinition]
    /// Every criterion, in section order then file order, including switched-off ones.
    package let criteria: [Criterion]
    /// `settings:` by name.
    package let settings: [String: SettingValue]
    /// `phases:`: phase name -> year groups, in file order.
    package let phases: [(name: String, years: [String])]
    package let calendar: WorkingCalendar
    package let aggregation: AggregationPolicy
    package let coverage: CoveragePolicy
    let funding: FundingPolicy

    /// `settings.sla_days`: working days after the meeting within which the PEP must arrive.
    package var slaDays: Int { settings["sla_days"]?.number.map { NSDecimalNumber(decimal: $0).intValue } ?? 10 }

    /// The submission, QA and initial-PEP clocks, from `settings:` (`sla_days`,
    /// `qa_working_days`, `initial_pep_school_days`) on this rule set's calendar.
    package var clocks: Clocks { Clocks(calendar: calendar, settings: settings) }

    /// `settings.ppplus_termly_cap`: the most PP+ one child's PEPs may be approved in a term.
    package var termlyCap: Pence { pence(settings["ppplus_termly_cap"]) }

    /// `settings.ppplus_financial_year_cap`: the most PP+ approved for one child in a financial year.
    package var financialYearCap: Pence { pence(settings["ppplus_financial_year_cap"]) }

    /// `settings.allowed_funding_ratings`: the quality ratings under which PP+ may be approved.
    package var allowedRatings: Set<Rating> {
        Set((settings["allowed_funding_ratings"]?.list ?? []).compactMap { Rating(rawValue: $0.lowercased()) })
    }

    /// `settings.placeholder_phrases`: text that counts as not written (besides "N/A", "TBC", ...).
    package var placeholderPhrases: [String] { settings["placeholder_phrases"]?.list ?? [] }

    /// The criteria that are switched on.
    package var enabledCriteria: [Criterion] { criteria.filter(\.enabled) }

    package func section(_ id: String) -> SectionDefinition? { sections.first { $0.id == id } }

    /// The phase of a year group (`primary` for `5`), by `phases:`.
    package func phase(of year: YearGroup) -> String? {
        phases.first { $0.years.contains(year.rawValue) }?.name
    }

    private func pence(_ value: SettingValue?) -> Pence {
        guard let pounds = value?.number else { return .zero }
        return Pence(NSDecimalNumber(decimal: pounds * 100).rounding(accordingToBehavior: nil).intValue)
    }
}
