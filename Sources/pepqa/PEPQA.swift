import ArgumentParser

@main
struct PEPQA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pepqa", abstract: "Quality-assure Personal Education Plans.")
    mutating func run() async throws {}
}
