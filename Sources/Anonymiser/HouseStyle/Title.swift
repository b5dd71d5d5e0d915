/// A courtesy or professional title as written in a draft (Mr, Mrs, Dr, Cllr...).
public struct Title: Hashable, Sendable, CustomStringConvertible {
    public enum Gender: Sendable { case male, female, unknown }

    /// The title as the pseudonym shows it: the draft's own word, without a full stop.
    public let text: String

    public init?(_ word: String) {
        let trimmed = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard let canonical = Title.canonical[trimmed.lowercased()] else { return nil }
        text = canonical
    }

    public var description: String { text }

    /// Whether a word starting with this byte may be a title: every title starts with an
    /// ASCII letter, and no other character lower-cases to one that starts a title. Lets a
    /// scan of every word skip the rest cheaply.
    static func mayStart(with byte: UInt8) -> Bool { initialBytes.contains(byte | 0x20) }

    private static let initialBytes = Set(canonical.keys.compactMap(\.utf8.first))

    private static let canonical: [String: String] = [
        "mr": "Mr", "mrs": "Mrs", "miss": "Miss", "ms": "Ms", "mx": "Mx", "dr": "Dr", "prof": "Prof",
        "professor": "Professor", "rev": "Rev", "revd": "Revd", "reverend": "Reverend", "sir": "Sir", "dame": "Dame",
        "lady": "Lady", "lord": "Lord", "cllr": "Cllr", "councillor": "Councillor",
        "pc": "PC", "pcso": "PCSO", "dc": "DC", "ds": "DS", "di": "DI", "sgt": "Sgt", "insp": "Insp",
        "inspector": "Inspector", "sergeant": "Sergeant", "constable": "Constable",
    ]

    public var gender: Gender {
        switch text {
        case "Mr", "Sir", "Lord": return .male
        case "Mrs", "Miss", "Ms", "Dame", "Lady": return .female
        default: return .unknown
        }
    }

    /// The titles a pseudonym is written with ("Mrs X", "Dr Y"), longest first where one
    /// begins another, as `check` and the name stage read them.
    static let pseudonymTitles = ["Mrs", "Mr", "Miss", "Ms", "Mx", "Dr"]

    /// Mx (and an unknown title) gives a bare letter: the title itself could identify.
    public var showsInPseudonym: Bool { text != "Mx" }

    /// A councillor or a police officer is named by role, never by letter.
    public var impliedRole: String? {
        switch text {
        case "Cllr", "Councillor": return "the councillor"
        case "PC", "PCSO", "DC", "DS", "DI", "Sgt", "Insp", "Inspector", "Sergeant", "Constable": return "the police officer"
        default: return nil
        }
    }

    func isCompatible(with gender: Gender) -> Bool {
        self.gender == .unknown || gender == .unknown || self.gender == gender
    }
}
