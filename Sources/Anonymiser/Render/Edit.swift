/// One change to the text: a byte range of the input and what replaces it.
public struct Edit: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: String
    public let category: String
    public let rule: String
    /// The pseudonym letter, for a person.
    public let person: String?
    /// The role a staff member or representative is named by instead.
    public let role: String?

    public init(range: Range<Int>, replacement: String, category: String, rule: String, person: String? = nil, role: String? = nil) {
        self.range = range
        self.replacement = replacement
        self.category = category
        self.rule = rule
        self.person = person
        self.role = role
    }
}

/// A residual detail a person must decide on. The text is not changed.
public struct ReviewFlag: Sendable, Equatable {
    public let range: Range<Int>
    public let category: String
    public let rule: String
    public let reason: String
    public let suggestion: String
}
