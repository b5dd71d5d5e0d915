/// How house style writes a person: "Mrs X" for an adult with a title, a bare "X" for a child,
/// for Mx or when no title is known, and staff by their role ("the social worker").
enum PseudonymText {
    /// The letter with the title house style shows, if any.
    static func lettered(_ letter: Character, kind: Person.Kind, title: Title?) -> String {
        guard kind != .child, let title, title.showsInPseudonym else { return String(letter) }
        return "\(title.text) \(letter)"
    }

    /// "Mr and Mrs X": two adults of the family, of either gender, who share the letter.
    static func couple(_ letter: Character, people: [Person]) -> String? {
        let partners = people.filter { $0.letter == letter && $0.kind == .adult }
        guard partners.count == 2, let male = partners.first(where: { $0.gender == .male })?.title,
              let female = partners.first(where: { $0.gender == .female })?.title else { return nil }
        return "\(male.text) and \(female.text) \(letter)"
    }

    /// The noun of a role, without its determiner or possessor: "the social worker" → "social
    /// worker"; "her GP" → "GP"; "Jane's GP" → "GP" (never a name).
    static func roleNoun(_ role: String) -> String {
        var role = Substring(role)
        for possessive in ["'s ", "’s "] {
            if let found = role.range(of: possessive, options: .backwards) { role = role[found.upperBound...] }
        }
        if role.count < 1 { return String(role) }
        let words = role.split(separator: " ", maxSplits: 1)
        let determiners = ["the", "a", "an", "her", "his", "their", "its", "our", "my", "your"]
        if words.count == 2, determiners.contains(words[0].lowercased()) { return String(words[1]) }
        return String(role)
    }
}
