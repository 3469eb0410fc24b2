import PEPModel
import Yams

/// Reads `calendar/bank-holidays.yaml` and `calendar/terms.yaml`.
struct CalendarLoader {
    let sink: ProblemSink

    /// `years: {2025: {provisional: false, dates: [{date, name}, ...]}}`.
    func bankHolidays(_ root: Node, file: String) -> (Set<CalendarDate>, Set<Int>) {
        let reader = NodeReader(file: file, sink: sink, ruleID: "calendar")
        var dates = Set<CalendarDate>()
        var provisional = Set<Int>()
        guard let top = reader.mapping(root, "the bank holiday file", allowed: ["region", "source", "years"], required: ["years"]),
            let years = top["years"], let yearMap = years.mapping
        else { return (dates, provisional) }
        for (yearNode, body) in yearMap {
            guard let year = reader.integer(yearNode, "year"),
                let m = reader.mapping(body, "year \(year)", allowed: ["provisional", "note", "dates"], required: ["dates"])
            else { continue }
            if let p = m["provisional"], reader.bool(p, "provisional") == true { provisional.insert(year) }
            for item in m["dates"]?.sequence ?? [] {
                guard let entry = reader.mapping(item, "a bank holiday", allowed: ["date", "name"], required: ["date"]),
                    let dateNode = entry["date"], let date = reader.date(dateNode, "date")
                else { continue }
                if date.year != year { reader.problem(dateNode, "bad date: \(date.iso) is listed under \(year)") }
                dates.insert(date)
            }
        }
        return (dates, provisional)
    }

    /// `academic_years: {"2025/26": {inset_days: [...], autumn: {start, end, half_term, completion}, ...}}`,
    /// checked for gaps and overlaps (see `CalendarLoader+Checks.swift`).
    /// - Parameter holidayYears: the years `bank-holidays.yaml` lists, when it loaded: every
    ///   calendar year a term touches needs its bank holidays, or school days would be miscounted.
    func terms(_ root: Node, file: String, holidayYears: Set<Int>? = nil) -> TermsFile {
        let reader = NodeReader(file: file, sink: sink, ruleID: "calendar")
        var out = TermsFile()
        guard let top = reader.mapping(root, "the term dates file", allowed: ["academic_years"], required: ["academic_years"]),
            let years = top["academic_years"]?.mapping
        else { return out }
        var read: [(year: AcademicYear, node: Node)] = []
        for (yearNode, body) in years {
            guard let name = reader.string(yearNode, "academic year") else { continue }
            guard name.wholeMatch(of: /\d{4}\/\d{2}/) != nil, let year = AcademicYear(parsing: name) else {
                reader.problem(yearNode, "an academic year is written like 2025/26")
                continue
            }
            read.append((year, yearNode))
            let terms = Term.allCases.map(\.rawValue)
            guard let m = reader.mapping(body, "academic year \(name)", allowed: terms + ["inset_days"], required: terms) else { continue }
            for term in Term.allCases {
                if let node = m[term.rawValue], let dates = termDates(node, reader: reader) { out.terms[name, default: [:]][term] = dates }
            }
            let byTerm = out.terms[name] ?? [:]
            checkOrder(byTerm, year: year, nodes: m, reader: reader)
            if let inset = m["inset_days"] { out.insetDays.formUnion(insetDays(inset, terms: byTerm, year: name, reader: reader)) }
            if let holidayYears { checkBankHolidays(byTerm, listed: holidayYears, at: yearNode, reader: reader) }
        }
        checkConsecutive(read, reader: reader)
        return out
    }

    /// One term: `completion:` or its old name `deadline:`, never both.
    private func termDates(_ node: Node, reader: NodeReader) -> TermDates? {
        guard let m = reader.mapping(node, "a term", allowed: ["start", "end", "half_term", "completion", "deadline"], required: ["start", "end"]),
            let s = m["start"], let e = m["end"]
        else { return nil }
        if m["completion"] != nil, m["deadline"] != nil {
            reader.problem(m["deadline"], "a term gives 'completion' or its old name 'deadline', not both")
        }
        guard let c = m["completion"] ?? m["deadline"] else {
            reader.problem(node, "a term is missing the key 'completion'")
            return nil
        }
        guard let start = reader.date(s, "start"), let end = reader.date(e, "end"), let completion = reader.date(c, "completion")
        else { return nil }
        guard start <= end else {
            reader.problem(node, "bad dates: the term starts \(start.iso), after it ends \(end.iso)")
            return nil
        }
        let span = DateSpan(start: start, end: end)
        if !span.contains(completion) {
            reader.problem(c, "the completion date \(completion.iso) is outside its term (\(span.description))")
        }
        let halfTerm = m["half_term"].flatMap { readHalfTerm($0, in: span, reader: reader) }
        return TermDates(start: start, end: end, halfTerm: halfTerm, completion: completion)
    }

    private func readHalfTerm(_ node: Node, in term: DateSpan, reader: NodeReader) -> DateSpan? {
        guard let m = reader.mapping(node, "a half-term", allowed: ["start", "end"], required: ["start", "end"]),
            let s = m["start"], let e = m["end"], let start = reader.date(s, "start"), let end = reader.date(e, "end")
        else { return nil }
        let span = DateSpan(start: start, end: end)
        guard start <= end else {
            reader.problem(node, "bad dates: the half-term starts \(start.iso), after it ends \(end.iso)")
            return nil
        }
        guard term.encloses(span) else {
            reader.problem(node, "the half-term \(span.description) is outside its term (\(term.description))")
            return nil
        }
        return span
    }
}

/// What `calendar/terms.yaml` holds: the terms by academic year, and every INSET day.
struct TermsFile {
    var terms: [String: [Term: TermDates]] = [:]
    var insetDays: Set<CalendarDate> = []
}
