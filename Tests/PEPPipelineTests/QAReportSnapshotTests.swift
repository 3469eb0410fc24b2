import Foundation
import PEPTestSupport
import Testing

@testable import PEPPipeline

/// The QA report of a sample, as the pipeline publishes it (JSON and HTML), against its golden
/// files in `Snapshots/reports/` (see `Snapshot` for how to regenerate them).
private func assertReportsMatchSnapshots(of samples: [String], in processed: ProcessedSamples) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: processed.reports.path).filter { $0.hasSuffix(".json") }
    for sample in samples {
        let stems = try names.filter { name in
            try text(processed.reports.appendingPathComponent(name)).contains("\"file\": \"\(sample)\"")
        }.map { String($0.dropLast(".json".count)) }
        try #require(stems.count == 1, "one report for \(sample)")
        for ext in ["json", "html"] {
            let report = try text(processed.reports.appendingPathComponent("\(stems[0]).\(ext)"))
            let stem = (sample as NSString).deletingPathExtension
            let problem = try Snapshot.problem(report, named: "reports/\(stem).\(ext)")
            #expect(problem == nil, "\(problem ?? "")")
        }
    }
}

@Test func qaReportsOfAGreenAnAmberAndARedSampleMatchTheirSnapshots() throws {
    let s = try ProcessedSamples()
    defer { s.remove() }
    try assertReportsMatchSnapshots(
        of: ["01-green-review-secondary.json", "04-amber-no-carer-low-attendance.xml", "05-red-no-child-voice.json"], in: s)
}
