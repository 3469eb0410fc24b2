import PEPModel

/// A rating run's criterion outcomes as one short text, kept beside the run (`run_outcome`,
/// see `LedgerSchema.narrowReads`) so that a term's statistics read one row per PEP, not one
/// per criterion: a letter per criterion, `p`, `f` or `n` (pass, fail, not applicable), then a
/// line per criterion id, in the same order. The ids come apart from the letters because they
/// are the same for every run of one rule set: counting looks a run's ids up once, then counts
/// its letters by position. A criterion id is one line (the rules refuse a control character).
enum CriterionOutcomes {
    static func encode(_ results: [CriterionResult]) -> String {
        ([results.map { letter($0.outcome) }.joined()] + results.map(\.id)).joined(separator: "\n")
    }

    static func letter(_ outcome: CriterionOutcome) -> String {
        switch outcome {
        case .pass: "p"
        case .fail: "f"
        case .notApplicable: "n"
        }
    }

    /// Counts, per criterion id, how many runs assessed it (not `n`) and failed it (`f`).
    struct Tally {
        private var ids: [String] = []
        private var counts: [(assessed: Int, failed: Int)] = []
        private var index: [String: Int] = [:]
        /// Each id list met, as positions in `ids`.
        private var layouts: [Substring: [Int]] = [:]

        /// Adds one run's outcomes (text made by `encode`).
        mutating func add(_ text: String) {
            let letters = text.utf8.prefix { $0 != UInt8(ascii: "\n") }
            guard !letters.isEmpty else { return }  // a run with no criteria (none enabled)
            let rest = text[text.utf8.index(text.startIndex, offsetBy: letters.count)...].dropFirst()
            let positions = layouts[rest] ?? layout(rest)
            for (letter, position) in zip(letters, positions) where letter != UInt8(ascii: "n") {
                counts[position].assessed += 1
                if letter == UInt8(ascii: "f") { counts[position].failed += 1 }
            }
        }

        private mutating func layout(_ rest: Substring) -> [Int] {
            let positions = rest.split(separator: "\n", omittingEmptySubsequences: false).map { id in
                let id = String(id)
                if let known = index[id] { return known }
                index[id] = ids.count
                ids.append(id)
                counts.append((0, 0))
                return ids.count - 1
            }
            layouts[rest] = positions
            return positions
        }

        /// Every criterion met: (id, assessed, failed).
        var criteria: [(id: String, assessed: Int, failed: Int)] {
            zip(ids, counts).map { ($0, $1.assessed, $1.failed) }
        }
    }
}
