import Foundation
import PEPIntake
import Testing
import PEPTestSupport
import PEPPipelineTestSupport

@testable import PEPLedger
@testable import PEPPipeline

/// `pepqa process`: the service's walker and item processor, filed under `.leaveInPlace`.

@Test func processRatesWhatTheServiceWouldTakeAndLeavesEveryFileInPlace() throws {
    let fixture = try ServiceFixture(maildir: true)
    defer { fixture.remove() }
    let message = try String(contentsOf: Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json"), encoding: .utf8)
    let mail = """
        From: school@example.sch.uk\r
        Date: Mon, 20 Oct 2025 09:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b"\r
        \r
        --b\r
        Content-Type: application/json\r
        Content-Disposition: attachment; filename="pep.json"\r
        \r
        \(message)\r
        --b--\r

        """
    try fixture.drop(mail, as: "new/1760947200.M1P1.host")
    try fixture.drop(mail.replacingOccurrences(of: "VS-", with: "VX-"), as: "cur/1760940000.M0P1.host:2,S")
    let before = fixture.files(in: fixture.inbox)
    let summary = try fixture.pipeline().paths.process(paths: [fixture.inbox.path])
    #expect(summary.outcomes.map(\.file) == ["pep.json"], "new/ only, as the service reads a Maildir")
    #expect(summary.ratedCount == 1)
    #expect(fixture.files(in: fixture.inbox) == before, "nothing moved")
    #expect(fixture.files(in: fixture.archive).isEmpty && fixture.files(in: fixture.quarantine).isEmpty)
}

@Test func processLeavesAnUnreadableFileToRetryAsTheServiceDoesNotRejectIt() throws {
    let fixture = try ServiceFixture()
    defer { fixture.remove() }
    // A path whose bytes cannot be read, named as a file (a directory stands in for no permission).
    let locked = fixture.inbox.appendingPathComponent("locked.json")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    let pipeline = try fixture.pipeline()
    let item = InboxItem.dropFile(DropFile(url: locked, size: 10, modified: Date()))
    let outcomes = pipeline.paths.outcomes(pipeline.paths.processor.process(item), of: item)
    #expect(outcomes == [.failed(file: "locked.json", reason: "locked.json: the file cannot be read")])
    #expect(try pipeline.ledger.count("submission") == 0, "nothing recorded: it is tried again next time")
}
