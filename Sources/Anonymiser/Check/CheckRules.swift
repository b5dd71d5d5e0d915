/// What a rule of `check` looks for, for reports (SARIF's rule descriptors, `--format json`).
public struct CheckRule: Sendable, Equatable {
    public let id: String
    public let level: CheckLevel
    /// One sentence: what the rule finds.
    public let summary: String
    /// What to do about a finding.
    public let help: String
    /// The kind of detail (person, phone, school…).
    public let category: String

    public init(id: String, level: CheckLevel, summary: String, help: String, category: String) {
        self.id = id
        self.level = level
        self.summary = summary
        self.help = help
        self.category = category
    }

    /// "name.titled" → "NameTitled", SARIF's `name`.
    public var pascalName: String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// The gate's own rules, by id.
public enum CheckRuleID {
    public static let titledName = "name.titled"
    public static let untitledName = "name.untitled"
    public static let knownName = "name.known"
    public static let twoTitles = "house-style.two-titles"
    public static let skippedLetter = "house-style.skipped-letter"
    public static let letterReused = "house-style.letter-reused"
    public static let bareLetterAdult = "house-style.bare-letter-adult"
}

/// Every rule a finding can have: the gate's own rules, then every identifier (error)
/// and residual (note) rule of the pattern set, in pattern order.
public struct CheckRuleCatalogue: Sendable {
    public let rules: [CheckRule]
    private let positions: [String: Int]

    public init(rules: [CheckRule]) {
        var seen: [String: Int] = [:]
        var unique: [CheckRule] = []
        for rule in rules where seen[rule.id] == nil {
            seen[rule.id] = unique.count
            unique.append(rule)
        }
        self.rules = unique
        positions = seen
    }

    public init(patterns: PatternSet) {
        var rules = CheckRuleCatalogue.own + DocxRuleID.rules
        for rule in patterns.rules where !rule.findsPeople {
            switch rule.action {
            case .replace:
                rules.append(CheckRule(
                    id: rule.id, level: .error, summary: "Direct identifier (\(rule.category)): \(rule.description)",
                    help: "A direct identifier must never be published. Replace it with \(rule.placeholder ?? "a placeholder") "
                        + "(`anonymise redact` does), or, if it is not about a person, add it to the --allow file.",
                    category: rule.category))
            case .flag:
                var help = "Residual detail a reader could use to identify someone"
                if let reason = rule.reason { help += " (\(reason))" }
                help += ". Decide whether it is needed"
                if let suggestion = rule.suggestion { help += "; suggested wording: \(suggestion)" }
                rules.append(CheckRule(id: rule.id, level: .note, summary: "Residual detail (\(rule.category)): \(rule.description)",
                                       help: help + ".", category: rule.category))
            case .allow:
                continue
            }
        }
        self.init(rules: rules)
    }

    public func rule(_ id: String) -> CheckRule? { positions[id].map { rules[$0] } }
    public func index(of id: String) -> Int? { positions[id] }

    /// The gate's own rules.
    public static let own: [CheckRule] = [
        CheckRule(
            id: CheckRuleID.titledName, level: .error,
            summary: "A titled name that is not a pseudonym (\"Mrs Whitfield\", \"Dr Patel\"); \"Mrs X\", \"Mr and Mrs Y\" are fine.",
            help: "Refer to the person by their house-style letter (Mrs X) or, for staff and representatives, by role (the social worker).",
            category: "person"),
        CheckRule(
            id: CheckRuleID.knownName, level: .error,
            summary: "A known name of the case, recognised through the fingerprints file (HMAC of every name variant).",
            help: "A name the case registry knows is in the text. Replace it with the person's pseudonym or role.",
            category: "person"),
        CheckRule(
            id: CheckRuleID.untitledName, level: .warning,
            summary: "An untitled full name, or a first name from the gazetteer in a name-like position (\"her son, Tom\").",
            help: "Replace it with the person's pseudonym (a bare letter for a child) or role; if it is not a person, add it to the --allow file.",
            category: "person"),
        CheckRule(
            id: CheckRuleID.twoTitles, level: .warning,
            summary: "The same letter with two titles of the same gender (\"Mrs X\" and \"Miss X\").",
            help: "Use one title for each person throughout; a spouse shares the letter with their own title (Mr and Mrs X).",
            category: "consistency"),
        CheckRule(
            // A note, not a warning: it identifies no one, and published decisions do use "Ms A".
            id: CheckRuleID.skippedLetter, level: .note,
            summary: "A pseudonym with a letter the house style never uses (\"Mrs A\": A reads as an article; I, O and Q are skipped).",
            help: "Use the next letter of the sequence X, Y, Z, B, C… that no one in the case has.",
            category: "consistency"),
        CheckRule(
            id: CheckRuleID.letterReused, level: .warning,
            summary: "One letter used for two people (a titled adult and a child, or a son and a daughter).",
            help: "Give each person their own letter, in order of first appearance.",
            category: "consistency"),
        CheckRule(
            id: CheckRuleID.bareLetterAdult, level: .warning,
            summary: "A bare letter for an adult relative or acquaintance (\"her mother, Y\"); only children get a bare letter.",
            help: "Give the adult their title: \"her mother, Mrs Y\".",
            category: "consistency"),
        CheckRule(
            id: "house-style.title-mismatch", level: .note,
            summary: "A real name written with two titles (reported by the redaction pipeline).",
            help: "Use one title for the person throughout.", category: "consistency"),
    ]
}
