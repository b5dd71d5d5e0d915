import Foundation

/// The word lists the name finder consults (Patterns/lists): first names, surnames,
/// and ordinary English words. Membership is a hash lookup on `NameKey` forms.
public struct Lexicon: Sendable {
    public var firstNames: Set<String>
    public var surnames: Set<String>
    public var commonWords: Set<String>
    /// Country names: a place abroad is flagged but never reworded as "the area".
    public var countries: Set<String> = []

    public init(firstNames: Set<String> = [], surnames: Set<String> = [], commonWords: Set<String> = []) {
        self.firstNames = firstNames
        self.surnames = surnames
        self.commonWords = commonWords
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
    public func isPlausibleFullName(given: String, surname: String) -> Bool {
        guard !given.isEmpty, !surname.isEmpty, isFirstName(given) else { return false }
        let surnameKey = NameKey.normalise(surname)
        if Lexicon.organisationWords.contains(surnameKey) { return false }
        if isCommonWord(given) || isCommonWord(surname) {
            // "Grace Hill" is a name only when the other word is clearly a name.
            return isSurname(surname) && !(isCommonWord(given) && isCommonWord(surname))
        }
        return true
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
            if file.hasPrefix("first-names") { firstNames.formUnion(try WordListFile.read(url)) }
            else if file.hasPrefix("surnames") { surnames.formUnion(try WordListFile.read(url)) }
            else if file.hasPrefix("common-words") { commonWords.formUnion(try WordListFile.read(url)) }
            else if file.hasPrefix("countries") { countries.formUnion(try WordListFile.read(url)) }
        }
    }
}

/// A plain-text list: one entry per line, `#` comments, UTF-8.
enum WordListFile {
    static func read(_ url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(path: url.path, problem: "is not valid UTF-8 text")
        }
        return text.utf8.split(separator: 0x0A).compactMap { line in
            let entry = Substring(line).trimmingCharacters(in: .whitespacesAndNewlines)
            return entry.isEmpty || entry.hasPrefix("#") ? nil : NameKey.normalise(entry)
        }
    }
}
