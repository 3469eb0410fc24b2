/// A file-system operation of intake failed: listing an inbox, moving a file, writing a note.
///
/// One line: what was being done, to which path, and the system's reason. Paths are where, not
/// what: they name files, never their content.
package struct IntakeIOError: Error, Sendable, Hashable, CustomStringConvertible {
    package var operation: String
    package var path: String
    package var reason: String

    package init(_ operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    package var description: String { "cannot \(operation) \(path): \(reason)" }
}
