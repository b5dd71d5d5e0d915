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
    /// Every token's key (`TextIndex.key`), made once for the rounds of a link: the matcher
    /// reads each several times at every word.
    let keys: [String]

    private static let determiners: Set<String> = [
        "the", "a", "an", "this", "these", "those", "her", "his", "their", "its", "our", "your", "my", "any",
        "no", "every", "each", "some",
    ]
    /// Verbs that follow a person as the subject of a sentence: a word-like surname starting a
    /// sentence before one of these is the person ("Price said"), before anything else a word
    /// ("Young people gather").
    static let subjectVerbs: Set<String> = [
        "said", "says", "told", "tells", "asked", "asks", "complained", "complains", "wrote", "writes", "was", "is", "has", "had",
        "did", "does", "lodged", "made", "makes", "received", "receives", "applied", "applies", "called", "calls", "rang", "emailed",
        "sent", "sends", "visited", "paid", "pays", "explained", "explains", "stated", "states", "felt", "feels", "believes",
        "believed", "thinks", "thought", "wanted", "wants", "would", "could", "should", "will", "may", "might", "must", "can",
        "agreed", "agrees", "disagreed", "accepted", "accepts", "refused", "refuses", "appealed", "appeals", "argued", "argues",
        "contacted", "contacts", "moved", "lives", "lived", "attended", "attends", "went", "goes", "needs", "needed", "cares",
        "cared", "replied", "replies", "reported", "reports", "raised", "raises", "disputes", "disputed", "provided",
        "confirmed", "confirms", "added", "adds", "recalls", "recalled", "remembers", "uses", "used", "became", "brought", "took",
        "gave", "got", "returned", "left", "arrived", "spoke", "phoned", "texted", "submitted", "signed", "chose", "decided",
        "also", "then", "later", "and", "himself", "herself",
    ]
    /// Months as dates abbreviate them ("14 Jan 2022"): never a lone first name.
    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                              "september", "october", "november", "december"]
    private static let datePrepositions: Set<String> = [
        "in", "of", "since", "until", "till", "by", "from", "during", "last", "next", "early", "late", "mid", "end",
        "beginning", "before", "after", "between", "and", "to", "or", "throughout", "on", "this", "that",
    ]

    func mentions(excluding taken: RangeSet) -> [PersonMention] {
        var bySurname = NameTable()
        var byGiven = NameTable()
        for (position, person) in people.enumerated() {
            if let surname = person.surname { bySurname.add(surname, person: position) }
            for given in person.givenNames { byGiven.add(given, person: position) }
        }
        // Registered aliases ("janey", "jane smith") are found like surnames: as word sequences.
        for (position, person) in people.enumerated() {
            for alias in person.aliases where !alias.isEmpty { bySurname.add(alias, person: position) }
        }
        let longestSurname = people.flatMap { [$0.surname] + $0.aliases.map(Optional.some) }
            .compactMap { $0?.split(separator: " ").count }.max().map { max($0, 1) } ?? 1
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
    private func surname(at start: Int, bySurname: NameTable, longestSurname: Int) -> ([Int], Int)? {
        var key = ""
        var best: ([Int], Int)?
        for length in 1...longestSurname {
            let position = start + length - 1
            guard position < index.tokens.count, index.tokens[position].kind == .word else { break }
            if length > 1 {
                guard index.joinedBySpace(position) else { break }
                key += " "
            }
            key += keys[position]
            if let people = bySurname[key] { best = (people, length) }
        }
        return best
    }

    private func match(at position: Int, bySurname: NameTable, byGiven: NameTable, longestSurname: Int) -> PersonMention? {
        let tokens = index.tokens
        let token = tokens[position]
        let key = keys[position]

        // "J Whitfield", "J.R. Whitfield", "JR Whitfield", "S. C. Whitfield": initials that fit a known person.
        if let (initials, next) = initials(at: position),
           let (candidates, length) = surname(at: next, bySurname: bySurname, longestSurname: longestSurname) {
            let fitting = candidates.filter { candidate in
                let person = people[candidate]
                guard let first = initials.first.flatMap({ NameKey.initial(of: String($0)) }) else { return false }
                return person.givenNames.isEmpty || person.realInitials.contains(first)
            }
            if let person = fitting.first {
                var found = mention(position..<(next + length), person: person, given: [], surname: true)
                found.initials = initials
                return found
            }
        }
        // "Mrs S", "Mr & Mrs S", "Mrs ER S": a known person's surname written as its initial.
        if let title = index.title(position), let found = surnameInitialMention(at: position, title: title) {
            return found
        }
        // "the Ss": a family by its initial.
        if position > 0, keys[position - 1] == "the", token.isCapitalised, index.text(position).count == 2, key.hasSuffix("s"),
           let initial = key.first.map({ Character($0.uppercased()) }),
           let person = people.indices.first(where: { people[$0].surnameInitial == initial && people[$0].role == nil }) {
            return familyMention(from: position - 1, to: position, person: person, form: .familyName)
        }
        // "the Whitfields", "the Whitfield family": the family, never "the X family".
        if position > 0, keys[position - 1] == "the", !index.tokens[position - 1].isCapitalised || index.isSentenceStart(index.tokens[position - 1].range.lowerBound) {
            if key.hasSuffix("s"), let people = bySurname[String(key.dropLast())], let person = people.first {
                return familyMention(from: position - 1, to: position, person: person, form: .familyName)
            }
            if let people = bySurname[key], let person = people.first, position + 1 < tokens.count, keys[position + 1] == "family" {
                return familyMention(from: position - 1, to: position + 1, person: person, form: .family)
            }
        }
        // "Nwosu family members": the family, here too.
        if token.isCapitalised, let people = bySurname[key], let person = people.first, position + 1 < tokens.count,
           keys[position + 1] == "family", index.joinedBySpace(position + 1) {
            return familyMention(from: position, to: position + 1, person: person, form: .family)
        }
        // Quoted messages write names in lower case ("hi jane"): a known name that is no ordinary word,
        // or any known first name right after a greeting ("hi tom", "thanks will").
        // (The cheap look-ups first: nearly every word is no known name.)
        let isGiven = byGiven[key] != nil
        let lowerCaseName = !token.isCapitalised && (isGiven || bySurname[key] != nil) && key.count > 2 && !Propagator.determiners.contains(key)
            && (!lexicon.isCommonWord(key) || (isGiven && position > 0 && Propagator.greetings.contains(keys[position - 1])))
        // "JW: I called…": a speaker written as a known person's initials, at the start of a line.
        if let person = speakerInitials(at: position) {
            return mention(position..<(position + 1), person: person, given: [], surname: false)
        }
        guard token.isCapitalised || token.isAllCaps || NameParts.lowercaseParticles.contains(key) || lowerCaseName
                || (token.range.count > 3 && NameParts.hasHyphenPrefix(index.text(position))) else { return nil }

        // "Chi Keung", "Chi Keung Lau", "Jane Whitfield": a known person's given names, used together, and their surname.
        if let givenPeople = byGiven[key] {
            for person in givenPeople {
                var end = position + 1
                var given = [key]
                while end < tokens.count, index.joinedBySpace(end), people[person].givenNames.contains(keys[end]),
                      tokens[end].isCapitalised || tokens[end].isAllCaps {
                    given.append(keys[end])
                    end += 1
                }
                if end < tokens.count, index.joinedBySpace(end),
                   let (surnamePeople, length) = surname(at: end, bySurname: bySurname, longestSurname: longestSurname),
                   surnamePeople.contains(person) {
                    return mention(position..<(end + length), person: person, given: given, surname: true)
                }
                if given.count > 1 {
                    return mention(position..<end, person: person, given: given, surname: false)
                }
            }
        }
        // "Xiaoyan Wang" beside a known Mr Wang: another member of the family.
        if token.isCapitalised, !token.isAllCaps, byGiven[key] == nil, position + 1 < tokens.count, index.joinedBySpace(position + 1),
           let (_, length) = surname(at: position + 1, bySurname: bySurname, longestSurname: longestSurname),
           tokens[position + 1].isCapitalised || tokens[position + 1].isAllCaps || NameParts.lowercaseParticles.contains(keys[position + 1]),
           isNewGivenName(at: position) {
            let range = token.range.lowerBound..<tokens[position + length].range.upperBound
            let surnameText = (position + 1...position + length).map { index.text($0) }.joined(separator: " ")
            return PersonMention(
                range: range, form: .untitled, title: nil, title2: nil, givenNames: [index.text(position)], initials: [],
                surname: surnameText, relation: nil, role: nil, marksComplainant: false, ruleID: "person.propagated")
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

    /// "Mrs S", "Mr & Mrs S", "Mrs ER S", "Mr T. S.": a title, initials, and a last capital that is the
    /// initial of a known person's surname. House style never lets a real initial stand for a person.
    private func surnameInitialMention(at position: Int, title: Title) -> PersonMention? {
        let tokens = index.tokens
        var cursor = position + 1
        var title2: Title?
        // "Mr & Mrs S", "Mr and Mrs S".
        if cursor < tokens.count, index.document.string(index.gap(before: cursor)).trimmingCharacters(in: .whitespaces) == "&",
           let second = index.title(cursor) {
            title2 = second
            cursor += 1
        } else if cursor + 1 < tokens.count, keys[cursor] == "and", let second = index.title(cursor + 1) {
            title2 = second
            cursor += 2
        }
        var letters: [Character] = []
        while cursor < tokens.count, letters.count < 4, tokens[cursor].kind == .word, tokens[cursor].isCapitalised || tokens[cursor].isAllCaps {
            let gap = index.document.string(index.gap(before: cursor))
            guard gap == " " || (!letters.isEmpty && (gap == "." || gap == ". ")) || (letters.isEmpty && gap == ". ") else { break }
            let text = index.text(cursor)
            // "Mr X. I have…", "Mrs Y. A review…": a new sentence, not a last initial.
            if !letters.isEmpty, gap == ". ", text == "I" || text == "A" { break }
            if text.count == 1 {
                letters.append(Character(text))
            } else if letters.isEmpty && NameParts.isRunOfInitials(cursor, in: index, lexicon: lexicon) {
                letters.append(contentsOf: text)
            } else {
                return nil
            }
            cursor += 1
        }
        guard let last = letters.last, let initial = NameKey.initial(of: String(last)) else { return nil }
        // "Mrs S Whitfield" is initials and a surname, found elsewhere: here the capital must end the name.
        if cursor < tokens.count, index.joinedBySpace(cursor), tokens[cursor].isCapitalised { return nil }
        let given = letters.dropLast().compactMap { NameKey.initial(of: String($0)) }
        func fitting(_ title: Title) -> Int? {
            people.indices.first { candidate in
                let person = people[candidate]
                guard person.surnameInitial == initial, person.role == nil, title.isCompatible(with: person.gender) else { return false }
                guard let first = given.first else { return true }
                return person.givenNames.isEmpty || person.realInitials.contains(first)
            }
        }
        guard let first = fitting(title) else { return nil }
        var upper = tokens[cursor - 1].range.upperBound
        // "Mrs S. rang": an abbreviating full stop goes with the name.
        if upper < index.document.bytes.count, index.document.bytes[upper] == 0x2E, cursor < tokens.count, !tokens[cursor].isCapitalised,
           index.document.string(index.gap(before: cursor)) == ". " {
            upper += 1
        }
        let range = tokens[position].range.lowerBound..<upper
        if let title2 {
            guard let second = fitting(title2), second != first || people[first].surname == nil else { return nil }
            return PersonMention(range: range, form: .couple, title: title, title2: title2, givenNames: [], initials: [],
                                 surname: people[first].surname, relation: nil, role: nil, marksComplainant: false,
                                 ruleID: "person.propagated", person: first, person2: second)
        }
        return PersonMention(range: range, form: .titled, title: title, title2: nil, givenNames: [], initials: Array(letters.dropLast()),
                             surname: people[first].surname, relation: nil, role: nil, marksComplainant: false,
                             ruleID: "person.propagated", person: first)
    }

    /// Words that greet or thank someone in a message: a first name after them is a name, even "tom".
    static let greetings: Set<String> = ["hi", "hello", "hey", "dear", "thanks", "cheers", "morning", "afternoon", "evening", "bye"]

    /// "JW:", "JKW:" at the start of a line: a speaker label that is a known person's initials
    /// (given names, then surname), which house style never lets stand.
    private func speakerInitials(at position: Int) -> Int? {
        let token = index.tokens[position]
        let text = index.text(position)
        guard token.isAllCaps, (2...3).contains(text.count), index.isSentenceStart(token.range.lowerBound),
              index.document.bytes[token.range.upperBound...].first == 0x3A else { return nil }
        let letters = Array(text)
        return people.indices.first { candidate in
            let person = people[candidate]
            guard let surname = person.surnameInitial, !person.givenNames.isEmpty else { return false }
            let given = person.givenNames.compactMap { NameKey.initial(of: $0) }
            return letters.last == surname && Array(letters.dropLast()) == Array(given.prefix(letters.count - 1))
        }
    }

    /// Initials at a token: one to three single capitals ("J", "J.R.", "J. R.", "J R") or run-together
    /// capitals ("JR"), and the token after them.
    private func initials(at position: Int) -> ([Character], Int)? {
        let tokens = index.tokens
        let text = index.text(position)
        guard tokens[position].kind == .word, tokens[position].isCapitalised || tokens[position].isAllCaps else { return nil }
        func gapIsInitialGap(_ next: Int) -> Bool {
            let gap = index.document.string(index.gap(before: next))
            return gap == " " || gap == "." || gap == ". "
        }
        if tokens[position].isAllCaps && (2...3).contains(text.count) {
            guard position + 1 < tokens.count, gapIsInitialGap(position + 1), NameParts.isRunOfInitials(position, in: index, lexicon: lexicon) else {
                return nil
            }
            return (Array(text), position + 1)
        }
        guard text.count == 1 else { return nil }
        var letters: [Character] = [Character(text)]
        var next = position + 1
        while next < tokens.count, gapIsInitialGap(next), letters.count < 3, tokens[next].kind == .word,
              index.text(next).count == 1, tokens[next].isCapitalised {
            letters.append(Character(index.text(next)))
            next += 1
        }
        guard next < tokens.count, gapIsInitialGap(next) else { return nil }
        return (letters, next)
    }

    /// Whether a capitalised word before a known surname is a given name of someone new: a first
    /// name from the lists, or a word that is no ordinary word, month, title or organisation word,
    /// and not the tail of a longer capitalised phrase.
    private func isNewGivenName(at position: Int) -> Bool {
        let key = keys[position]
        guard key.count > 1, index.title(position) == nil, !Lexicon.organisationWords.contains(key),
              !Propagator.months.contains(key), !Propagator.monthAbbreviations.contains(key), !Propagator.weekdays.contains(key),
              !Propagator.determiners.contains(key),
              !lexicon.isPlace(key), !lexicon.countries.contains(key) else { return false }
        guard lexicon.isFirstName(key) || !lexicon.isCommonWord(key) else { return false }
        if index.continuesCapitalisedPhrase(position), index.title(position - 1) == nil { return false }
        return true
    }

    private func mention(_ tokenRange: Range<Int>, person: Int, given: [String], surname: Bool) -> PersonMention {
        var start = tokenRange.lowerBound
        // A title the name patterns could not take with it ("Dr H KAUR") belongs to the mention.
        var title: Title?
        if start > 0, index.joinedBySpace(start) || index.document.string(index.gap(before: start)) == ". ",
           let found = index.title(start - 1) {
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
        var upper = index.tokens[last].range.upperBound
        var apostrophe: String?
        // "the Whitfields' flat": the plural possessive's apostrophe goes with the family ("the family's flat").
        if form == .familyName, let next = index.document.bytes[upper...].first, next == 0x27 || next == 0xE2 {
            let mark = next == 0x27 ? "'" : "’"
            let after = upper + mark.utf8.count
            if index.document.string(upper..<min(after, index.document.bytes.count)) == mark,
               after >= index.document.bytes.count || !Tokenizer.isLetter(Tokenizer.decode(index.document.bytes, at: after).0) {
                apostrophe = mark
                upper = after
            }
        }
        var mention = PersonMention(
            range: index.tokens[first].range.lowerBound..<upper, form: form,
            title: nil, title2: nil, givenNames: [], initials: [], surname: people[person].surname, relation: nil,
            role: nil, marksComplainant: false, ruleID: "person.family", person: person)
        mention.possessive = apostrophe.map { $0 + "s" }
        return mention
    }

    /// "posted", "emailed", "phoned": a regular past tense (the irregular ones are in `subjectVerbs`).
    private func isPastTense(_ word: String) -> Bool {
        word.count > 4 && word.hasSuffix("ed") && !["need", "seed", "feed", "speed", "greed", "breed", "creed"].contains(where: word.hasSuffix)
    }

    /// Whether a lone first name or surname at this position reads as a name.
    private func acceptsBare(_ position: Int, length: Int, isSurname: Bool) -> Bool {
        let tokens = index.tokens
        let token = tokens[position]
        let key = keys[position]
        let wordLike = lexicon.isCommonWord(key) || Propagator.months.contains(key) || Lexicon.organisationWords.contains(key)
        if token.isAllCaps {
            // "KING was the name on the file" — but not a word of an all-capitals heading.
            let neighbours = [position - 1, position + length].filter { tokens.indices.contains($0) && tokens[$0].kind == .word }
            let whole = (position..<position + length).map { keys[$0] }.joined(separator: " ")
            return whole.count > 2 && (!wordLike || !neighbours.contains { tokens[$0].isAllCaps })
        }
        let possessive = index.document.string(tokens[position + length - 1].range.upperBound..<min(index.document.bytes.count, tokens[position + length - 1].range.upperBound + 3))
        let next = position + length
        if wordLike && !(possessive.hasPrefix("'s") || possessive.hasPrefix("’s")) {
            // A bare name that is also a word ("Young people", "Long delays", "Will the Council…") is a
            // name where the grammar says so: capitalised inside a sentence, or starting one as the
            // subject of a verb ("Price said", "Hope was upset", "Will wrote").
            if index.isSentenceStart(token.range.lowerBound) {
                guard next < tokens.count, tokens[next].kind == .word, !tokens[next].isCapitalised,
                      Propagator.subjectVerbs.contains(keys[next]) || isPastTense(keys[next]) else { return false }
            }
        }
        if next < tokens.count, tokens[next].kind == .word, tokens[next].isCapitalised, index.joinedBySpace(next) {
            // Inside a longer proper noun: "Whitfield House", "Grace Hill Farm".
            if wordLike || Lexicon.organisationWords.contains(keys[next]) { return false }
        }
        guard wordLike else { return true }
        if position > 0 {
            let previous = tokens[position - 1]
            let previousKey = keys[position - 1]
            if previous.kind == .word && !previous.isCapitalised && Propagator.determiners.contains(previousKey) { return false }
            if index.continuesCapitalisedPhrase(position) { return false }
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

/// The people known by each name key, looked up at nearly every word of a document. Most words
/// are no one's name: a bitmap of the keys' hashes says so without hashing the word into the
/// dictionary (a set bit only means "look it up").
struct NameTable {
    private var people: [String: [Int]] = [:]
    private var bits = [UInt64](repeating: 0, count: NameTable.bitCount / 64)
    private static let bitCount = 1 << 16

    mutating func add(_ key: String, person: Int) {
        people[key, default: []].append(person)
        let bit = NameTable.bit(of: key)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The people known by `key`, in the order they were added; nil for none.
    subscript(key: String) -> [Int]? {
        let bit = NameTable.bit(of: key)
        guard bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return people[key]
    }

    /// FNV-1a of the key's bytes, folded to the bitmap.
    private static func bit(of key: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash & UInt32(bitCount - 1))
    }
}
