import Foundation
import PEPLedger
import PEPModel
import PEPOutput

/// One output's index lines kept per term in the ledger (`OutputTermStore`), and which terms a
/// publish must work out again: the dashboard's and the tracker's shared way to publish only
/// the terms that changed.
struct TermLines<Line: Codable> {
    let ledger: Ledger
    let output: OutputTermStore.Output

    /// What the last publish kept: each term's line, and the terms whose line cannot be read
    /// (kept by an older pepqa in another form), which must be worked out again.
    struct Kept {
        var lines: [TermKey: Line] = [:]
        var unreadable: Set<TermKey> = []
    }

    /// - Parameter academicYear: only that year's terms (all when nil).
    func kept(academicYear: AcademicYear? = nil) throws -> Kept {
        var kept = Kept()
        let rows = try ledger.outputTerms.summaries(output, academicYear: academicYear)
        let keys = rows.map { TermKey($0.academicYear.description, $0.term) }
        let decoder = JSONDecoder()
        // All in one decode, as one JSON array: JSONDecoder's cost per call, not per line, is
        // most of what a line costs, and every publish reads every term's line.
        let all = "[" + rows.map(\.summary).joined(separator: ",") + "]"
        if let lines = try? decoder.decode([Line].self, from: Data(all.utf8)), lines.count == rows.count {
            kept.lines = Dictionary(zip(keys, lines), uniquingKeysWith: { first, _ in first })
            return kept
        }
        for (key, row) in zip(keys, rows) {
            if let line = try? decoder.decode(Line.self, from: Data(row.summary.utf8)) {
                kept.lines[key] = line
            } else {
                kept.unreadable.insert(key)
            }
        }
        return kept
    }

    /// The terms to work out, newest first: those changed, those whose line cannot be read, and
    /// the current one when no line of it is kept; every term that holds a PEP, and the current one, when `changed` is nil.
    func toWork(changed: Set<TermKey>?, kept: Kept, current: TermKey?) throws -> [TermKey] {
        var terms: Set<TermKey>
        if let changed {
            terms = changed.union(kept.unreadable)
            if let current, kept.lines[current] == nil { terms.insert(current) }
        } else {
            terms = Set(try ledger.progress.terms().map { TermKey($0.academicYear.description, $0.term) })
            if let current { terms.insert(current) }
        }
        return terms.sorted(by: >)
    }

    /// Keeps the lines made by this publish and forgets the terms that no longer hold a PEP;
    /// with `replaceAll` (every term was worked out) forgets every other line too.
    func store(_ made: [TermKey: Line], removed: [TermKey], replaceAll: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var summaries: [(term: Term, academicYear: AcademicYear, summary: String)] = []
        for (key, line) in made {
            guard let year = AcademicYear(parsing: key.academicYear) else { continue }
            summaries.append((key.term, year, String(decoding: try encoder.encode(line), as: UTF8.self)))
        }
        let gone = removed.compactMap { key in AcademicYear(parsing: key.academicYear).map { (key.term, $0) } }
        try ledger.outputTerms.store(output, summaries, removing: gone, replaceAll: replaceAll)
    }
}
