import Foundation
import PEPFiles
import PEPLedger
import PEPModel
import PEPOutput
import PEPRules

/// Writes the Virtual School's clocks as files under `tracker/`, from the ledger and the
/// register alone:
/// - `<year>-<term>.csv`: every child on the register (and any child whose PEP arrived without
///   being on it) with one state each, for every term that holds a PEP and the current term;
/// - `initial-peps.csv`: children who entered care and whose first PEP meeting is due or overdue,
///   counted in school days;
/// - `statistics.csv`: the Virtual School Head's headline figures (due, received and
///   quality-assured on time) per term, and per academic year summed from its terms, in one
///   long table (trends are one pivot away); `statistics-<year>.csv`: every figure of one
///   academic year (by school, phase, criterion and intervention too). A publish rewrites only
///   the years whose terms changed, so its cost does not grow with the years the ledger holds;
/// - the same as pages: `index.html` (on-time figures term by term, each term's states, the
///   initial PEPs), `<year>-<term>.html`, `statistics.html` and `statistics-<year>.html`; and `register.txt`, where the
///   register came from and which rows of the case system's export were skipped.
///
/// Called after every publish and once a day by the service (`tracker_hour`), since a clock
/// runs out on a day when nothing arrives. Files are rewritten only when their text changed.
struct TrackerPublisher {
    let ledger: Ledger
    let clocks: Clocks
    let folder: URL

    struct Result {
        var files: [URL] = []
        var written = 0
    }

    /// Works out and writes each term in `changed` (every term when nil: a new day, new rules
    /// or register, a rebuild) one at a time; the index and the statistics are made from every
    /// term's summary: those just made, and the others' as the last publish kept them
    /// (`OutputTermStore`).
    func publish(today: CalendarDate, register snapshot: RosterSource.Snapshot, changed: Set<TermKey>?) throws -> Result {
        let register = snapshot.entries
        var result = Result()
        func write(_ text: String, _ name: String) throws {
            let url = folder.appendingPathComponent(name)
            result.files.append(url)
            if try DurableFile.writeIfChanged(text, to: url) { result.written += 1 }
        }
        let tracker = Tracker(clocks: clocks)
        let current = clocks.calendar.term(on: today).map { TermKey($0.academicYear, $0.term) }
        let store = TermLines<TrackerPages.TermSummary>(ledger: ledger, output: .tracker)
        let statisticsStore = TermLines<TrackerPages.KeptFigures>(ledger: ledger, output: .statistics)
        let kept = changed == nil ? .init() : try store.kept()
        var summaries = kept.lines
        var made: [TermKey: TrackerPages.TermSummary] = [:]
        var madeFigures: [TermKey: TrackerPages.KeptFigures] = [:]
        var removed: [TermKey] = []
        for key in try store.toWork(changed: changed, kept: kept, current: current) {
            guard let year = AcademicYear(parsing: key.academicYear) else { continue }
            let term = key.term
            let progress = try ledger.progress.progress(term: term, academicYear: year)
            if progress.isEmpty, key != current {
                summaries[key] = nil
                removed.append(key)
                continue
            }
            let lines = tracker.rows(term: term, academicYear: year, roster: register, progress: progress, today: today)
            let page = TrackerPages.TermTracker(
                label: "\(term.rawValue.capitalized) \(year.description)", stem: Self.fileStem(term, year), rows: lines)
            try write(TrackerFiles.tracker(lines), page.stem + ".csv")
            try write(TrackerPages.term(page), page.stem + ".html")
            let figures = try statistics(term, year, progress: progress, register: register)
            made[key] = TrackerPages.TermSummary(page, figures: figures)
            madeFigures[key] = TrackerPages.KeptFigures(figures)
            summaries[key] = made[key]
        }
        let ordered = summaries.sorted { $0.key > $1.key }.map(\.value)
        let headline = ordered.flatMap(\.figures)
        let years = Array(Set(summaries.keys.map(\.academicYear))).sorted(by: >)
        // Each academic year whose terms changed: its own files, from this publish's figures and
        // the kept figures of its other terms (a term whose kept figures cannot be read is worked
        // out again).
        for yearText in Set((made.keys + removed).map(\.academicYear)).sorted() {
            guard let year = AcademicYear(parsing: yearText) else { continue }
            let keptFigures = changed == nil ? .init() : try statisticsStore.kept(academicYear: year)
            var byTerm = keptFigures.lines
            for key in keptFigures.unreadable where summaries[key] != nil && madeFigures[key] == nil {
                let progress = try ledger.progress.progress(term: key.term, academicYear: year)
                madeFigures[key] = TrackerPages.KeptFigures(try statistics(key.term, year, progress: progress, register: register))
            }
            for (key, figures) in madeFigures where key.academicYear == yearText { byTerm[key] = figures }
            for key in removed where key.academicYear == yearText { byTerm[key] = nil }
            let figures = byTerm.sorted { $0.key > $1.key }.flatMap(\.value.figures)
            guard !figures.isEmpty else { continue }
            let all = figures + Self.yearTotals(figures)
            let stem = TrackerPages.statisticsStem(yearText)
            try write(TrackerFiles.statistics(all), stem + ".csv")
            try write(TrackerPages.statistics(all, year: yearText), stem + ".html")
        }
        let enteredCare = register.filter { $0.enteredCare != nil }.map(\.childID)
        let initial = tracker.initialPEPs(roster: register, progress: try ledger.progress.progress(children: enteredCare), today: today)
        try write(TrackerFiles.initialPEPs(initial), "initial-peps.csv")
        let allHeadline = headline + Self.yearTotals(headline)
        try write(TrackerFiles.statistics(allHeadline), "statistics.csv")
        try write(TrackerPages.statistics(allHeadline, years: years), "statistics.html")
        let note = Self.registerNote(snapshot)
        try write(note, "register.txt")
        try write(
            TrackerPages.index(
                terms: ordered, initial: initial, figures: allHeadline,
                registerLine: String(note.prefix { $0 != "\n" }), skipped: snapshot.problems.count, refreshed: today),
            "index.html")
        try store.store(made, removed: removed, replaceAll: changed == nil)
        try statisticsStore.store(madeFigures, removed: removed, replaceAll: changed == nil)
        return result
    }

