import Foundation
import PEPPipeline

extension CommandSupport {
    /// The configuration file given, else `/etc/pepqa/pepqa.yaml` when it exists, else the defaults.
    /// A file that cannot be read or has a bad key stops the command with one line.
    static func configurationFile(_ given: String?) -> ServiceConfiguration {
        let file = given ?? (FileManager.default.fileExists(atPath: defaultConfigFile) ? defaultConfigFile : nil)
        guard let file else { return ServiceConfiguration() }
        do {
            return try ServiceConfiguration.load(file: file)
        } catch {
            fail("cannot start: \(error)")
        }
    }

    static let defaultConfigFile = "/etc/pepqa/pepqa.yaml"

    /// One line on stderr, and the command goes on.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("pepqa: \(message)\n".utf8))
    }
}
