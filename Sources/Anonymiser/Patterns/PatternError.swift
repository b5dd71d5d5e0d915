/// A pattern file that cannot be used: unreadable YAML, a regex that does not compile,
/// a rule with a missing field, a duplicated id, or an example its rule fails.
public struct PatternError: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let rule: String?
    public let problem: String

    public init(file: String, rule: String? = nil, problem: String) {
        self.file = file
        self.rule = rule
        self.problem = problem
    }

    public var description: String {
        if let rule { return "\(file): rule \(rule): \(problem)" }
        return "\(file): \(problem)"
    }
}
