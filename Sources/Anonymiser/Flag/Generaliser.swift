import Foundation

/// Applies a residual rule's house-style rewording to the detail it found: an exact age
/// becomes an age band, a named school "the School", a hospital "hospital". The detail
/// is still flagged, so a reviewer sees what changed and can choose other words.
///
/// This keeps indirect identifiers out of published text by default; with generalisation
/// off (`--keep-residual`) details are only flagged.
///
/// A rule's `generalise` is literal text, or one of these templates, which read the words
/// around the detail so the sentence stays grammatical:
/// - `{age-band}`: "is 78 years old" → "is in her seventies"; "aged 9" → "of primary school age";
///   numbers in words as in digits ("aged eighty-six", "a hundred and two"); an age before its noun
///   moves after it ("an 87-year-old woman" → "a woman in her eighties", "her 8-year-old son" →
///   "her primary-school-age son"); "turned 18" and the age of a thing are flagged only
/// - `{facility}`: "admitted to Ward 7 at Whitworth Hospital" → "admitted to a hospital ward";
///   "the Oak Tree Medical Centre" → "the GP practice"; "to Royal Derby Hospital" → "to hospital"
/// - `{employer}`: "works at the Co-op in Belper" → "works for a local employer"; "employed at X" →
///   "employed by a local employer"; "her manager at Boots" → "her manager at work"
/// - `{place}`: "has lived in Swadlincote" → "has lived in the area"; "the village of Ockley" →
///   "a nearby village"; "near Bakewell" → "in the area"; "a village called X" → "a village";
///   a country or a named building is left as it is (flagged only)
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
        guard case (var age, let numberLength)? = Generaliser.leadingNumber(value) else { return nil }
        // "aged 8 and 10", "aged nine, eleven and fourteen": one band for all, or none.
        if numberLength < value.count, let ages = Generaliser.ageList(value), ages.count > 1 {
            let pronoun = "their"
            let bands = Set(ages.map { Generaliser.band($0, pronoun: pronoun) })
            guard bands.count == 1, let band = bands.first, ages.allSatisfy({ $0 < 20 }) else { return nil }
            var reworded = range
            if preceding(range.lowerBound, 5).lowercased() == "aged " { reworded = (range.lowerBound - 5)..<range.upperBound }
            return Rewording(range: reworded, text: index.isSentenceStart(reworded.lowerBound) ? capitalised(band) : band)
        }
        // What follows the number inside the value: "", " years old", "-year-old", "th"…
        let unit = String(value.dropFirst(numberLength)).lowercased().replacingOccurrences(of: "-", with: " ")
        let inMonths = unit.contains("month") || unit.contains("week")
        // An ordinal ("80th birthday", "in her eighty-eighth year") has no band that reads well.
        if !unit.isEmpty && !unit.hasPrefix(" ") { return nil }
        if unit.hasSuffix(" old") || unit.hasSuffix(" olds"),
           value.dropFirst(numberLength).contains("-") || nextWordText(range.upperBound).map(Generaliser.isPersonNoun) == true {
            return ageAdjective(age, inMonths: inMonths, range: range, plural: unit.hasSuffix("olds"),
                                mentions: mentions, people: people)
        }
        // "is a hundred and two years old": the article belongs to the number.
        var start = range.lowerBound
        if value.lowercased().hasPrefix("hundred"), let article = previousWord(before: range.lowerBound), article.text.lowercased() == "a" {
            start = article.range.lowerBound
        }
        guard ["", " years old", " year old", " years of age", " months old", " month old", " weeks old", " week old"].contains(unit) else { return nil }
        var reworded = start..<range.upperBound
        if unit.isEmpty {
            // "78 years old", "14 year old", "78 years of age": the unit goes with the number.
            for suffix in [" years old", " year old", "-years-old", "-year-old", " years of age", " months old", " month old", " weeks old", " week old"] {
                if following(range.upperBound, suffix.utf8.count).lowercased() == suffix {
                    reworded = reworded.lowerBound..<(range.upperBound + suffix.utf8.count)
                    break
                }
            }
        }
        // "nearly ninety" is in the eighties: the qualifier goes with the number.
        if let qualifier = previousWord(before: reworded.lowerBound), ["nearly", "almost"].contains(qualifier.text.lowercased()) {
            reworded = qualifier.range.lowerBound..<reworded.upperBound
            age -= 1
        }
        let before = previousWordText(reworded.lowerBound)?.lowercased() ?? ""
        // "turned 18", "reached 65": a band does not follow these verbs ("turned in her late teens").
        if ["turned", "turns", "turning", "reached", "reaches", "reaching", "reach", "turn"].contains(before) { return nil }
        // "The policy is 10 years old": the age of a thing, not of a person.
        if !subjectMayBeAPerson(before: reworded.lowerBound) { return nil }
        let covered = document.string(reworded).lowercased()
        let inMonthsNow = inMonths || covered.contains("month") || covered.contains("week")
        let pronoun = self.pronoun(before: reworded.lowerBound, mentions: mentions, people: people)
        var text = inMonthsNow ? "under a year old" : Generaliser.band(age, pronoun: pronoun)
        // "aged 87" → "in her eighties"; "at the age of 16" → "in his late teens"; "At 94," → "In her
        // nineties,"; "a woman of 72" → "a woman in her seventies"; "a child of 9" → "a child of primary school age".
        for prefix in ["at the age of ", "aged ", "age ", "at ", "of "] where preceding(reworded.lowerBound, prefix.utf8.count).lowercased() == prefix {
            if prefix == "at " && following(reworded.upperBound, 1) != "," { continue }
            if prefix == "of " {
                guard let noun = previousWordText(reworded.lowerBound - prefix.utf8.count), Generaliser.isPersonNoun(noun) else { return nil }
            }
            reworded = (reworded.lowerBound - prefix.utf8.count)..<reworded.upperBound
            if prefix == "at ", !inMonthsNow, let after = self.pronoun(after: reworded.upperBound, mentions: mentions, people: people) {
                text = Generaliser.band(age, pronoun: after)
            }
            break
        }
        // "the age of 12" in other frames ("from the age of 12") has no band that reads well.
        if preceding(reworded.lowerBound, 3).lowercased() == "of " { return nil }
        if index.isSentenceStart(reworded.lowerBound) {
            // "Aged 86, Mrs X…": the person comes after the age.
            if pronoun == "their", !inMonthsNow, let after = self.pronoun(after: reworded.upperBound, mentions: mentions, people: people) {
                text = Generaliser.band(age, pronoun: after)
            }
            text = capitalised(text)
        }
        return Rewording(range: reworded, text: text)
    }

    /// "a 14-year-old boy" → "a secondary-school-age boy"; "an 87-year-old woman" → "a woman in her
    /// eighties"; "her 87-year-old mother lives" → "her mother, in her eighties, lives"; "Mrs X, a
    /// 73-year-old from…" → "Mrs X, a woman in her seventies from…". Anything else ("87-year-old Mrs X",
    /// "a 10-year-old car", "two 4-year-olds") is only flagged.
    private func ageAdjective(_ age: Int, inMonths: Bool, range: Range<Int>, plural: Bool,
                              mentions: [PersonMention], people: [Person]) -> Rewording? {
        if plural { return nil }
        let article = previousWordText(range.lowerBound).map { $0.lowercased() }
        let hasArticle = article == "a" || article == "an"
        let start = hasArticle ? range.lowerBound - article!.utf8.count - 1 : range.lowerBound
        let upper = index.isSentenceStart(start)
        func finish(_ text: String, _ end: Int) -> Rewording {
            Rewording(range: start..<end, text: upper ? capitalised(text) : text)
        }
        guard let (noun, nounRange) = nextWord(after: range.upperBound) else {
            // "a 73-year-old, …": used as a noun.
            return hasArticle ? nounUse(age, inMonths: inMonths, start: start, end: range.upperBound, upper: upper, mentions: mentions, people: people) : nil
        }
        if Generaliser.isPersonNoun(noun) {
            let child = inMonths || age < 16
            if child || age < 20 {
                let adjective: String?
                if inMonths || age < 1 || ["baby", "babies", "infant", "infants", "toddler", "toddlers", "newborn"].contains(noun.lowercased()) {
                    adjective = nil
                } else {
                    switch age {
                    case ..<5: adjective = "pre-school"
                    case 5...10: adjective = "primary-school-age"
                    case 11...15: adjective = "secondary-school-age"
                    default: adjective = "teenage"
                    }
                }
                let phrase = adjective.map { $0 + " " } ?? ""
                if hasArticle {
                    let first = adjective ?? noun
                    return Rewording(range: start..<nounRange.lowerBound,
                                     text: (upper ? capitalised(Generaliser.article(before: first)) : Generaliser.article(before: first)) + " " + phrase)
                }
                return Rewording(range: start..<nounRange.lowerBound, text: upper ? capitalised(phrase) : phrase)
            }
            let pronoun = Generaliser.pronoun(ofNoun: noun) ?? self.pronoun(before: start, mentions: mentions, people: people)
            let band = Generaliser.band(age, pronoun: pronoun)
            if hasArticle {
                return finish(Generaliser.article(before: noun) + " " + noun + " " + band, nounRange.upperBound)
            }
            // "her 87-year-old mother lives alone" → "her mother, in her eighties, lives alone".
            let next = following(nounRange.upperBound, 2)
            let closes = next.first.map { $0 == " " } == true && next.dropFirst().first.map { $0.isLetter } == true
            return finish(noun + ", " + band + (closes ? "," : ""), nounRange.upperBound)
        }
        // "a 73-year-old from the village", "a 73-year-old who…": used as a noun.
        if hasArticle, ["from", "who", "with", "living", "and", "whose", "in", "at", "on", "called", "named"].contains(noun.lowercased()) {
            return nounUse(age, inMonths: inMonths, start: start, end: range.upperBound, upper: upper, mentions: mentions, people: people)
        }
        return nil
    }

    private func nounUse(_ age: Int, inMonths: Bool, start: Int, end: Int, upper: Bool,
                         mentions: [PersonMention], people: [Person]) -> Rewording {
        let text: String
        if inMonths || age < 1 {
            text = "a baby"
        } else if age < 16 {
            text = "a child " + Generaliser.band(age, pronoun: "their")
        } else if age < 20 {
            text = "a teenager"
        } else {
            let pronoun = self.pronoun(before: start, mentions: mentions, people: people)
            let noun = pronoun == "her" ? "woman" : pronoun == "his" ? "man" : "person"
            text = "a \(noun) " + Generaliser.band(age, pronoun: pronoun)
        }
        return Rewording(range: start..<end, text: upper ? capitalised(text) : text)
    }

    /// False when the age follows "is"/"was" whose subject is plainly a thing: "The policy is
    /// 10 years old", "It was two years old".
    private func subjectMayBeAPerson(before offset: Int) -> Bool {
        var position = offset
        var word = previousWord(before: position)
        while let current = word, ["now", "then", "only", "just", "nearly", "almost", "about", "around", "over", "under", "a"].contains(current.text.lowercased()) {
            position = current.range.lowerBound
            word = previousWord(before: position)
        }
        guard let verb = word, ["is", "was", "are", "were", "be", "been"].contains(verb.text.lowercased()) else { return true }
        var subject = previousWord(before: verb.range.lowerBound)
        if let helper = subject, ["will", "would", "could", "might", "may", "must", "has", "have", "had", "not"].contains(helper.text.lowercased()) {
            subject = previousWord(before: helper.range.lowerBound)
        }
        guard let noun = subject?.text else { return true }
        let lower = noun.lowercased()
        if ["it", "this", "that", "which", "there"].contains(lower) { return false }
        if Generaliser.isUpper(Array(noun.utf8)[0]) || Generaliser.isPersonNoun(noun) { return true }
        return ["she", "he", "they", "who", "i", "we", "you", "both", "each", "herself", "himself"].contains(lower)
    }

    // MARK: - Numbers, nouns and articles

    private static let units = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19]
    private static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]

    /// The number a value starts with, in digits ("78") or words ("seventy-eight", "Seventy Eight",
    /// "hundred and two", "one hundred"), and how many characters it takes.
    static func leadingNumber(_ value: String) -> (Int, Int)? {
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty { return Int(digits).map { ($0, digits.count) } }
        var total = 0, consumed = 0, seen = false
        var rest = Substring(value)
        var pendingLength = 0   // separators read but not yet part of a number word
        while !rest.isEmpty {
            let word = rest.prefix { $0.isLetter }
            let lower = word.lowercased()
            var matched = true
            if let unit = units[lower], total % 10 == 0, !(seen && total % 100 != 0 && unit >= 10) {
                total += unit
            } else if let ten = tens[lower], total % 100 == 0 {
                total += ten
            } else if lower == "hundred", total < 10 {
                total = max(total, 1) * 100
            } else if lower == "and", seen, total % 100 == 0, total > 0 {
                matched = true
            } else {
                matched = false
            }
            guard matched, !word.isEmpty else { break }
            if lower != "and" { seen = true; consumed += pendingLength + word.count; pendingLength = 0 } else { pendingLength += word.count }
            rest = rest.dropFirst(word.count)
            guard let separator = rest.first, separator == "-" || separator == " " else { break }
            pendingLength += 1
            rest = rest.dropFirst()
        }
        return seen && total > 0 ? (total, consumed) : nil
    }

    /// "8 and 10", "nine, eleven and fourteen" → [8, 10], [9, 11, 14]; nil unless the whole value is such a list.
    static func ageList(_ value: String) -> [Int]? {
        var ages: [Int] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            guard let (age, length) = leadingNumber(String(rest)) else { return nil }
            ages.append(age)
            rest = rest.dropFirst(length)
            if rest.isEmpty { break }
            var separated = false
            for separator in [", and ", ", ", " and ", " & ", ","] where rest.hasPrefix(separator) {
                rest = rest.dropFirst(separator.count)
                separated = true
                break
            }
            guard separated else { return nil }
        }
        return ages
    }

    static let personNouns: Set<String> = [
        "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "son", "sons", "daughter", "daughters",
        "mother", "father", "mum", "dad", "husband", "wife", "partner", "brother", "brothers", "sister", "sisters", "grandson",
        "granddaughter", "grandmother", "grandfather", "grandchild", "nephew", "niece", "stepson", "stepdaughter", "baby", "babies",
        "infant", "toddler", "teenager", "pensioner", "widow", "widower", "lady", "gentleman", "twins", "twin", "triplets",
        "tenant", "resident", "neighbour", "carer", "complainant", "applicant", "person", "uncle", "aunt", "cousin", "pupil",
        "student", "girlfriend", "boyfriend", "veteran", "grandma", "grandad", "granny", "stepfather", "stepmother", "newborn",
        "foster", "sibling", "siblings", "kids", "kid", "youngster", "lodger", "relative", "friend", "patient", "client",
    ]

    static func isPersonNoun(_ word: String) -> Bool { personNouns.contains(word.lowercased()) }

    /// The pronoun a kinship noun carries: "mother" → "her".
    static func pronoun(ofNoun noun: String) -> String? {
        switch noun.lowercased() {
        case "woman", "girl", "daughter", "mother", "mum", "wife", "sister", "granddaughter", "grandmother", "niece", "stepdaughter",
             "widow", "lady", "aunt", "girlfriend", "grandma", "granny", "stepmother": return "her"
        case "man", "boy", "son", "father", "dad", "husband", "brother", "grandson", "grandfather", "nephew", "stepson", "widower",
             "gentleman", "uncle", "boyfriend", "grandad", "stepfather": return "his"
        case "men", "women", "boys", "girls", "children", "sons", "daughters", "twins", "triplets", "brothers", "sisters", "siblings", "kids": return "their"
        default: return nil
        }
    }

    static func article(before word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// Words that may follow a reworded employer: "works for a local employer until 2022".
    static let continuations: Set<String> = [
        "until", "till", "since", "for", "in", "at", "and", "but", "or", "as", "on", "from", "to", "when", "where", "which",
        "who", "before", "after", "between", "during", "last", "this", "that", "then", "so", "because", "while", "whilst",
        "full-time", "part-time", "nights", "weekends", "shifts", "now", "previously", "currently", "still", "again", "too",
        "also", "there", "had", "has", "have", "was", "were", "is", "are", "said", "says", "told", "refused", "agreed", "paid",
        "gave", "would", "could", "did", "does", "about", "over", "under", "with", "without", "by", "if", "though", "although",
    ]

    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

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
        if ["surgery", "practice", "medical centre", "health centre", "medical practice", "meddygfa"].contains(where: value.contains) {
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
        // "Castleton Bar, a small village in Derbyshire" → "a nearby village in Derbyshire".
        let after = following(range.upperBound, 40)
        if after.hasPrefix(", a ") || after.hasPrefix(", an ") {
            let words = after.dropFirst(2).split(separator: " ", maxSplits: 3).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            if let kindIndex = words.prefix(3).firstIndex(where: { $0 == "village" || $0 == "hamlet" }) {
                let phrase = ", " + words[...kindIndex].joined(separator: " ")
                if after.hasPrefix(phrase) {
                    return Rewording(range: range.lowerBound..<(range.upperBound + phrase.utf8.count), text: "a nearby " + words[kindIndex])
                }
            }
        }
        // "a village called Upper Booth" → "a village"; "a small village, Great Hucklow," → "a small village,".
        for phrase in [" called ", " named ", " known as ", ", "] where preceding(range.lowerBound, phrase.utf8.count).lowercased() == phrase {
            let kind = previousWordText(range.lowerBound - phrase.utf8.count)?.lowercased() ?? ""
            guard ["village", "hamlet", "town", "city", "suburb", "parish", "estate", "place", "area", "community"].contains(kind) else { continue }
            return Rewording(range: (range.lowerBound - phrase.utf8.count)..<range.upperBound, text: "")
        }
        // "grew up near Bakewell", "a caravan at Ingoldmells" → "in the area" (not "near the area").
        if let before = previousWord(before: range.lowerBound),
           ["near", "at", "outside", "around", "towards", "nearby", "within"].contains(before.text.lowercased()) {
            return Rewording(range: before.range.lowerBound..<range.upperBound, text: matchCase("in the area", at: before.range.lowerBound))
        }
        return Rewording(range: range, text: "the area")
    }

    private func employer(_ range: Range<Int>) -> Rewording? {
        let value = document.string(range)
        // "the Port Talbot steelworks": a word the name did not take would dangle after the rewording.
        if let next = nextWord(after: range.upperBound), let first = next.text.unicodeScalars.first,
           CharacterSet.lowercaseLetters.contains(first), !Generaliser.continuations.contains(next.text.lowercased()) {
            return nil
        }
        guard let before = previousWord(before: range.lowerBound) else { return Rewording(range: range, text: "a local employer") }
        let preposition = before.text.lowercased()
        let verb = previousWordText(before.range.lowerBound)?.lowercased() ?? ""
        // "works in the Tesco store in Hexham" → "works for a local employer"; but "works in Finance"
        // names a department or a trade, not an employer.
        if preposition == "in" {
            guard value.hasPrefix("the ") || value.hasPrefix("The ") else { return nil }
            return Rewording(range: before.range.lowerBound..<range.upperBound, text: "for a local employer")
        }
        if preposition == "at" {
            // "employed at X" → "employed by a local employer"; "a job at X" → "a job with a local employer".
            // "her manager at Boots" → "her manager at work".
            let owner = previousWord(before: before.range.lowerBound).flatMap { previousWordText($0.range.lowerBound) }?.lowercased() ?? ""
            let possessed = ["her", "his", "their", "my", "our", "your"].contains(owner) || owner.hasSuffix("'s") || owner.hasSuffix("’s")
            if ["manager", "managers", "colleague", "colleagues", "boss", "supervisor", "employee", "employees", "staff", "workmate", "workmates"].contains(verb)
                || (possessed && ["hours", "shifts", "shift"].contains(verb)) {
                return Rewording(range: before.range.lowerBound..<range.upperBound, text: "at work")
            }
            let replacement = ["employed", "based"].contains(verb) ? (verb == "employed" ? "by a local employer" : "with a local employer")
                : ["job", "jobs", "post", "role", "position", "placement", "apprenticeship", "contract"].contains(verb) ? "with a local employer"
                : "for a local employer"
            return Rewording(range: before.range.lowerBound..<range.upperBound, text: replacement)
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

    /// The word (letters, inner apostrophes and hyphens) ending just before `offset` after spaces.
    private func previousWord(before offset: Int) -> (text: String, range: Range<Int>)? {
        let bytes = document.bytes
        var end = offset
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        var begin = end
        while begin > 0 && Generaliser.isWordByte(bytes[begin - 1]) { begin -= 1 }
        guard begin < end else { return nil }
        return (document.string(begin..<end), begin..<end)
    }

    private func previousWordText(_ offset: Int) -> String? { previousWord(before: offset)?.text }

    /// The word starting after the spaces that follow `offset` (nil when punctuation comes first).
    private func nextWord(after offset: Int) -> (text: String, range: Range<Int>)? {
        let bytes = document.bytes
        var begin = offset
        while begin < bytes.count && bytes[begin] == 0x20 { begin += 1 }
        guard begin > offset else { return nil }
        var end = begin
        while end < bytes.count && Generaliser.isWordByte(bytes[end]) { end += 1 }
        guard begin < end else { return nil }
        return (document.string(begin..<end), begin..<end)
    }

    private func nextWordText(_ offset: Int) -> String? { nextWord(after: offset)?.text }

    /// ASCII letters and any byte of a multi-byte character, plus the apostrophe and hyphen.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 || byte == 0x27 || byte == 0x2D
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
        if low > 0, case let mention = mentions[low - 1], let person = mention.person, offset - mention.range.upperBound < 200 {
            let between = document.string(mention.range.upperBound..<offset)
            if !between.contains(". ") && !between.contains("\n") {
                switch people[person].gender {
                case .female: return "her"
                case .male: return "his"
                case .unknown:
                    // "Y (son, aged 16)", "her son, Y, who is 9": a kinship word beside the mention tells.
                    if let pronoun = kinshipPronoun(before: offset, notBefore: mention.range.upperBound) { return pronoun }
                    if let noun = previousWordText(mention.range.lowerBound) ?? previousWord(before: max(0, mention.range.lowerBound - 2))?.text,
                       let pronoun = Generaliser.pronoun(ofNoun: noun) { return pronoun }
                    return "their"
                }
            }
        }
        // No person named before it in the sentence: "Her mother, who is 94" — the nearest kinship word.
        return kinshipPronoun(before: offset, notBefore: 0) ?? "their"
    }

    /// The pronoun of the nearest kinship word ("mother", "son") in the 12 words before `offset`,
    /// within the sentence and not before `limit`.
    private func kinshipPronoun(before offset: Int, notBefore limit: Int) -> String? {
        var position = offset
        for _ in 0..<12 {
            guard let word = previousWord(before: position), word.range.lowerBound >= limit else { break }
            if let pronoun = Generaliser.pronoun(ofNoun: word.text), pronoun != "their" { return pronoun }
            let gap = document.string(word.range.upperBound..<position)
            if gap.contains(".") || gap.contains("\n") { break }
            position = word.range.lowerBound
            // Step over commas, brackets and spaces between words.
            while position > 0, case let byte = document.bytes[position - 1], byte == 0x2C || byte == 0x28 || byte == 0x20 { position -= 1 }
        }
        return nil
    }

    /// The pronoun of the first person named after `offset` in the same sentence ("At 94, Mrs X…").
    private func pronoun(after offset: Int, mentions: [PersonMention], people: [Person]) -> String? {
        guard let mention = mentions.first(where: { $0.range.lowerBound >= offset }), let person = mention.person,
              mention.range.lowerBound - offset < 40 else { return nil }
        switch people[person].gender {
        case .female: return "her"
        case .male: return "his"
        case .unknown: return nil
        }
    }
}
