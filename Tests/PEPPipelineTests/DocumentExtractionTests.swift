import Foundation
import Testing
import PEPTestSupport
import PEPPipelineTestSupport
@testable import PEPPipeline

let rulesPath = Repository.rules.path

func goodSamples() throws -> [String] {
    try sampleDesigns().filter { !["rejected", "could-not-assess"].contains($0.quality) }.map {
        Repository.sampleInbox.appendingPathComponent($0.file).path
    }
}

@Test func extractPrintsCanonicalJSONForEveryGoodSample() throws {
    for path in try goodSamples() {
        let json = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: rulesPath)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pep/1")
        let child = try #require(object["child"] as? [String: Any])
        #expect((child["la_id"] as? String)?.range(of: #"^(LA|EC)\d{6}$"#, options: .regularExpression) != nil, "\(path)")
        let ppplus = try #require(object["ppplus"] as? [String: Any])
        let requests = try #require(ppplus["requests"] as? [[String: Any]])
        for request in requests {
            let amount = try #require(request["amount"] as? String)
            #expect(amount.range(of: #"^\d+\.\d\d$"#, options: .regularExpression) != nil)
        }
    }
}

@Test func extractReadsTheFirstPEPOfAMaildirMessageThatHasNoExtension() throws {
    let path = Repository.sampleInbox.appendingPathComponent("maildir/new/1762510500.M101P4711.mx1.virtualschool.example").path
    let json = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: rulesPath)
    #expect(json.contains(#""la_id": "VS-104233""#))
}

@Test func extractOfAMessageWithNoPEPSaysSoInOneLine() throws {
    let path = Repository.sampleInbox.appendingPathComponent("maildir/new/1763368200.M104P4714.mx1.virtualschool.example").path
    #expect {
        _ = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: rulesPath)
    } throws: { error in
        "\(error)".contains("no PEP attachment") && !"\(error)".contains("\n")
    }
}

@Test func extractOfABrokenFileFailsWithOneLine() throws {
    let path = Repository.sampleInbox.appendingPathComponent("90-broken-truncated.json").path
    #expect {
        _ = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: rulesPath)
    } throws: { error in
        let text = "\(error)"
        return text.hasPrefix("90-broken-truncated.json: the JSON is not well-formed") && !text.contains("\n")
    }
}

@Test func rateGivesTheSameBytesTwice() throws {
    for path in try goodSamples() {
        let first = try DocumentExtraction.qaResultJSON(file: path, rulesDirectory: rulesPath)
        let second = try DocumentExtraction.qaResultJSON(file: path, rulesDirectory: rulesPath)
        #expect(first == second)
        #expect(first.contains("\"quality\""))
    }
}

@Test func rateResultCarriesNoChildName() throws {
    let path = Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json").path
    let json = try DocumentExtraction.qaResultJSON(file: path, rulesDirectory: rulesPath)
    #expect(!json.contains("Testwood"))
    #expect(!json.contains("2012-03-14"))
}

@Test func rulesCheckOfTheShippedRulesFindsNothing() {
    #expect(RulesCheck.problems(in: rulesPath).isEmpty)
}

@Test func rulesCheckOfAMissingFolderSaysSo() {
    #expect(RulesCheck.problems(in: "/nonexistent/rules") == ["/nonexistent/rules: no such folder"])
}

@Test func extractOutsideTheRepositoryRootSaysWhereTheRulesShouldBe() throws {
    let path = Repository.sampleInbox.appendingPathComponent("01-green-review-secondary.json").path
    #expect {
        _ = try DocumentExtraction.canonicalJSON(file: path, rulesDirectory: "/nonexistent/Rules")
    } throws: { error in
        "\(error)" == "no rules folder at '/nonexistent/Rules': run pepqa from the repository root, or pass --rules DIR"
    }
}
