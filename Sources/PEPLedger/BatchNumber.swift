/// The number on a batch's files: export batches and finance runs are numbered 1, 2, 3 … and
/// their file names carry the number as six digits, so that they sort in order.
enum BatchNumber {
    /// `000042`.
    static func label(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
