/// Applies a residual rule's house-style rewording to the detail it found: an exact age
/// becomes an age band, a named school "the School", a hospital "hospital". The detail
/// is still flagged, so a reviewer sees what changed and can choose other words.
///
/// This keeps indirect identifiers out of published text by default; with generalisation
/// off (`--keep-residual`) details are only flagged.
///
/// A rule's `generalise` is literal text, or one of these templates, which read the words
/// around the detail so the sentence stays grammatical:
/// - `{age-band}`: "is 78 years old" → "is in her seventies"; "aged 9" → "of primary school age"
/// - `{facility}`: "admitted to Ward 7 at Whitworth Hospital" → "admitted to a hospital ward";
///   "the Oak Tree Medical Centre" → "the GP practice"; "to Royal Derby Hospital" → "to hospital"
/// - `{employer}`: "works at the Co-op in Belper" → "works for a local employer"
/// - `{place}`: "has lived in Swadlincote" → "has lived in the area"; "the village of Ockley" →
///   "a nearby village"; a country or a named building is left as it is (flagged only)
struct Generaliser {
    struct Rewording: Equatable {
        var range: Range<Int>
        var text: String
    }

    let index: TextIndex
    let lexicon: Lexicon

    private var document: Document { index.document }

    func rewording(for rule: Rule, range: Range<Int>, mentions: [PersonMention], people: [Person]) -> Rewording? {
        guard let template = rule.generalisation else { return nil }
        switch template {
        case "{age-band}": return ageBand(range, mentions: mentions, people: people)
        case "{facility}": return facility(range)
        case "{employer}": return employer(range)
        case "{place}": return place(range)
        default: return Rewording(range: range, text: index.isSentenceStart(range.lowerBound) ? capitalised(template) : template)
        }
    }

    // MARK: - Templates

    private func ageBand(_ range: Range<Int>, mentions: [PersonMention], people: [Person]) -> Rewording? {
        let value = document.string(range)
        // "a 14-year-old boy": an adjective before a noun has no band that reads well; flag only.
        if value.hasSuffix("-old") { return nil }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        guard let age = Int(digits) else { return nil }
        if digits.count < value.count {
            // The value already holds its unit ("78 years old").
            let unit = value.dropFirst(digits.count).lowercased()
            guard [" years old", " year old", " years of age"].contains(unit) else { return nil }
            return Rewording(range: range, text: Generaliser.band(age, pronoun: pronoun(before: range.lowerBound, mentions: mentions, people: people)))
        }
        var reworded = range
        // "78 years old", "14 year old", "78 years of age": the unit goes with the number.
        for suffix in [" years old", " year old", "-years-old", "-year-old", " years of age", " months old", " month old"] {
            if following(range.upperBound, suffix.count).lowercased() == suffix {
                reworded = reworded.lowerBound..<(range.upperBound + suffix.utf8.count)
                break
            }
        }
        // "aged 87" → "in her eighties".
        for prefix in ["aged ", "age "] where preceding(range.lowerBound, prefix.count).lowercased() == prefix {
            reworded = (range.lowerBound - prefix.utf8.count)..<reworded.upperBound
            break
        }
        let inMonths = document.string(reworded).contains("month")
        let pronoun = self.pronoun(before: reworded.lowerBound, mentions: mentions, people: people)
        return Rewording(range: reworded, text: inMonths ? "under a year old" : Generaliser.band(age, pronoun: pronoun))
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

    private func facility(_ range: Range<Int>) -> Rewording {
        let value = document.string(range).lowercased()
        let words = Set(value.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let kind: (definite: String, indefinite: String, bare: String)
        if ["surgery", "practice", "medical centre", "health centre", "medical practice"].contains(where: value.contains) {
            kind = ("the GP practice", "a GP practice", "a GP practice")
        } else if !words.isDisjoint(with: ["ward", "unit", "bay"]) {
            kind = ("the hospital ward", "a hospital ward", "a hospital ward")
        } else {
            kind = ("the hospital", "a hospital", "hospital")
        }
        if preceding(range.lowerBound, 4).lowercased() == "the " {
            return Rewording(range: (range.lowerBound - 4)..<range.upperBound, text: matchCase(kind.definite, at: range.lowerBound - 4))
        }
        let before = previousWord(range.lowerBound)
        // "admitted to hospital", "in hospital"; but "a nurse at a hospital".
        if ["to", "in", "from", "into"].contains(before) { return Rewording(range: range, text: kind.bare) }
        return Rewording(range: range, text: kind.indefinite)
    }

    private func place(_ range: Range<Int>) -> Rewording? {
        let value = document.string(range)
        let words = value.split(separator: " ").map(NameKey.normalise)
        if lexicon.countries.contains(NameKey.normalise(value)) || words.contains(where: Lexicon.organisationWords.contains) {
            return nil
        }
        for kind in ["village", "town", "city", "hamlet"] {
            let phrase = "the \(kind) of "
            if preceding(range.lowerBound, phrase.utf8.count).lowercased() == phrase {
                let start = range.lowerBound - phrase.utf8.count
                return Rewording(range: start..<range.upperBound, text: matchCase("a nearby \(kind)", at: start))
            }
        }
        return Rewording(range: range, text: "the area")
    }

    private func employer(_ range: Range<Int>) -> Rewording {
        if preceding(range.lowerBound, 3) == "at " {
            return Rewording(range: (range.lowerBound - 3)..<range.upperBound, text: "for a local employer")
        }
        return Rewording(range: range, text: "a local employer")
    }

    // MARK: - Context

    private func following(_ offset: Int, _ count: Int) -> String {
        let end = min(document.bytes.count, offset + count)
        return document.string(offset..<end)
    }

    private func preceding(_ offset: Int, _ count: Int) -> String {
        let start = max(0, offset - count)
        // Step back to a character boundary.
        var boundary = start
        while boundary < offset && document.bytes[boundary] & 0xC0 == 0x80 { boundary += 1 }
        return document.string(boundary..<offset)
    }

    private func previousWord(_ offset: Int) -> String {
        let position = index.firstToken(atOrAfter: offset) - 1
        guard position >= 0 else { return "" }
        return index.key(position)
    }

    private func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "The hospital" at the start of a sentence.
    private func matchCase(_ text: String, at offset: Int) -> String {
        guard document.bytes[offset] >= 0x41 && document.bytes[offset] <= 0x5A else { return text }
        return capitalised(text)
    }

    /// The pronoun of the person mentioned nearest before the age, in the same sentence.
    private func pronoun(before offset: Int, mentions: [PersonMention], people: [Person]) -> String {
        // Mentions are sorted and disjoint: binary search for the last one ending before the age.
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0, case let mention = mentions[low - 1], let person = mention.person,
              offset - mention.range.upperBound < 200 else { return "their" }
        let between = document.string(mention.range.upperBound..<offset)
        if between.contains(". ") || between.contains("\n") { return "their" }
        switch people[person].gender {
        case .female: return "her"
        case .male: return "his"
        case .unknown: return "their"
        }
    }
}
