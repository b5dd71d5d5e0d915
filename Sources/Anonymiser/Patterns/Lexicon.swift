import Foundation

/// The word lists the name finder consults (Patterns/lists): first names, surnames,
/// and ordinary English words. Membership is a hash lookup on `NameKey` forms.
public struct Lexicon: Sendable {
    public var firstNames: Set<String>
    public var surnames: Set<String>
    public var commonWords: Set<String>
    /// Country names: a place abroad is flagged but never reworded as "the area".
    public var countries: Set<String> = []
    /// UK towns, villages and counties (uk-places*.txt, uk-counties.txt): a record line "Reading,
    /// Berkshire" is not a name, nor "Devon" alone.
    public var places: Set<String> = []

    public init(firstNames: Set<String> = [], surnames: Set<String> = [], commonWords: Set<String> = []) {
        self.firstNames = firstNames
        self.surnames = surnames
        self.commonWords = commonWords
    }

    /// A list a rule may ask the word at a match's start to be in (`first-word-in`).
    public enum WordList: String, CaseIterable, Sendable {
        case firstNames = "first-names"
        case surnames
    }

    /// The keys (`NameKey` forms) of `list`.
    public func keys(of list: WordList) -> Set<String> {
        switch list {
        case .firstNames: return firstNames
        case .surnames: return surnames
        }
    }

    public func isFirstName<S: StringProtocol>(_ word: S) -> Bool { firstNames.contains(NameKey.normalise(word)) }
    public func isSurname<S: StringProtocol>(_ word: S) -> Bool { surnames.contains(NameKey.normalise(word)) }
    public func isCommonWord<S: StringProtocol>(_ word: S) -> Bool { commonWords.contains(NameKey.normalise(word)) }

    /// Words that follow a capitalised word in the names of places and organisations,
    /// never in a person's name: "Florence Nightingale Ward", "Grace Hill Care Home".
    public static let organisationWords: Set<String> = [
        "academy", "act", "agency", "alliance", "association", "avenue", "bank", "borough", "bridge", "building",
        "care", "cathedral", "centre", "center", "chambers", "chapel", "church", "city", "clinic", "close", "club",
        "college", "commission", "committee", "company", "council", "county", "court", "crescent", "department",
        "drive", "estate", "foundation", "fund", "gardens", "green", "group", "grove", "hall", "health", "home",
        "homes", "hospital", "hospice", "house", "infant", "infants", "institute", "junior", "lane", "ldn", "limited",
        "llp", "lodge", "ltd", "manor", "medical", "mosque", "nursery", "nursing", "park", "partnership",
        "plc", "practice", "primary", "road", "school", "secondary", "service", "services", "society", "square",
        "station", "street", "surgery", "synagogue", "team", "temple", "terrace", "tribunal", "trust", "unit",
        "university", "village", "walk", "ward", "way", "works",
        // firms named after a person or a place: "Dalton Haulage", "Linwood Bakery"
        "bakery", "builders", "coastguard", "construction", "engineering", "haulage", "homecare", "lettings", "logistics",
        "motors", "removals", "roofing", "scaffolding", "solicitors",
    ]

    /// Whether "Given Surname" reads as a person's full name rather than two capitalised words.
    /// - Parameter possessive: the name is followed by "'s": two ordinary words that are a first name and
    ///   a surname ("Hope Baker's") are a person there, where "Grace Hill" alone may be a place.
    public func isPlausibleFullName(given: String, surname: String, possessive: Bool = false) -> Bool {
        guard !given.isEmpty, !surname.isEmpty, isFirstName(given) else { return false }
        let surnameKey = NameKey.normalise(surname)
        // "Jane HALLORAN": a surname in capitals must look like one, not an acronym ("Jane NHS").
        if surname.count > 1 && surname.allSatisfy({ !$0.isLowercase }) && !isPlausibleSurname(surname) { return false }
        if Lexicon.organisationWords.contains(surnameKey) { return false }
        if isCommonWord(given) || isCommonWord(surname) {
            // "Grace Hill" is a name only when the other word is clearly a name.
            return isSurname(surname) && (possessive || !(isCommonWord(given) && isCommonWord(surname)))
        }
        return true
    }

    public func isPlace<S: StringProtocol>(_ word: S) -> Bool { places.contains(NameKey.normalise(word)) }

    /// Particles and prefixes that begin a surname ("van der", "Ó", "Mac") and say nothing
    /// about whether the rest is a name.
    static let surnameParticles: Set<String> = NameParts.lowercaseParticles.union(["mac", "mc", "o", "ua", "los", "las", "y"])

