/// Person-level decisions — another letter, another title, staff named by role, not a person —
/// applied to people before a document is redacted, so every mention follows them.
///
/// In a case they are stored in the case registry (`CaseStore.apply`), so later documents of
/// the case follow them too. A one-off document has no registry: its people, as a first pass
/// found them, become a case of its own for a second pass (`context(for:)`), which gives the
/// same letters to everyone the decisions do not touch.
public struct PersonDecisions: Sendable {
    public let decisions: [Decisions.PersonDecision]
    public let fingerprinter: Fingerprinter
    /// The decisions file, for messages.
    public let source: String

    public init(decisions: [Decisions.PersonDecision], fingerprinter: Fingerprinter, source: String) {
        self.decisions = decisions
        self.fingerprinter = fingerprinter
        self.source = source
    }

    public var isEmpty: Bool { decisions.isEmpty }

    /// One decided change to a person as the registry or the pipeline holds them.
    struct Change {
        var letter: Character?
        var title: Title?
        var titleDecided: Bool
        var role: String?
        var kind: Person.Kind
        var notAPerson: Bool
    }

    /// How two staff roles are compared: "The Housing Officer " is "the housing officer".
    static func roleKey(_ role: String) -> String { role.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Applies the decisions for one person (by fingerprint) to their current state.
    /// `othersLetters`: letters held by everyone else; `realInitials`: of everyone in the case,
    /// this person included (their own initial would point at them); `othersRoles`: staff roles
    /// of everyone else (`roleKey`).
    func change(_ current: Change, fingerprint: String, othersLetters: Set<Character>, realInitials: Set<Character>,
                othersRoles: Set<String> = []) throws -> (Change, [Decisions.PersonDecision]) {
        var state = current
        let mine = decisions.filter { $0.fingerprint == fingerprint }
        for decision in mine {
            switch decision.decision {
            case .letter:
                let letter = Character(decision.letter!)
                if letter != current.letter {
                    if othersLetters.contains(letter) {
                        throw InputError(path: source, problem: "the letter \(letter) is already someone else's in this case; choose another")
                    }
                    if realInitials.contains(letter) {
                        throw InputError(path: source, problem: "\(letter) is a real initial of someone in the case, so it cannot be a pseudonym (house style)")
                    }
                }
                state.letter = letter
                if state.kind == .staff { state.kind = .adult; state.role = nil }
            case .title:
                state.title = Title(decision.title!)
                state.titleDecided = true
            case .staff:
                if othersRoles.contains(PersonDecisions.roleKey(decision.role!)) {
                    throw InputError(path: source, problem: "the role \"\(decision.role!.trimmingCharacters(in: .whitespaces))\" is already someone else's in this case: "
                        + "two people named by one role would read as one; choose another")
                }
                state.kind = .staff
                state.role = decision.role!.trimmingCharacters(in: .whitespaces)
            case .notAPerson:
                state.notAPerson = true
            case .person:
                state.notAPerson = false
            }
        }
        return (state, mine)
    }

    /// A one-off document's people, as its first pass found them, with the decisions applied:
    /// the case the second pass is redacted in. Also the decisions that matched someone.
    public func context(for people: [Person], reference: String) throws -> (CaseContext, [(decision: Decisions.PersonDecision, pseudonym: String)]) {
        let named = people.filter { $0.isMentioned && (!$0.givenNames.isEmpty || $0.surname != nil) }
        let realInitials = named.reduce(into: Set<Character>()) { $0.formUnion($1.realInitials) }
        var known: [KnownPerson] = []
        var matched: [(Decisions.PersonDecision, String)] = []
        for (position, person) in named.enumerated() {
            let others = Set(named.enumerated().filter { $0.offset != position }.compactMap(\.element.letter))
            let current = Change(letter: person.letter, title: person.title, titleDecided: false, role: person.role, kind: person.kind,
                                 notAPerson: person.isNotAPerson)
            // Roles as decided for those before, as found for those after.
            let othersRoles = Set(known.filter { $0.kind == .staff }.compactMap { $0.role.map(PersonDecisions.roleKey) })
                .union(named.dropFirst(position + 1).filter { $0.kind == .staff }.compactMap { $0.role.map(PersonDecisions.roleKey) })
            let (state, applied) = try change(current, fingerprint: fingerprinter.fingerprint(of: person), othersLetters: others,
                                              realInitials: realInitials, othersRoles: othersRoles)
            var entry = KnownPerson(
                id: -Int64(position + 1), letter: state.letter, title: state.title, kind: state.kind,
                role: state.kind == .staff ? state.role : nil, isComplainant: person.isComplainant,
                givenNames: person.givenNames, surname: person.surname, aliases: person.aliases)
            entry.titleDecided = state.titleDecided
            entry.isNotAPerson = state.notAPerson
            known.append(entry)
            for decision in applied { matched.append((decision, PersonDecisions.pseudonym(entry))) }
        }
        return (CaseContext(reference: reference, people: known, realInitials: realInitials), matched)
    }

    /// How the published text names a person.
    static func pseudonym(_ person: KnownPerson) -> String {
        if person.isNotAPerson { return "(not a person)" }
        if person.kind == .staff { return person.role ?? "(by role)" }
        guard let letter = person.letter else { return "(no letter)" }
        return PseudonymText.lettered(letter, kind: person.kind, title: person.title)
    }
}

extension CaseContext {
    /// The case with these people (by fingerprint) no longer marked "not a person": what the
    /// document would be without that decision.
    func withPeopleAgain(_ fingerprints: Set<String>, fingerprinter: Fingerprinter) -> CaseContext {
        var context = self
        for index in context.people.indices
        where fingerprints.contains(fingerprinter.fingerprint(givenNames: context.people[index].givenNames, surname: context.people[index].surname)) {
            context.people[index].isNotAPerson = false
        }
        return context
    }
}
