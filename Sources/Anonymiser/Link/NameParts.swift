/// A name broken into its parts: title, initials, given names, surname.
struct NameParts {
    var title: Title?
    var initials: [Character] = []
    var givenNames: [String] = []
    var surname: String?
    /// Byte offset where the last kept word ends (trailing non-name words are dropped).
    var end: Int

    static let lowercaseParticles: Set<String> = [
        "ap", "ab", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "los", "las", "le", "la",
        "bin", "binti", "bint", "ibn", "al", "el", "ter", "ten", "ní", "nic", "ó",
    ]
    /// Capitalised particles that begin a surname when another name word follows: "De Souza", "Van Dyke",
    /// "Mac Giolla", "Ní Bhriain", "De La Cruz" (keys, accents folded: "Ó" is "o").
    static let capitalisedParticles: Set<String> = [
        "de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "del", "della", "dos", "das", "los", "las", "al", "el",
        "bin", "ap", "st", "mac", "mc", "ni", "nic", "o", "ua", "ter", "ten",
    ]
    /// A one-letter particle ("Ó Briain") is not an initial.
    static let letterParticles: Set<String> = ["Ó"]

    /// "JR", "LHW": two or three capitals written together as initials, not a first name ("ED", "AL").
    static func isRunOfInitials(_ position: Int, in index: TextIndex, lexicon: Lexicon) -> Bool {
        let token = index.tokens[position]
        guard token.kind == .word, token.isAllCaps else { return false }
        let text = index.text(position)
        return (2...3).contains(text.count) && !lexicon.isFirstName(text)
    }

    /// Lower-case articles and patronymics joined to a name by a hyphen: "al-Hashimi", "bin-Talal".
    static let hyphenPrefixes: Set<String> = [
        "al", "el", "ul", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "ibn", "ben", "abu", "abd", "ait", "da", "de", "di", "du",
    ]

    /// "al-Hashimi": a prefix of `hyphenPrefixes`, a hyphen, then a capital.
    static func hasHyphenPrefix(_ word: String) -> Bool {
        // Cheap refusal first: the prefixes are at most three ASCII letters, so a hyphen comes early.
        guard word.utf8.prefix(6).contains(where: { $0 == 0x2D || $0 == 0xE2 }) else { return false }
        guard let hyphen = word.firstIndex(where: { $0 == "-" || $0 == "‐" || $0 == "‑" }) else { return false }
        let after = word.index(after: hyphen)
        return after < word.endIndex && word[after].isUppercase && hyphenPrefixes.contains(String(word[..<hyphen]))
    }