    /// Whether a word sequence can be a surname: a surname from the lists, or words that are
    /// not ordinary English words. Capitals ("OKONJO") need three letters and a vowel, so
    /// acronyms ("NHS", "GP", "DWP") are not surnames.
    public func isPlausibleSurname(_ surname: String) -> Bool {
        let written = surname.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "‐" || $0 == "‑" })
        let words = written.map { NameKey.normalise($0) }.filter { !Lexicon.surnameParticles.contains($0) }
        guard !words.isEmpty, !written.contains(where: { Title(String($0)) != nil }) else { return false }
        for (word, original) in zip(words, written.suffix(words.count)) where original.count > 1 && original.allSatisfy({ !$0.isLowercase }) {
            let hasVowel = word.contains { "aeiouy".contains($0) }
            if word.count < 3 || !hasVowel { return false }
        }
        if words.contains(where: { Lexicon.organisationWords.contains($0) && !surnames.contains($0) }) { return false }
        if words.contains(where: { surnames.contains($0) }) { return true }
        return !words.contains(where: { commonWords.contains($0) || countries.contains($0) })
    }

    /// Whether a surname-first record ("SMITH, Jane", "Smith, J.", "SMITH Jane (Mrs)") names a
    /// person: a plausible surname, and given names that are initials, a first name from the
    /// lists, or a word that is no ordinary English word, place or organisation word. A
    /// bracketed title settles it.
    public func isPlausibleRecordName(given: String, surname: String, title: String?) -> Bool {
        guard isPlausibleSurname(surname) else { return false }
        if title != nil { return true }
        let words = given.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "." })
        guard let first = words.first else { return false }
        if words.allSatisfy({ $0.count == 1 }) { return true }
        let key = NameKey.normalise(first)
        if Lexicon.organisationWords.contains(key) || countries.contains(key) { return false }
        if firstNames.contains(key) { return !commonWords.contains(key) || isSurname(surname) }
        return !commonWords.contains(key) && !places.contains(key)
    }

    /// Loads `first-names*.txt`, `surnames*.txt` and `common-words*.txt` from a lists folder.
    public static func load(from directory: URL) throws -> Lexicon {
        var lexicon = Lexicon()
        try lexicon.add(from: directory)
        return lexicon
    }

    public mutating func add(from directory: URL) throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []
        for file in files where file.hasSuffix(".txt") {
            let url = directory.appendingPathComponent(file)
            try add(list: file, data: Data(contentsOf: url), path: url.path)
        }
    }

    /// Adds one list file (`path` names it in errors): its name says which list it joins.
    public mutating func add(list file: String, data: Data, path: String) throws {
        func entries() throws -> [String] { try WordListFile.read(data, name: path) }
        if file.hasPrefix("first-names") { firstNames.formUnion(try entries()) }
        else if file.hasPrefix("surnames") { surnames.formUnion(try entries()) }
        else if file.hasPrefix("common-words") { commonWords.formUnion(try entries()) }
        else if file.hasPrefix("countries") { countries.formUnion(try entries()) }
        else if file.hasPrefix("uk-places") || file.hasPrefix("uk-counties") { places.formUnion(try entries()) }
    }
}

/// A plain-text list: one entry per line, `#` comments, UTF-8.
enum WordListFile {
    static func read(_ url: URL) throws -> [String] {
        try read(Data(contentsOf: url), name: url.path)
    }

    static func read(_ data: Data, name: String) throws -> [String] {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(path: name, problem: "is not valid UTF-8 text")
        }
        return text.utf8.split(separator: 0x0A).compactMap { line in
            let entry = trimmed(line)
            return entry.isEmpty || entry.first == UInt8(ascii: "#") ? nil : NameKey.normalise(Substring(entry))
        }
    }

    /// A line without the white space around it. The lists hold some 160,000 lines, read at
    /// every start: ASCII white space is cut byte by byte, and Foundation (which knows every
    /// Unicode space) is asked only when a line begins or ends outside ASCII.
    private static func trimmed(_ line: Substring.UTF8View) -> Substring.UTF8View {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var entry = line
        while let first = entry.first, isSpace(first) { entry = entry.dropFirst() }
        while let last = entry.last, isSpace(last) { entry = entry.dropLast() }
        guard let first = entry.first, let last = entry.last, first >= 0x80 || last >= 0x80 else { return entry }
        return Substring(Substring(entry).trimmingCharacters(in: .whitespacesAndNewlines)).utf8
    }
}
