/// One pass over a mapping file's YAML that collects every problem instead of stopping at the
/// first: the DOCX form mapping and the XML dialects are checked and reported the same way.
protocol MappingFileParser {
    associatedtype Output
    init(file: String)
    var problems: [FormMappingError.Problem] { get }
    /// The mapping, or nil when the file is too broken to give one (problems say why).
    mutating func run(_ yaml: String) -> Output?
}

extension MappingFileParser {
    /// Parses and checks `yaml`; `file` names it in problems.
    /// - Throws: `FormMappingError` with every problem found.
    static func parse(_ yaml: String, file: String) throws(FormMappingError) -> Output {
        var parser = Self(file: file)
        let output = parser.run(yaml)
        guard parser.problems.isEmpty, let output else { throw FormMappingError(problems: parser.problems) }
        return output
    }
}
