/// A person the document refers to, with every name form known for them.
public struct Person: Sendable {
    public enum Kind: String, Sendable { case adult, child, staff }

    /// Titles used for this person, most frequent first once linking is done.
    public var titles: [Title] = []
    /// Given names, normalised (`NameKey`).
    public var givenNames: [String] = []
    /// Initials from written initials and names.
    public var initials: Set<Character> = []
    /// Surname, normalised (`NameKey`).
    public var surname: String?
    public var relation: String?
    /// The role they are referred to by, for staff and representatives ("the social worker").
    public var role: String?
    public var isComplainant = false
    /// Byte offset of the first mention.
    public var firstOffset: Int
    /// Assigned by the pseudonymise stage, or kept from the case registry.
    public var letter: Character?
    /// The case registry's id, for a person known before this document.
    public var registryID: Int64?
    /// A kind the registry fixed (a registered child stays a child).
    public var registeredKind: Kind?
    /// Other normalised forms of the name the registry knows ("janey").
    public var aliases: [String] = []
    /// Whether this document mentions them (known people may not appear in every document).
    public var isMentioned = false
    /// A title a reviewer chose: it wins over the titles the draft uses.
    public var decidedTitle: Title?
    /// A reviewer said the name is no person (an organisation, a place): its mentions stay as written.
    public var isNotAPerson = false

    public init(firstOffset: Int) {
        self.firstOffset = firstOffset
    }

    /// A person as the case registry knows them, before this document mentions them.
    public init(known: KnownPerson) {
        firstOffset = Int.max
        registryID = known.id
        letter = known.letter
        titles = known.title.map { [$0] } ?? []
        registeredKind = known.kind
        role = known.role
        isComplainant = known.isComplainant
        givenNames = known.givenNames
        surname = known.surname
        aliases = known.aliases
        decidedTitle = known.titleDecided ? known.title : nil
        isNotAPerson = known.isNotAPerson
    }

    public var title: Title? { decidedTitle ?? titles.first }

    public var kind: Kind {
        if let registeredKind { return registeredKind }
        if role != nil { return .staff }
        if let relation, titles.isEmpty, Relations.isChild(relation) { return .child }
        return .adult
    }

    public var gender: Title.Gender {
        titles.map(\.gender).first { $0 != .unknown } ?? .unknown
    }

    /// The initial of the surname as a reader sees it ("S" of "Samuels", "B" of "van der Berg").
    public var surnameInitial: Character? {
        guard let surname else { return nil }
        let words = surname.split(separator: " ").filter { !Lexicon.surnameParticles.contains(String($0)) }
        return (words.first ?? surname.split(separator: " ").first).flatMap { NameKey.initial(of: $0) }
    }

    /// Every initial a real name of this person has: a pseudonym must not use them.
    public var realInitials: Set<Character> {
        var result = Set(initials.compactMap { NameKey.initial(of: String($0)) })
        for name in givenNames { if let initial = NameKey.initial(of: name) { result.insert(initial) } }
        if let surname {
            // "van der Berg" → B as well as V: the initial a reader would see.
            for part in surname.split(whereSeparator: { $0 == " " || $0 == "-" }) {
                if let initial = NameKey.initial(of: part) { result.insert(initial) }
            }
        }
        return result
    }
}
