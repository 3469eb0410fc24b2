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

    /// `academic_years: {"2025/26": {autumn: {start, end, deadline}, ...}}`.
    func terms(_ root: Node, file: String) -> [String: [Term: TermDates]] {
        let reader = NodeReader(file: file, sink: sink, ruleID: "calendar")
        var out: [String: [Term: TermDates]] = [:]
        guard let top = reader.mapping(root, "the term dates file", allowed: ["academic_years"], required: ["academic_years"]),
            let years = top["academic_years"]?.mapping
        else { return out }
        for (yearNode, body) in years {
            guard let year = reader.string(yearNode, "academic year") else { continue }
            if year.wholeMatch(of: /\d{4}\/\d{2}/) == nil {
                reader.problem(yearNode, "an academic year is written like 2025/26")
            }
            let terms = Term.allCases.map(\.rawValue)
            guard let m = reader.mapping(body, "academic year \(year)", allowed: terms, required: terms) else { continue }
            for term in Term.allCases {
                if let node = m[term.rawValue], let dates = termDates(node, reader: reader) { out[year, default: [:]][term] = dates }
            }
        }
        return out
    }

    private func termDates(_ node: Node, reader: NodeReader) -> TermDates? {
        let keys = ["start", "end", "deadline"]
        guard let m = reader.mapping(node, "a term", allowed: keys, required: keys),
            let s = m["start"], let e = m["end"], let d = m["deadline"]
        else { return nil }
        guard let start = reader.date(s, "start"), let end = reader.date(e, "end"), let deadline = reader.date(d, "deadline")
        else { return nil }
        guard start <= deadline, deadline <= end else {
            reader.problem(node, "bad dates: a term needs start ≤ deadline ≤ end")
            return nil
        }
        return TermDates(start: start, end: end, deadline: deadline)
    }
}
