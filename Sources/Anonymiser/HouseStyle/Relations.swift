/// The relation words of house style: a relative named with one ("her son, Y", "his mother,
/// Mrs Z") is pseudonymised like anyone else, and the word decides how.
///
/// - A child relation without a title makes a child: a bare letter ("her son, Y").
/// - A spouse word lets two adults of one surname share a letter ("Mr and Mrs X").
/// - The adult relations are the other words `check` reads before a bare letter.
public enum Relations {
    /// Child relations, with the gender each implies.
    static let children: [String: Title.Gender] = [
        "son": .male, "daughter": .female, "child": .unknown, "children": .unknown, "boy": .male, "girl": .female,
        "baby": .unknown, "grandson": .male, "granddaughter": .female, "grandchild": .unknown, "nephew": .male,
        "niece": .female, "stepson": .male, "stepdaughter": .female, "step-son": .male, "step-daughter": .female,
        "twin": .unknown, "foster child": .unknown, "foster son": .male, "foster daughter": .female,
    ]

    static let adults: Set<String> = [
        "mother", "father", "husband", "wife", "partner", "grandmother", "grandfather", "grandparent", "aunt", "uncle",
        "neighbour", "friend", "landlord", "landlady", "carer", "stepmother", "stepfather", "mother-in-law",
        "father-in-law", "sister-in-law", "brother-in-law", "son-in-law", "daughter-in-law", "ex-partner",
        "ex-husband", "ex-wife", "fiancé", "fiancée", "fiance", "fiancee",
    ]

    static let spouses = ["wife", "husband", "partner", "spouse"]

    /// "son", "her late son", "eldest daughter": the relation ends with a child word.
    static func isChild(_ relation: String) -> Bool {
        children.keys.contains { endsWithWord($0, relation) }
    }

    /// "wife", "her late husband", "ex-partner".
    static func isSpouse(_ relation: String?) -> Bool {
        guard let relation else { return false }
        return spouses.contains { endsWithWord($0, relation) }
    }

    /// Whether the relation is the word or ends with it after a non-letter ("her late son",
    /// "ex-wife", "husband/partner"; not "person").
    private static func endsWithWord(_ word: String, _ relation: String) -> Bool {
        guard relation.hasSuffix(word) else { return false }
        let before = relation.dropLast(word.count).last
        return !(before?.isLetter ?? false)
    }
}
