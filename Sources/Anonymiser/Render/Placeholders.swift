/// The bracketed words `redact` writes in place of what it removes ("[address]", "[name]"):
/// published text that holds only these where a rule matches holds nothing identifying.
public struct Placeholders: Sendable {
    /// For a person the pipeline could not give a letter.
    public static let name = "[name]"
    /// For an identifier whose rule names no placeholder of its own.
    public static let redacted = "[redacted]"

    /// Every placeholder of the pattern set and the two above, longest first.
    private let all: [String]

    public init(patterns: PatternSet) {
        all = Set(patterns.rules.compactMap(\.placeholder) + [Placeholders.name, Placeholders.redacted]).sorted { $0.count > $1.count }
    }

    /// "[address]", "[phone number], [email]": only placeholders, nothing identifying.
    public func isOnlyPlaceholders(_ text: String) -> Bool {
        guard text.contains("[") else { return false }
        var rest = text
        for placeholder in all { rest = rest.replacingOccurrences(of: placeholder, with: " ") }
        return !rest.contains { $0.isLetter || $0.isNumber }
    }
}
