import PEPFiles

/// A file-system operation of intake failed: listing an inbox, moving a file, writing a note.
/// The one file error of every stage (`PEPFiles`), under the name intake's signatures use.
package typealias IntakeIOError = FileIOError
