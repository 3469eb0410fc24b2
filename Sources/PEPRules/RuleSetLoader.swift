import Foundation
import PEPModel
import Yams

extension RuleSet {
    /// The files a rule set is read from, relative to its directory. Other files in the
    /// directory (e.g. `docx-mapping.yaml`, read by the DOCX reader) are not part of it.
    static let rulesetFile = "ruleset.yaml"
    static let bankHolidaysFile = "calendar/bank-holidays.yaml"
    static let termsFile = "calendar/terms.yaml"
    static let criteriaDirectory = "criteria"

    /// Loads and checks the rule set in `directory`.
    /// - Throws: `RuleSetError` holding every problem in every file, if there is any.
    package static func load(directory: URL) throws(RuleSetError) -> RuleSet {
        let (rules, problems) = read(directory: directory)
        guard problems.isEmpty, let rules else { throw RuleSetError(problems: problems) }
        return rules
    }

    /// Every problem in every rule file of `directory` (empty when the rule set is valid), for
    /// `pepqa rules check`.
    package static func check(directory: URL) -> [RuleProblem] {
        read(directory: directory).problems.sorted()
    }

    /// Every problem of a rule set given as file texts by relative name (`ruleset.yaml`,
    /// `criteria/…`), with no I/O: what `check(directory:)` does once the files are read. The
    /// `FuzzRulesYAML` target feeds it.
    package static func check(files: [String: String]) -> [RuleProblem] {
        let sink = ProblemSink()
        return read(files: files, sink: sink).problems.sorted()
    }

    static func read(directory: URL) -> (rules: RuleSet?, problems: [RuleProblem]) {
        let sink = ProblemSink()
        return read(files: ruleFiles(in: directory, sink: sink), sink: sink)
    }

    private static func read(files: [String: String], sink: ProblemSink) -> (rules: RuleSet?, problems: [RuleProblem]) {
        var hasher = SHA256()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            hasher.update(Array(name.utf8) + [0] + Array(text.utf8) + [0])
        }
        let hash = hasher.finalizeHex()

        func node(_ name: String) -> Node? { files[name].flatMap { compose(name, $0, sink: sink) } }
        let header = node(rulesetFile).map { RulesetFileParser(sink: sink).parse($0, file: rulesetFile) }
        let settings = header?.settings ?? [:]
        let calendarLoader = CalendarLoader(sink: sink)
        let holidays = node(bankHolidaysFile).map { calendarLoader.bankHolidays($0, file: bankHolidaysFile) }
        let holidayYears = holidays.map { Set($0.0.map(\.year)) }
        let terms = node(termsFile).map { calendarLoader.terms($0, file: termsFile, holidayYears: holidayYears) }

        let criteriaParser = CriteriaFileParser(sink: sink, settings: settings, header: header)
        var criteria: [Criterion] = []
        var ids: [(id: String, file: String, line: Int, column: Int)] = []
        for name in files.keys.sorted() where name.hasPrefix(criteriaDirectory + "/") {
            guard let root = node(name) else { continue }
            criteria += criteriaParser.parse(root, file: name)
            ids += criteriaParser.idMarks(root, file: name)
        }
        criteriaParser.reportDuplicates(ids)

        guard let header, sink.problems.isEmpty else { return (nil, sink.problems) }
        let order = Dictionary(uniqueKeysWithValues: header.sections.enumerated().map { ($1.id, $0) })
        let sorted = criteria.enumerated().sorted { a, b in
            (order[a.element.section] ?? 0, a.offset) < (order[b.element.section] ?? 0, b.offset)
        }.map(\.element)
        let calendar = WorkingCalendar(
            bankHolidays: holidays?.0 ?? [], provisionalYears: holidays?.1 ?? [], terms: terms?.terms ?? [:],
            insetDays: terms?.insetDays ?? [])
        let rules = RuleSet(
            version: header.version, hash: hash, sections: header.sections, criteria: sorted, settings: settings,
            phases: header.phases, calendar: calendar, aggregation: header.aggregation, coverage: header.coverage,
            funding: header.funding)
        return (rules, [])
    }

    /// The rule set's files by relative name; a missing required file is a problem.
    private static func ruleFiles(in directory: URL, sink: ProblemSink) -> [String: String] {
        var files: [String: String] = [:]
        for name in [rulesetFile, bankHolidaysFile, termsFile] {
            guard let text = readText(directory.appendingPathComponent(name)) else {
                sink.add(name, nil, nil, "the file is missing or unreadable")
                continue
            }
            files[name] = text
        }
        let criteriaURL = directory.appendingPathComponent(criteriaDirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: criteriaURL.path)) ?? []
        let yamlNames = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        if yamlNames.isEmpty { sink.add(criteriaDirectory, nil, nil, "no criteria files (*.yaml) found") }
        for name in yamlNames {
            let relative = "\(criteriaDirectory)/\(name)"
            guard let text = readText(criteriaURL.appendingPathComponent(name)) else {
                sink.add(relative, nil, nil, "the file is unreadable")
                continue
            }
            files[relative] = text
        }
        return files
    }

    private static func readText(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The YAML tree of one file, or nil after reporting a syntax error at its position.
    private static func compose(_ name: String, _ text: String, sink: ProblemSink) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                sink.add(name, nil, nil, "the file is empty")
                return nil
            }
            return root
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                sink.add(name, mark, nil, "YAML syntax error: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                sink.add(name, context.mark, nil, "duplicate key '\(duplicates.joined(separator: "', '"))'")
            default:
                sink.add(name, nil, nil, "YAML error: \(error)")
            }
            return nil
        } catch {
            sink.add(name, nil, nil, "YAML error: \(error)")
            return nil
        }
    }
}
