import PCRE2

/// The house-style rules of `check`: pseudonyms that are written against HOUSE-STYLE.md.
/// They look only at pseudonyms ("Mrs X", "Mr and Mrs Y", "her son, Z"), which the
/// redaction pipeline leaves alone, so they never overlap a name finding.
struct HouseStyleRules: Sendable {
    /// After a pseudonym letter: not more letters, not "O'Brien" (a possessive "'s" is fine),
    /// not a capitalised word ("Mr A Patel" is an initial and a surname).
    private static let letterEnd = #"(?![\p{L}\p{N}])(?!['’](?![sS](?!\p{L}))\p{L})(?![ \t]+\p{Lu}\p{Ll})"#

    // Run where their leads ("Mrs", "son"…) stand, not tried at every position of every document.
    private let titled: AnchoredScan
    private let related: AnchoredScan

    init() {
        titled = try! AnchoredScan(HouseStyleRules.titledPattern)
        related = try! AnchoredScan(HouseStyleRules.relatedPattern)
    }

    /// "Mrs X", "Mr and Mrs Y".
    static let titledPattern: String = {
        let titles = Title.pseudonymTitles.joined(separator: "|")
        return #"(?<![\p{L}\p{N}])(?<title>"# + titles + #")\.?[ \t]+(?:(?:and|&)[ \t]+(?<title2>"# + titles + #")\.?[ \t]+)?"#
            + #"(?<letter>\p{Lu})"# + HouseStyleRules.letterEnd
    }()

    /// "her son, Y", "his mother Z", "Child Y". A and I alone read as words after a relation.
    static let relatedPattern: String = {
        let relations = (Array(Relations.children.keys) + Array(Relations.adults))
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
            .map { $0.replacingOccurrences(of: " ", with: "[ \\t]+").replacingOccurrences(of: "-", with: "[-‐]") }
            .joined(separator: "|")
        return #"(?<![\p{L}\p{N}])(?:(?<child>Child)[ \t]+(?<childLetter>\p{Lu})|(?<relation>(?i:"# + relations
            + #"))(?:[ \t]*,)?[ \t]+(?<letter>[B-HJ-Z]))"# + HouseStyleRules.letterEnd
    }()

    /// One pseudonym as written.
    struct Use {
        enum Kind { case titled, child, adultBare }
        let range: Range<Int>
        let letter: Character
        let kind: Kind
        /// Titles as written: one, or two for "Mr and Mrs Y".
        let titles: [Title]
        /// The relation written before a bare letter ("son", "mother").
        let relation: String?
    }

    /// Pseudonym uses in the document, skipping those that overlap `excluded` (names found as names).
    func uses(in document: Document, excluding excluded: RangeSet) throws -> [Use] {
        var found: [Use] = []
        try document.bytes.withUnsafeBufferPointer { buffer in
            try titled.forEachMatch(in: buffer) { match in
                guard let letterRange = match.range(named: "letter"), !excluded.overlaps(match.range) else { return true }
                let titles = [match.range(named: "title"), match.range(named: "title2")].compactMap { $0 }
                    .compactMap { Title(document.string($0)) }
                found.append(Use(range: match.range, letter: Character(document.string(letterRange)), kind: .titled,
                                 titles: titles, relation: nil))
                return true
            }
            try related.forEachMatch(in: buffer) { match in
                guard !excluded.overlaps(match.range) else { return true }
                if let letterRange = match.range(named: "childLetter") {
                    found.append(Use(range: match.range, letter: Character(document.string(letterRange)), kind: .child,
                                     titles: [], relation: "child"))
                } else if let letterRange = match.range(named: "letter"), let relationRange = match.range(named: "relation") {
                    let relation = NameKey.normalise(document.string(relationRange))
                        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    let kind: Use.Kind = Relations.children[relation] != nil ? .child : .adultBare
                    found.append(Use(range: match.range, letter: Character(document.string(letterRange)), kind: kind,
                                     titles: [], relation: relation))
                }
                return true
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func findings(in document: Document, excluding excluded: RangeSet) throws -> [Finding] {
        let uses = try uses(in: document, excluding: excluded)
        var findings: [Finding] = []
        func add(_ rule: String, _ use: Use, _ message: String) {
            // The level is the catalogue's (CheckRuleCatalogue.own), so the rule list and the findings agree.
            let level = CheckRuleCatalogue.own.first { $0.id == rule }?.level ?? .warning
            findings.append(Finding(rule: rule, level: level, document: document, range: use.range, message: message,
                                    category: Masking.pseudonymCategory))
        }
        for use in uses where LetterSequence.skipped.contains(use.letter) {
            let why = use.letter == "A" ? "it reads as an article" : "the house style skips I, O and Q"
            add(CheckRuleID.skippedLetter, use, "the pseudonym letter \(use.letter) is never used (\(why))")
        }
        let byLetter = Dictionary(grouping: uses, by: \.letter)
        for letter in byLetter.keys.sorted() {
            let letterUses = byLetter[letter]!
            // The same letter with two titles of one gender: "Mrs X" and "Miss X".
            let titledUses = letterUses.filter { $0.kind == .titled }
            for gender in [Title.Gender.female, .male] {
                var counts: [String: (count: Int, first: Int)] = [:]
                for use in titledUses {
                    for title in use.titles where title.gender == gender {
                        counts[title.text, default: (0, use.range.lowerBound)].count += 1
                    }
                }
                guard counts.count > 1 else { continue }
                let ranked = counts.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first }
                let chosen = ranked[0].key
                let all = ranked.map(\.key).sorted().joined(separator: ", ")
                for use in titledUses where use.titles.contains(where: { $0.gender == gender && $0.text != chosen }) {
                    add(CheckRuleID.twoTitles, use, "the letter \(letter) is written with two titles (\(all)); use \(chosen) throughout")
                }
            }
            // One letter for two people: a child and a titled adult, or a son and a daughter.
            let children = letterUses.filter { $0.kind == .child }
            if !children.isEmpty, let adult = titledUses.first {
                let title = adult.titles.first.map { "\($0.text) \(letter)" } ?? String(letter)
                for use in children {
                    add(CheckRuleID.letterReused, use, "the letter \(letter) is used for a child here and for an adult (\(title)) elsewhere")
                }
            } else {
                let genders = children.map { Relations.children[$0.relation ?? ""] ?? .unknown }
                if let firstKnown = genders.first(where: { $0 != .unknown }) {
                    for (use, gender) in zip(children, genders) where gender != .unknown && gender != firstKnown {
                        add(CheckRuleID.letterReused, use, "the letter \(letter) is used for a son and for a daughter")
                    }
                }
            }
            for use in letterUses where use.kind == .adultBare {
                add(CheckRuleID.bareLetterAdult, use,
                    "an adult (\(use.relation ?? "relative")) has a bare letter; only children are written without a title")
            }
        }
        return findings
    }
}
