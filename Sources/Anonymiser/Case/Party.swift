import Foundation

/// A person registered in a case before its documents are redacted (`case add`, `case import`).
public struct Party: Sendable, Equatable {
    /// The real name as staff type it: "Jane Whitfield", "Pieter van der Berg".
    public var name: String
    /// The surname when the name alone is ambiguous ("Mary Jane" given names, "Whitfield Smith").
    public var surname: String?
    public var title: String?
    /// "complainant" marks the complainant; for staff, how the published text names them
    /// ("the social worker"); otherwise a description kept for staff ("mother", "neighbour").
    public var role: String?
    /// A pseudonym chosen in advance: "Mrs X", "X".
    public var pseudonym: String?
    /// Other names they go by: nicknames, maiden names ("Janey", "Jane Smith").
    public var aliases: [String]
    public var kind: Person.Kind
    public var note: String?

    public init(name: String, surname: String? = nil, title: String? = nil, role: String? = nil, pseudonym: String? = nil,
                aliases: [String] = [], kind: Person.Kind = .adult, note: String? = nil) {
        self.name = name
        self.surname = surname
        self.title = title
        self.role = role
        self.pseudonym = pseudonym
        self.aliases = aliases
        self.kind = kind
        self.note = note
    }
}

/// A party checked and broken into the parts the registry stores.
struct ResolvedParty {
    var given: [String]
    var surname: String?
    var title: Title?
    var role: String?
    var letter: Character?
    var pseudonymText: String?
    var aliases: [String]
    var kind: Person.Kind
    var complainant: Bool
    var note: String?

    init(_ party: Party) throws {
        let name = party.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw UsageError("a name is required") }
        if let text = party.title?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let parsed = Title(text) else {
                throw UsageError("unknown title \(text.debugDescription) (Mr, Mrs, Miss, Ms, Mx, Dr, …)")
            }
            title = parsed
        }
        if let text = party.pseudonym?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard party.kind != .staff else {
                throw UsageError("staff are referred to by their role, not a pseudonym letter; leave out the pseudonym")
            }
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let last = words.last, last.count == 1, let character = last.uppercased().first, character.isASCII, character.isLetter else {
                throw UsageError("pseudonym \(text.debugDescription) is not a letter with an optional title, such as \"Mrs X\" or \"X\"")
            }
            guard LetterSequence.houseStyle.letters.contains(character) else {
                throw UsageError("pseudonym \(text.debugDescription): house style never uses A, I, O or Q")
            }
            if words.count == 2, words[0].lowercased() != "child" {
                guard let pseudonymTitle = Title(words[0]) else {
                    throw UsageError("pseudonym \(text.debugDescription) does not start with a title (Mr, Mrs, Miss, Ms, Dr, …)")
                }
                if let title, title != pseudonymTitle {
                    throw UsageError("pseudonym \(text.debugDescription) has the title \(pseudonymTitle) but the title given is \(title)")
                }
                title = pseudonymTitle
            } else if words.count > 2 {
                throw UsageError("pseudonym \(text.debugDescription) is not a letter with an optional title, such as \"Mrs X\" or \"X\"")
            }
            letter = character
            pseudonymText = words.dropLast().map { $0 + " " }.joined() + String(character)
        }
        kind = party.kind
        role = party.role?.trimmingCharacters(in: .whitespacesAndNewlines)
        if role?.isEmpty == true { role = nil }
        complainant = role?.lowercased() == "complainant"
        if complainant { role = "complainant" }
        if kind == .staff {
            guard let role, !complainant else {
                throw UsageError("staff need the role the published text names them by, e.g. --role \"the social worker\"")
            }
            _ = role
        }
        (given, surname) = NameVariants.split(name, surname: party.surname, hasTitle: title != nil)
        aliases = party.aliases.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        note = party.note.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every initial of the real name (house style: never a pseudonym in the case).
    var realInitials: Set<Character> {
        var result = Set(given.compactMap { $0.first.map { Character($0.uppercased()) } })
        for part in (surname ?? "").split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if let first = part.first { result.insert(Character(first.uppercased())) }
        }
        return result
    }

    /// A husband, wife or partner shares the letter of their spouse when they share a surname.
    var isSpouse: Bool {
        Relations.isSpouse(role?.lowercased())
    }

    /// Whether a registered person is this party: same surname, compatible first name,
    /// title and kind.
    func sameAs(_ row: PersonRecord, given: [String], surname: String?) -> Bool {
        guard row.surname == surname, (row.personKind == .staff) == (kind == .staff) else { return false }
        let rowGiven = row.givenNameList
        if !rowGiven.isEmpty && !given.isEmpty && rowGiven.first != given.first { return false }
        if surname == nil && (rowGiven.isEmpty || given.isEmpty) { return false }
        if let title, let rowTitle = row.title.flatMap({ Title($0) }),
           title.gender != .unknown, rowTitle.gender != .unknown, title.gender != rowTitle.gender { return false }
        return true
    }

    /// Spouses may hold one letter: two adults, the same surname, titles of either gender.
    func canShare(with holders: [PersonRecord], surname: String?) -> Bool {
        guard holders.count == 1, let holder = holders.first, kind == .adult, holder.personKind == .adult,
              let surname, holder.surname == surname,
              let mine = title?.gender, let theirs = holder.title.flatMap({ Title($0) })?.gender,
              mine != .unknown, theirs != .unknown else { return false }
        return mine != theirs
    }
}
