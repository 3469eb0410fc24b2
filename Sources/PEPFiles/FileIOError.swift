/// A file-system operation failed: listing a folder, moving a file, writing an output or a note.
///
/// One line: what was being done, to which path, and the system's reason. Paths are where, not
/// what: they name files, never their content.
package struct FileIOError: Error, Sendable, Hashable, CustomStringConvertible {
    package var operation: String
    package var path: String
    package var reason: String

    package init(_ operation: String, path: String, reason: String) {
        (self.operation, self.path, self.reason) = (operation, path, reason)
    }

    package var description: String { "cannot \(operation) \(path): \(reason)" }
}
