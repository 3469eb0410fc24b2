import Foundation
import PEPIntake
import PEPModel
import PEPOutput
import PEPReaders
import PEPRules

/// `pepqa extract` and `pepqa rate`: one document, read (and rated) without touching the ledger.
package enum DocumentExtraction {
    /// A one-line failure for the command line.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// The canonical JSON of the document (its first PEP, for an e-mail with several), with
    /// the submission record (`Submission.recordJSON`, which names the XML dialect or the
    /// conversion used) as a last `"submission"` member.
    package static func canonicalJSON(file: String, rulesDirectory: String) throws -> String {
        let (submission, read) = try readFirst(file: file, rulesDirectory: rulesDirectory)
        guard case .object(let members) = read.pep.canonicalJSON else { return read.pep.canonicalJSON.serialized() }
        let record = submission.recordJSON(format: read.format, via: read.readVia)
        return JSONValue.object(members + [("submission", record)]).serialized()
    }

    /// The QA result JSON of the document, rated against the rules in `rulesDirectory`.
    package static func qaResultJSON(file: String, rulesDirectory: String) throws -> String {
        try RulesCheck.requireFolder(rulesDirectory)
        let rules: RuleSet
        do { rules = try RuleSet.load(directory: URL(fileURLWithPath: rulesDirectory)) } catch {
            throw Failure(description: "the rules in \(rulesDirectory) are not valid:\n\(error)")
        }
        let (submission, read) = try readFirst(file: file, rulesDirectory: rulesDirectory)
        let receivedOn = CalendarDate(englandDateOf: submission.receivedAt)
        let context = AssessmentContext(receivedOn: receivedOn, attachments: submission.attachments)
        let assessment = rules.assess(read, context: context)
        let report = QAReport(
            fileName: submission.fileName, sha256: submission.sha256, format: read.format, receivedOn: receivedOn,
            sender: submission.sender, pep: read.pep, assessment: assessment)
        return QAResultJSON.render(report)
    }

    /// The file named, as the walker sees a file named on the command line.
    static func item(_ file: String) throws -> InboxItem {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
            let dropFile = InboxWalker().list(file).dropFiles.first
        else {
            throw Failure(description: "\(file): not a file")
        }
        return InboxItem(classifying: dropFile)
    }

    static func readFirst(file: String, rulesDirectory: String) throws -> (Submission, ReadResult) {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure(description: "\(file): no such file") }
        try RulesCheck.requireFolder(rulesDirectory)
        let submissions: [Submission]
        switch InboxItemReader().read(try item(file)) {
        case .submissions(let s, _): submissions = s
        case .gone: throw Failure(description: "\(file): no such file")
        case .unreadable(let reason): throw Failure(description: reason)
        case .unusable(let problem, _): throw Failure(description: problem.description)
        }
        guard let first = submissions.first else { throw Failure(description: "\(file): no PEP found") }
        let registry = try ReaderFactory.registry(rulesDirectory: URL(fileURLWithPath: rulesDirectory))
        do {
            return (first, try registry.read(first.bytes, file: first.fileName))
        } catch {
            throw Failure(description: error.description)
        }
    }
}