    /// A term's figures for the Virtual School Head, every grouping.
    func statistics(
        _ term: Term, _ year: AcademicYear, progress: [PEPProgress], register: [RosterEntry]
    ) throws
        -> [StatisticsFigure]
    {
        let facts = TermStatistics.Facts(
            progress: progress, peps: try ledger.statistics.peps(term: term, academicYear: year),
            criteria: try ledger.statistics.criterionFailures(term: term, academicYear: year),
            funding: try ledger.statistics.funding(term: term, academicYear: year))
        return TermStatistics(term: term, academicYear: year, register: register, facts: facts, clocks: clocks).measures
    }

    /// Where the register came from, and every row of the case system's export that was
    /// skipped, with its line: what a person reads to put the export right.
    static func registerNote(_ snapshot: RosterSource.Snapshot) -> String {
        var lines = ["Register of children looked after: \(snapshot.entries.count) children, from \(snapshot.source)."]
        if snapshot.problems.isEmpty {
            lines.append("No rows were skipped.")
        } else {
            lines.append("\(snapshot.problems.count) problem(s); each row named was skipped:")
            lines += snapshot.problems.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2025-26-autumn`.
    static func fileStem(_ term: Term, _ year: AcademicYear) -> String {
        "\(year.description.replacingOccurrences(of: "/", with: "-"))-\(term.rawValue)"
    }

    /// Each academic year's counts, summed from its terms (the term column says `year`), with
    /// the percentages worked out again from the sums rather than averaged.
    static func yearTotals(_ figures: [StatisticsFigure]) -> [StatisticsFigure] {
        let counts = ["peps_due", "peps_received", "received_on_time", "qa_completed", "qa_on_time"]
        var sums: [String: [String: Int]] = [:]
        for figure in figures where figure.groupKind == "all" && counts.contains(figure.name) {
            sums[figure.academicYear, default: [:]][figure.name, default: 0] += Int(figure.value) ?? 0
        }
        return sums.keys.sorted().flatMap { year -> [StatisticsFigure] in
            let sum = sums[year] ?? [:]
            func figure(_ name: String, _ value: String) -> StatisticsFigure {
                StatisticsFigure(academicYear: year, term: nil, groupKind: "all", group: "", name: name, value: value)
            }
            return counts.map { figure($0, String(sum[$0] ?? 0)) } + [
                figure("received_on_time_pct_of_due", TermStatistics.percent(sum["received_on_time"] ?? 0, of: sum["peps_due"] ?? 0)),
                figure("qa_on_time_pct_of_received", TermStatistics.percent(sum["qa_on_time"] ?? 0, of: sum["peps_received"] ?? 0)),
            ]
        }
    }
}
