/// One form of a person's name as the registry keeps it: normalised for matching and
/// fingerprints ("jane whitfield"), and as written ("Jane Whitfield").
struct NameVariant: Equatable, Sendable {
    enum Form: String, Sendable {
        case full, given, surname
        case givenSurname = "given-surname"
        case initialSurname = "initial-surname"
        case alias
    }

    var normalised: String
    var original: String
    var form: Form
}

enum NameVariants {
    /// Every form of a name the registry stores: the full name, each given name, the
    /// surname, first given name and surname, initial and surname, and the aliases.
    /// Words are given as written; duplicates (by normalised form) keep the first.
    static func forms(given: [String], surname: String?, initials: [Character] = [], aliases: [String] = []) -> [NameVariant] {
        var result: [NameVariant] = []
        var seen: Set<String> = []
        func add(_ original: String, _ form: NameVariant.Form) {
            let normalised = NameFingerprints.normalise(original)
            guard !normalised.isEmpty, seen.insert(normalised).inserted else { return }
            result.append(NameVariant(normalised: normalised, original: original.split(whereSeparator: \.isWhitespace).joined(separator: " "), form: form))
        }
        if let surname, !given.isEmpty { add((given + [surname]).joined(separator: " "), .full) }
        if let surname, given.count > 1 { add(given[0] + " " + surname, .givenSurname) }
        for name in given { add(name, .given) }
        if let surname {
            add(surname, .surname)
            var letters = given.compactMap(\.first).prefix(1).map { Character($0.uppercased()) }
            if letters.isEmpty { letters = initials.sorted() }
            for letter in letters { add("\(letter) \(surname)", .initialSurname) }
        }
        if surname == nil && given.count > 1 { add(given.joined(separator: " "), .full) }
        for alias in aliases { add(alias, .alias) }
        return result
    }

    /// The forms the linker finds by itself from given names and surname; every other
    /// stored form is handed to it as an alias so that it is searched for too.
    static func native(givenNames: [String], surname: String?) -> Set<String> {
        var forms = Set(givenNames)
        if let surname {
            forms.insert(surname)
            for name in givenNames {
                forms.insert(name + " " + surname)
                if let first = name.first { forms.insert("\(first) \(surname)") }
            }
        }
        return forms
    }

    /// Splits a name as staff type it into given names and surname: the last word is the
    /// surname, with the lower-case particles before it ("Pieter van der Berg" → "van der
    /// Berg") and a capitalised particle when more words come first ("Ana De Souza").
    /// A single word is a surname after a title ("Mrs Whitfield"), else a first name.
    static func split(_ name: String, surname explicit: String?, hasTitle: Bool) -> (given: [String], surname: String?) {
        var words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        if let explicit = explicit?.split(whereSeparator: \.isWhitespace).map(String.init), !explicit.isEmpty {
            if words.count >= explicit.count, words.suffix(explicit.count).map(NameKey.normalise) == explicit.map(NameKey.normalise) {
                words.removeLast(explicit.count)
            }
            return (words, explicit.joined(separator: " "))
        }
        guard words.count > 1 else { return hasTitle ? ([], words.first) : (words, nil) }
        var surnameWords = [words.removeLast()]
        while words.count > 1, let last = words.last, NameParts.lowercaseParticles.contains(last) {
            surnameWords.insert(words.removeLast(), at: 0)
        }
        if words.count > 1, let last = words.last, NameParts.capitalisedParticles.contains(NameKey.normalise(last)) {
            surnameWords.insert(words.removeLast(), at: 0)
        }
        return (words, surnameWords.joined(separator: " "))
    }
}
