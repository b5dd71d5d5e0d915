/// What the case registry already knows when a document of the case is redacted:
/// its people with their pseudonyms and every name variant, and the letters and real
/// initials used anywhere in the case. The pipeline keeps known people's letters, finds
/// every registered variant as a deny list, and never reuses a letter of the case.
public struct CaseContext: Sendable, Equatable {
    public var reference: String
    public var people: [KnownPerson]
    /// Letters used by anyone in the case (never given to a new person).
    public var usedLetters: Set<Character>
    /// Real initials of everyone in the case (never used as a new letter).
    public var realInitials: Set<Character>

    public init(reference: String, people: [KnownPerson] = [], usedLetters: Set<Character> = [], realInitials: Set<Character> = []) {
        self.reference = reference
        self.people = people
        self.usedLetters = usedLetters.union(people.compactMap(\.letter))
        self.realInitials = realInitials
    }
}

/// A person of the case as the registry holds them.
public struct KnownPerson: Sendable, Equatable {
    /// The registry's id for them, opaque to the pipeline.
    public var id: Int64
    public var letter: Character?
    public var title: Title?
    public var kind: Person.Kind
    /// For staff and representatives: the role they are named by ("the social worker").
    public var role: String?
    public var isComplainant: Bool
    /// Normalised given names (NameKey).
    public var givenNames: [String]
    /// Normalised surname (NameKey).
    public var surname: String?
    /// Other normalised forms to find anywhere (nicknames, maiden names, "janey", "jane smith").
    public var aliases: [String]
    /// The title was chosen by a reviewer: it wins over the draft's.
    public var titleDecided = false
    /// A reviewer said this name is no person: its mentions are not replaced.
    public var isNotAPerson = false

    /// Every normalised form the registry knows them by: aliases, the full name, the surname.
    var nameForms: [String] {
        aliases + [(givenNames + [surname].compactMap { $0 }).joined(separator: " "), surname].compactMap { $0 }.filter { !$0.isEmpty }
    }

    public init(id: Int64, letter: Character?, title: Title?, kind: Person.Kind, role: String? = nil, isComplainant: Bool = false,
                givenNames: [String] = [], surname: String? = nil, aliases: [String] = []) {
        self.id = id
        self.letter = letter
        self.title = title
        self.kind = kind
        self.role = role
        self.isComplainant = isComplainant
        self.givenNames = givenNames
        self.surname = surname
        self.aliases = aliases
    }
}

extension KnownPerson {
    /// The same person with a reviewer's title choice and not-a-person mark.
    func decided(title: Bool, notAPerson: Bool) -> KnownPerson {
        var person = self
        person.titleDecided = title
        person.isNotAPerson = notAPerson
        return person
    }
}