    /// Parses the tokens of a mention. `titled` says whether a title may lead.
    /// Returns nil when nothing name-like is left (a pseudonym such as "Mrs X").
    static func parse(_ indices: Range<Int>, in index: TextIndex, lexicon: Lexicon) -> NameParts? {
        var cursor = indices.lowerBound
        var title: Title?
        if cursor < indices.upperBound, let found = index.title(cursor) {
            title = found
            cursor += 1
        }
        var initials: [Character] = []
        var words: [(text: String, end: Int)] = []
        var particles: [String] = []
        while cursor < indices.upperBound {
            let token = index.tokens[cursor]
            let text = index.text(cursor)
            // A title starts another name: "Mrs X. Mrs Y", "Mr X and Mrs Y".
            if token.kind != .word || Title(text) != nil { break }
            let followedByName = cursor + 1 < indices.upperBound && index.tokens[cursor + 1].kind == .word
            if text.count == 1 && token.isCapitalised && !(letterParticles.contains(text) && followedByName) {
                // An initial only before the names; a lone capital after them ends the name.
                guard words.isEmpty, particles.isEmpty else { break }
                // "Mrs X. Donna Williams said": a lone initial, a full stop, then a full name is
                // a pseudonym ending a sentence, not "Mrs X. Donna Williams" the person.
                if initials.isEmpty, cursor + 1 < indices.upperBound, index.document.string(index.gap(before: cursor + 1)).hasPrefix(".") {
                    let next = index.text(cursor + 1)
                    let nextIsName = lexicon.isSurname(next) || lexicon.isFirstName(next)
                    // ("Mrs R. Mac Giolla": a particle begins the surname; that is no new sentence.)
                    let fullNameFollows = cursor + 2 < indices.upperBound && index.tokens[cursor + 2].isCapitalised && index.joinedBySpace(cursor + 2)
                        && !capitalisedParticles.contains(NameKey.normalise(next))
                    // "Mr X. This is…" / "Mrs X. Donna Williams said": the sentence ended after the pseudonym.
                    // A second capital ("Z.J. Chatterjee") is another initial.
                    if next.count > 1 && (fullNameFollows || (lexicon.isCommonWord(next) && !nextIsName)) { return nil }
                }
                initials.append(Character(text))
            } else if token.isAllCaps && text.count <= 3 && words.isEmpty && particles.isEmpty && initials.isEmpty && followedByName
                        && (index.tokens[cursor + 1].isCapitalised || lowercaseParticles.contains(index.key(cursor + 1)))
                        && !(capitalisedParticles.contains(index.key(cursor)) && index.tokens[cursor + 1].isAllCaps) {
                // ("VAN DER LINDE": particles in capitals before a surname in capitals are no initials.)
                // "Mr LH Jones", "Mr JJ Abdulle": run-together initials before the name.
                initials.append(contentsOf: text)
            } else if !token.isCapitalised && !hasHyphenPrefix(text) {
                guard lowercaseParticles.contains(text) else { break }
                particles.append(text)
            } else {
                let word = (particles + [text]).joined(separator: " ")
                particles = []
                words.append((word, token.range.upperBound))
            }
            cursor += 1
        }
        // Trailing words that are not names ("Mrs X. The", "Mr Smith Council") are not part of it.
        while words.count > 1 {
            let last = words[words.count - 1].text
            let key = NameKey.normalise(last)
            let isName = lexicon.isSurname(last) || lexicon.isFirstName(last)
            // "Mr Smith NHS": an acronym after the name is not part of it.
            let isAcronym = last.count > 1 && last.allSatisfy({ !$0.isLowercase }) && !lexicon.isPlausibleSurname(last)
            if (Lexicon.organisationWords.contains(key) && !lexicon.isSurname(last)) || (lexicon.isCommonWord(last) && !isName) || isAcronym {
                words.removeLast()
            } else {
                break
            }
        }
        // "Mrs ER S", "Mr T. S": initials and the surname's own initial, no word.
        if words.isEmpty, title != nil, initials.count >= 2 {
            let last = initials.removeLast()
            return NameParts(title: title, initials: initials, surname: String(last), end: index.tokens[cursor - 1].range.upperBound)
        }
        guard !words.isEmpty else { return nil }
        // "Mrs X DOB": a pseudonym before an acronym, not initials before a surname in capitals.
        if words.count == 1, !initials.isEmpty, words[0].text.allSatisfy({ !$0.isLowercase }), !lexicon.isPlausibleSurname(words[0].text) {
            return nil
        }
        // "De Souza", "De La Cruz", "Ó Briain": capitalised particles join the surname after them.
        while words.count >= 2 {
            let candidate = words[words.count - 2].text
            let isParticle = capitalisedParticles.contains(NameKey.normalise(candidate)) || letterParticles.contains(candidate)
            guard isParticle && (words.count > 2 || !lexicon.isFirstName(candidate) || title != nil || !initials.isEmpty) else { break }
            let last = words.removeLast()
            words[words.count - 1] = (candidate + " " + last.text, last.end)
        }
        var parts = NameParts(title: title, initials: initials, end: words.last!.end)
        if words.count == 1 && (title != nil || !initials.isEmpty) {
            parts.surname = words[0].text
        } else if words.count == 1 {
            parts.givenNames = [words[0].text]
        } else {
            parts.givenNames = words.dropLast().map(\.text)
            parts.surname = words.last!.text
        }
        return parts
    }
}
