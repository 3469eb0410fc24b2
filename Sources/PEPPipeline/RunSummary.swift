import PEPModel

/// The table printed at the end of `pepqa process`: file, child ID, quality, compliance, PP+.
package struct RunSummary: Sendable {
    package var outcomes: [DocumentOutcome] = []

    package init(outcomes: [DocumentOutcome] = []) { self.outcomes = outcomes }

    package var ratedCount: Int { outcomes.filter { if case .rated = $0 { true } else { false } }.count }
    package var rejectedCount: Int { outcomes.filter { if case .rejected = $0 { true } else { false } }.count }
    package var duplicateCount: Int { outcomes.filter { if case .duplicate = $0 { true } else { false } }.count }
    package var failedCount: Int { outcomes.filter { if case .failed = $0 { true } else { false } }.count }

    /// A plain-text table, widths fitted to the content; then one line per rejected file.
    package func table() -> String {
        var rows: [[String]] = [["File", "Child ID", "Quality", "Compliance", "PP+"]]
        var notes: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .rated(let r):
                var pp = r.fundingSummary
                if r.supersededEarlier { pp += " · supersedes earlier PEP" }
                if r.supersededAtOnce { pp += " · older than a PEP already recorded" }
                rows.append([r.file, r.childID, r.assessable ? r.quality.label : "Could not assess", r.assessable ? r.compliance.label : "-", pp])
            case .duplicate(let file, _):
                rows.append([file, "-", "-", "-", "already recorded (same content)"])
            case .rejected(let file, let reason):
                rows.append([file, "-", "Rejected", "-", "-"])
                notes.append("rejected: \(reason)")
            case .failed(let file, let reason):
                rows.append([file, "-", "Not processed", "-", "-"])
                notes.append("not processed (will retry): \(file): \(reason)")
            }
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var out = [line(rows[0]), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.dropFirst().map(line)
        out.append("")
        out.append(
            "\(outcomes.count) documents: \(ratedCount) rated, \(rejectedCount) rejected, \(duplicateCount) already recorded"
                + (failedCount > 0 ? ", \(failedCount) to retry" : ""))
        out += notes
        return out.joined(separator: "\n") + "\n"
    }
}
