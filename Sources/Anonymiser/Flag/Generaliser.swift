/// Applies a residual rule's house-style rewording to the detail it found: an exact age
/// becomes an age band, a named school "the School", a hospital "hospital". The detail
/// is still flagged, so a reviewer sees what changed and can choose other words.
///
/// This is what keeps indirect identifiers out of published text by default; with
/// generalisation off (`--keep-residual`) details are only flagged, as HOUSE-STYLE.md's
/// strict reading has it.
struct Generaliser {
    static let ageBand = "{age-band}"

    let index: TextIndex

    /// The wording for one detail, or nil when the rule has none or the value cannot be read.
    func wording(for rule: Rule, range: Range<Int>, mentions: [PersonMention], people: [Person]) -> String? {
        guard let template = rule.generalisation else { return nil }
        guard template == Generaliser.ageBand else { return template }
        let digits = index.document.string(range).filter { $0.isASCII && $0.isNumber }
        guard let age = Int(digits) else { return nil }
        return Generaliser.band(age, pronoun: pronoun(before: range.lowerBound, mentions: mentions, people: people))
    }

    /// "in her seventies", "of primary school age".
    static func band(_ age: Int, pronoun: String) -> String {
        switch age {
        case ..<5: return "under school age"
        case 5...10: return "of primary school age"
        case 11...15: return "of secondary school age"
        case 16...19: return "in \(pronoun) late teens"
        case 100...: return "over 100"
        default:
            let decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            return "in \(pronoun) \(decades[age / 10 - 2])"
        }
    }

    /// The pronoun of the person mentioned nearest before the age, in the same sentence.
    private func pronoun(before offset: Int, mentions: [PersonMention], people: [Person]) -> String {
        guard let mention = mentions.last(where: { $0.range.upperBound <= offset }), let person = mention.person,
              offset - mention.range.upperBound < 200 else { return "their" }
        let between = index.document.string(mention.range.upperBound..<offset)
        if between.contains(". ") || between.contains("\n") { return "their" }
        switch people[person].gender {
        case .female: return "her"
        case .male: return "his"
        case .unknown: return "their"
        }
    }
}
