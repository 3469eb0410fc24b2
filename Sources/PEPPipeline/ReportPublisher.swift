import Foundation
import PEPFiles
import PEPModel
import PEPOutput

/// Writes the per-PEP QA report (JSON and HTML) under `out/reports/`, atomically.
struct ReportPublisher: Sendable {
    let outDir: URL

    var reportsDir: URL { outDir.appendingPathComponent("reports") }

    /// - Returns: the HTML report's path.
    func publish(_ report: QAReport) throws -> String {
        try DurableFile.write(QAResultJSON.render(report), to: reportsDir.appendingPathComponent(report.reportStem + ".json"))
        let html = htmlPath(report)
        try DurableFile.write(QAReportHTML.render(report), to: URL(fileURLWithPath: html))
        return html
    }

    /// Where `publish` puts the HTML report.
    func htmlPath(_ report: QAReport) -> String { reportsDir.appendingPathComponent(report.reportStem + ".html").path }

    /// Whether both of a report's files are in place.
    func exists(_ report: QAReport) -> Bool {
        let stem = report.reportStem
        return ["json", "html"].allSatisfy {
            FileManager.default.fileExists(atPath: reportsDir.appendingPathComponent(stem + "." + $0).path)
        }
    }
}
