import PEPModel

/// Resolves what a school wrote in a PP+ request's "Linked target" cell to one of the PEP's
/// targets: a 1-based number (`2`), `T2`, `Target 2`, `target no. 2`, or text that matches a
/// target's area or description.
enum TargetReference {
    /// The 0-based index of the target referred to, or nil.
    static func resolve(_ reference: String, in targets: [PEP.Target]) -> Int? {
        let key = TextFolding.key(reference)
        guard !key.isEmpty, !targets.isEmpty else { return nil }
        if let number = number(in: key) {
            return (1...targets.count).contains(number) ? number - 1 : nil
        }
        for (index, target) in targets.enumerated() {
            for text in [target.area?.value, target.description?.value].compactMap({ $0 }) {
                let candidate = TextFolding.key(text)
                guard !candidate.isEmpty else { continue }
                if candidate == key || (key.count >= 4 && candidate.contains(key))
                    || (candidate.count >= 4 && key.contains(candidate))
                {
                    return index
                }
            }
        }
        return nil
    }

    /// `2`, `t2`, `t 2`, `target 2`, `target no 2`, `target number 2`.
    private static func number(in key: String) -> Int? {
        if let n = Int(key) { return n }
        let match = key.wholeMatch(of: /(?:t|target|tgt)\s*(?:no|number)?\s*(\d+)/)
        return match.flatMap { Int($0.1) }
    }
}
