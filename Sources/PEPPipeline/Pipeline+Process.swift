import Foundation
import PEPIntake
import PEPModel

extension Pipeline {
    /// Rates every document under `paths` once (`pepqa process`). Input files stay where they
    /// are. Never throws: every document ends as a row of the summary.
    /// - Parameter progress: called after each document with (done, total, file name).
    package func process(paths: [String], progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> RunSummary {
        let items = InputCollector.collect(paths: paths)
        var summary = RunSummary()
        for (index, item) in items.enumerated() {
            for outcome in handle(item) { summary.outcomes.append(outcome) }
            progress?(index + 1, items.count, item.displayName)
        }
        return summary
    }

    /// Reads one input (a file, or an e-mail with its attachments) and handles each submission.
    func handle(_ item: InputItem) -> [DocumentOutcome] {
        switch InputLoader.load(item) {
        case .submissions(let submissions):
            return submissions.map(handle)
        case .unreadable(let file, let reason):
            logger.warning("input rejected", metadata: ["file": "\(LogLabel.file(file))"])
            return [.rejected(file: file, reason: reason)]
        }
    }
}
