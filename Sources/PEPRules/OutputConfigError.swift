/// A problem in an output configuration file (finance.yaml, feedback settings, eclipse.yaml,
/// schools.csv, roster.csv): the file, the line (and column), and what is wrong — never a
/// value that could be personal or a bank detail.
package struct OutputConfigError: Error, CustomStringConvertible, Equatable {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        (self.file, self.line, self.column, self.message) = (file, line, column, message)
    }

    /// `Rules/schools.csv:4: sort_code must be 6 digits` (the file:line form editors jump to).
    package var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
