import PCRE2

/// One detection rule from a pattern file: what to look for, how sure a hit is,
/// and what to do with it. Rules are data (`Patterns/*.yaml`); this is their
/// compiled, validated form.
public struct Rule: Sendable {
    public enum Action: String, Sendable, Codable {
        /// A direct identifier: the value becomes `placeholder` (or, for people, a pseudonym).
        case replace
        /// A residual detail: the text stays, a flag asks a person to decide.
        case flag
        /// Kept on purpose: name and identifier findings inside the span are dropped.
        case allow
    }

    /// How the rule finds text: a PCRE2 regex, or membership of a word list.
    public enum Matcher: Sendable {
        case regex(Regex)
        case list(PhraseList)
    }

    public let id: String
    public let category: String
    public let description: String
    public let matcher: Matcher
    public let validator: Validator?
    /// A match may begin only at a word of this list (`first-word-in`): the word the tokenizer
    /// reads from the match's start, by its `NameKey`. Both scans apply it as if the regex began
    /// with the test — where it fails, the scan moves on to the next character (`StartWordTest`).
    public var firstWordIn: Lexicon.WordList?
    public let caseless: Bool
    public let confidence: Double
    public let action: Action
    public let placeholder: String?
    public let reason: String?
    public let suggestion: String?
    /// For a flag rule: the wording that replaces the detail when residual details are
    /// generalised (the default); `{age-band}` asks for an age band ("in her seventies").
    public let generalisation: String?
    /// For a flag rule: every match is one name of a thing ("Lady Margaret School", "Queen Elizabeth
    /// Hospital", "Alström syndrome"), flagged (and, with `generalise`, reworded) whole, so the name
    /// stage takes no person out of it.
    public var wholeName: Bool = false
    /// Pre-filter: one of these (lower-cased) literals stands on the line of every match, so the
    /// rule runs only where one occurs — on those lines when `scansLines`, else on those documents.
    public let requires: [[UInt8]]
    /// True when `requires` was read from the regex (`RequiredLiterals`), not written in the file.
    public let requiresDerived: Bool
    /// The literals written in the file, when the regex narrowed them (`RequiredLiterals.reading`):
    /// `requires` then holds what the regex reads around them, each holding one of these ("act"
    /// written, " act" read), which the pre-filter finds in fewer places.
    public var writtenRequires: [[UInt8]]?
    /// True when the rule's regex cannot match across a line break and it has `requires`:
    /// then it runs only on the lines containing one of the literals, not on the whole text.
    public let scansLines: Bool
    /// When `requires` stand inside every match (derived ones always; written ones when the regex
    /// shows it): every byte a match may hold (nil: not known, or every byte). A match then lies
    /// between two bytes outside this set, around one of the literals, so the rule runs only there
    /// (`LiteralHits.windows`) — a clause, where a line would be a paragraph.
    public let matchBytes: ByteSet?
    /// Where its matches can begin and the regex compiled to match only there: the detect
    /// stage then tries it at those positions only (nil: it scans the whole text).
    public var anchoredForm: AnchoredForm?
    /// For a rule that scans text: the lookahead its compiled regex starts with, naming the
    /// characters a match can start with, when PCRE2 could not tell them from `source` (nil:
    /// none). The compiled regex is this, then `source` with its word alternations grouped by
    /// first letter (`AlternationFactoring`).
    public var startLookahead: StartLookahead?
    public let examples: RuleExamples
    /// The pattern file the rule came from, for error messages.
    public let file: String
    /// The source text of the regex, for `patterns list --regex` and explanations.
    public let source: String

    /// True for rules that find people (category `person`): their matches feed the linker
    /// instead of becoming placeholders.
    public var findsPeople: Bool { category == Rule.personCategory }

    /// The regex as one self-contained PCRE2 pattern, options inline, for tools such as
    /// `pcre2grep -f` (nil for word-list rules).
    public var standaloneRegex: String? {
        guard case .regex = matcher else { return nil }
        return "(*UCP)" + (caseless ? "(?i)" : "") + source
    }

    public static let personCategory = "person"
}

/// The examples every rule carries: text it must match (optionally with the exact
/// replaced or flagged part) and text it must leave alone.
public struct RuleExamples: Sendable, Equatable {
    public struct Positive: Sendable, Equatable {
        public let text: String
        public let value: String?
    }
    public var match: [Positive]
    public var noMatch: [String]
}
