import Anonymiser
import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pre-publish gate: fail when identifying text is about to be published (not yet implemented).")

    func run() throws {
        throw UsageError("check is not implemented yet")
    }
}
