import Foundation
import Logging
import PEPModel
import PEPPipeline
import PEPTestSupport

/// One row of docs/sample-inbox.tsv: how a sample was designed to come out.
package struct SampleDesign {
    package var file: String
    package var receivedOn: String
    package var quality: String
    package var compliance: String
}

package func sampleDesigns() throws -> [SampleDesign] {
    let text = try String(contentsOf: Repository.root.appendingPathComponent("docs/sample-inbox.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return SampleDesign(file: f[0], receivedOn: f[1], quality: f[2], compliance: f[3])
    }
}

/// A day in docs/sample-inbox.tsv is not `YYYY-MM-DD`.
package enum SampleInboxError: Error { case badDate(String) }

/// A temporary copy of the sample inbox with each file's mtime set to its designed arrival day.
package func stampedSampleInbox() throws -> (inbox: URL, root: URL) {
    let root = try Repository.temporaryFolder("pepqa-samples")
    let inbox = root.appendingPathComponent("inbox")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    for design in try sampleDesigns() {
        let source = Repository.sampleInbox.appendingPathComponent(design.file)
        let target = inbox.appendingPathComponent(design.file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        guard let day = CalendarDate(iso: design.receivedOn) else { throw SampleInboxError.badDate(design.file) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 9, minute: 30))!
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.path)
    }
    return (inbox, root)
}

package func samplePipeline(root: URL, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) throws
    -> Pipeline
{
    var config = ServiceConfiguration()
    config.rulesDir = Repository.rules.path
    config.stateDir = root.appendingPathComponent("state").path
    config.outDir = root.appendingPathComponent("out").path
    return try Pipeline.build(configuration: config, logger: logger)
}
