/// Finds the other forms of known people's names — "Jane", "Whitfield", "WHITFIELD",
/// "J Whitfield", "the Whitfields" — where no pattern would catch them alone.
///
/// A name that is also an ordinary word (Grace, Hope, Will, Hill, Young, April) counts
/// only where the context says it is a name: not after "the" or "her", not inside a
/// longer capitalised phrase ("Castle Hill"), and a month only away from dates.
struct Propagator {
    let index: TextIndex
    let lexicon: Lexicon
    let people: [Person]

    private static let determiners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "her", "his", "their", "its", "our", "your", "my", "any",
        "no", "every", "each", "some",
    ]
    private static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                              "september", "october", "november", "december"]
    private static let datePrepositions: Set<String> = [
        "in", "of", "since", "until", "till", "by", "from", "during", "last", "next", "early", "late", "mid", "end",
        "beginning", "before", "after", "between", "and", "to", "or", "throughout", "on", "this", "that",
    ]

    func mentions(excluding taken: RangeSet) -> [PersonMention] {
        var bySurname: [String: [Int]] = [:]
        var byGiven: [String: [Int]] = [:]
        for (position, person) in people.enumerated() {
            if let surname = person.surname { bySurname[surname, default: []].append(position) }
            for given in person.givenNames { byGiven[given, default: []].append(position) }
        }
        // Registered aliases ("janey", "jane smith") are found like surnames: as word sequences.
        for (position, person) in people.enumerated() {
            for alias in person.aliases where !alias.isEmpty { bySurname[alias, default: []].append(position) }
        }
        let longestSurname = people.flatMap { [$0.surname] + $0.aliases.map(Optional.some) }
            .compactMap { $0?.split(separator: " ").count }.max() ?? 1
        var found: [PersonMention] = []
        var cursor = 0
        let tokens = index.tokens
        while cursor < tokens.count {
            let token = tokens[cursor]
            guard token.kind == .word, !taken.overlaps(token.range) else { cursor += 1; continue }
            if let mention = match(at: cursor, bySurname: bySurname, byGiven: byGiven, longestSurname: longestSurname),
               !taken.overlaps(mention.range) {
                found.append(mention)
                cursor = index.tokenIndices(in: mention.range).upperBound
                continue
            }
            cursor += 1
        }
        return found
    }

    /// The surname that starts at token `start`, as (person candidates, tokens used).
    private func surname(at start: Int, bySurname: [String: [Int]], longestSurname: Int) -> ([Int], Int)? {
        var key = ""
        var best: ([Int], Int)?
        for length in 1...longestSurname {
            let position = start + length - 1
            guard position < index.tokens.count, index.tokens[position].kind == .word else { break }
            if length > 1 {
                guard index.joinedBySpace(position) else { break }
                key += " "
            }
            key += index.key(position)
            if let people = bySurname[key] { best = (people, length) }
        }
        return best
    }

    private func match(at position: Int, bySurname: [String: [Int]], byGiven: [String: [Int]], longestSurname: Int) -> PersonMention? {
        let tokens = index.tokens
        let token = tokens[position]
        let key = index.key(position)

        // "J Whitfield", "J. Whitfield": an initial that fits a known person's first name.
        if token.text(in: index).count == 1, token.isCapitalised, position + 1 < tokens.count {
            let gap = index.document.string(index.gap(before: position + 1))
            if gap == " " || gap == ". ", let (candidates, length) = surname(at: position + 1, bySurname: bySurname, longestSurname: longestSurname) {
                guard let initial = NameKey.initial(of: key) else { return nil }
                if let person = candidates.first(where: { people[$0].givenNames.isEmpty || people[$0].realInitials.contains(initial) }) {
                    return mention(position..<(position + 1 + length), person: person, given: [], surname: true)
                }
            }
        }
        // "the Whitfields", "the Whitfield family": the family, never "the X family".
        if position > 0, index.key(position - 1) == "the", !index.tokens[position - 1].isCapitalised || index.isSentenceStart(index.tokens[position - 1].range.lowerBound) {
            if key.hasSuffix("s"), let people = bySurname[String(key.dropLast())], let person = people.first {
                return familyMention(from: position - 1, to: position, person: person, form: .familyName)
            }
            if let people = bySurname[key], let person = people.first, position + 1 < tokens.count, index.key(position + 1) == "family" {
                return familyMention(from: position - 1, to: position + 1, person: person, form: .family)
            }
        }
        // "Nwosu family members": the family, here too.
        if token.isCapitalised, let people = bySurname[key], let person = people.first, position + 1 < tokens.count,
           index.key(position + 1) == "family", index.joinedBySpace(position + 1) {
            return familyMention(from: position, to: position + 1, person: person, form: .family)
        }
        guard token.isCapitalised || token.isAllCaps || NameParts.lowercaseParticles.contains(key) else { return nil }

        // "Jane Whitfield" where the first name is not in the gazetteer, or a name whose surname is known.
        if let givenPeople = byGiven[key], position + 1 < tokens.count, index.joinedBySpace(position + 1),
           let (surnamePeople, length) = surname(at: position + 1, bySurname: bySurname, longestSurname: longestSurname),
           let person = givenPeople.first(where: surnamePeople.contains) {
            return mention(position..<(position + 1 + length), person: person, given: [key], surname: true)
        }
        if let (candidates, length) = surname(at: position, bySurname: bySurname, longestSurname: longestSurname),
           acceptsBare(position, length: length, isSurname: true) {
            let person = candidates.min { people[$0].firstOffset < people[$1].firstOffset }!
            return mention(position..<(position + length), person: person, given: [], surname: true)
        }
        if let candidates = byGiven[key], acceptsBare(position, length: 1, isSurname: false) {
            let person = candidates.min { people[$0].firstOffset < people[$1].firstOffset }!
            return mention(position..<(position + 1), person: person, given: [key], surname: false)
        }
        return nil
    }

    private func mention(_ tokenRange: Range<Int>, person: Int, given: [String], surname: Bool) -> PersonMention {
        var start = tokenRange.lowerBound
        // A title the name patterns could not take with it ("Dr H KAUR") belongs to the mention.
        var title: Title?
        if start > 0, index.joinedBySpace(start) || index.document.string(index.gap(before: start)) == ". ",
           let found = Title(index.text(start - 1)) {
            title = found
            start -= 1
        }
        let range = index.tokens[start].range.lowerBound..<index.tokens[tokenRange.upperBound - 1].range.upperBound
        return PersonMention(
            range: range, form: title == nil ? .untitled : .titled, title: title, title2: nil, givenNames: given, initials: [],
            surname: surname ? people[person].surname : nil, relation: nil, role: nil, marksComplainant: false,
            ruleID: "person.propagated", person: person)
    }

    private func familyMention(from first: Int, to last: Int, person: Int, form: PersonMention.Form) -> PersonMention {
        PersonMention(
            range: index.tokens[first].range.lowerBound..<index.tokens[last].range.upperBound, form: form,
            title: nil, title2: nil, givenNames: [], initials: [], surname: people[person].surname, relation: nil,
            role: nil, marksComplainant: false, ruleID: "person.family", person: person)
    }

    /// Whether a lone first name or surname at this position reads as a name.
    private func acceptsBare(_ position: Int, length: Int, isSurname: Bool) -> Bool {
        let tokens = index.tokens
        let token = tokens[position]
        let key = index.key(position)
        let wordLike = lexicon.isCommonWord(key) || Propagator.months.contains(key) || Lexicon.organisationWords.contains(key)
        if token.isAllCaps {
            // "KING was the name on the file" — but not a word of an all-capitals heading.
            let neighbours = [position - 1, position + length].filter { tokens.indices.contains($0) && tokens[$0].kind == .word }
            return key.count > 2 && (!wordLike || !neighbours.contains { tokens[$0].isAllCaps })
        }
        let possessive = index.document.string(tokens[position + length - 1].range.upperBound..<min(index.document.bytes.count, tokens[position + length - 1].range.upperBound + 3))
        if wordLike && isSurname && !(possessive.hasPrefix("'s") || possessive.hasPrefix("’s")) {
            // A bare surname that is also a word ("Young people", "Long delays") is taken as a
            // name only in the possessive; titled forms ("Mr Young") are found by the patterns.
            return false
        }
        let next = position + length
        if next < tokens.count, tokens[next].kind == .word, tokens[next].isCapitalised, index.joinedBySpace(next) {
            // Inside a longer proper noun: "Whitfield House", "Grace Hill Farm".
            if wordLike || Lexicon.organisationWords.contains(index.key(next)) { return false }
        }
        guard wordLike else { return true }
        if position > 0 {
            let previous = tokens[position - 1]
            let previousKey = index.key(position - 1)
            if previous.kind == .word && !previous.isCapitalised && Propagator.determiners.contains(previousKey) { return false }
            if previous.kind == .word, previous.isCapitalised, index.joinedBySpace(position),
               !index.isSentenceStart(previous.range.lowerBound) {
                return false
            }
            if Propagator.months.contains(key) {
                if previous.kind == .number || Propagator.datePrepositions.contains(previousKey) { return false }
            }
        }
        if Propagator.months.contains(key), next < tokens.count, tokens[next].kind == .number { return false }
        return true
    }
}

extension Token {
    func text(in index: TextIndex) -> String { index.document.string(range) }
}
