import Anonymiser
import ArgumentParser

struct Case: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The case registry: pseudonyms that stay the same across a case's documents (not yet implemented).")

    func run() throws {
        throw UsageError("case is not implemented yet")
    }
}
