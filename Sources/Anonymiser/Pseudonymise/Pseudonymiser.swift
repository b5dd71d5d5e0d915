/// The pseudonymise stage: gives each person a letter by house style and words each
/// mention as the published text must read it.
public struct Pseudonymiser: Sendable {
    public let sequence: LetterSequence

    public init(sequence: LetterSequence = .houseStyle) {
        self.sequence = sequence
    }

    /// Assigns letters: the complainant first, then by first appearance. A spouse (same
    /// surname, the other title) shares the letter; staff get none — they are named by role.
    public func assignLetters(to people: inout [Person], case context: CaseContext? = nil) {
        let realInitials = people.reduce(into: context?.realInitials ?? []) { $0.formUnion($1.realInitials) }
        var used = Set(people.compactMap(\.letter)).union(context?.usedLetters ?? [])
        let order = people.indices.sorted { a, b in
            if people[a].isComplainant != people[b].isComplainant { return people[a].isComplainant }
            return people[a].firstOffset < people[b].firstOffset
        }
        var bySurname: [String: [Int]] = [:]
        for (position, person) in people.enumerated() {
            if let surname = person.surname { bySurname[surname, default: []].append(position) }
        }
        for position in order where people[position].letter == nil && people[position].kind != .staff {
            if let spouse = spouse(of: position, in: people, sameSurname: bySurname[people[position].surname ?? ""] ?? []) {
                people[position].letter = people[spouse].letter
                continue
            }
            guard let letter = sequence.next(used: used, realInitials: realInitials) else { continue }
            people[position].letter = letter
            used.insert(letter)
        }
    }

    /// An adult already lettered who shares the surname and has the other title's gender.
    private func spouse(of position: Int, in people: [Person], sameSurname: [Int]) -> Int? {
        let person = people[position]
        guard person.kind == .adult, let surname = person.surname else { return nil }
        let spouseRelation = Relations.isSpouse(person.relation)
        if person.relation != nil && !spouseRelation { return nil }
        return sameSurname.first { other in
            let candidate = people[other]
            guard other != position, candidate.letter != nil, candidate.kind == .adult, candidate.surname == surname else { return false }
            // "her mother, Mrs Adeyemi" and "her late husband, Mr Adeyemi" are a couple; a sister
            // and a father who share a surname are not: without a spouse word, neither may be a relative.
            if !spouseRelation && !Relations.isSpouse(candidate.relation) && candidate.relation != nil { return false }
            let genders = (person.gender, candidate.gender)
            let differ = genders.0 != .unknown && genders.1 != .unknown && genders.0 != genders.1
            // Only one partner per letter: nobody of this person's gender may already hold it.
            let letterFree = !sameSurname.contains { third in
                third != other && people[third].letter == candidate.letter && people[third].gender == person.gender
            }
            return (differ || spouseRelation) && letterFree
        }
    }

    /// The text that replaces a mention.
    public func replacement(for mention: PersonMention, people: [Person], atSentenceStart: Bool) -> String {
        guard let personIndex = mention.person else { return "" }
        let person = people[personIndex]
        var text: String
        if let role = person.role {
            switch mention.form {
            case .staffAppositionBefore: return ""
            case .staffAppositionAfter: text = mention.role ?? role
            default: text = "the " + PseudonymText.roleNoun(role)
            }
        } else if let letter = person.letter {
            switch mention.form {
            case .family:
                text = "the family"
            case .familyName:
                text = PseudonymText.couple(letter, people: people) ?? "the family"
            case .coupleByGivenNames:
                let second = mention.person2.flatMap { people[$0].letter } ?? letter
                let partner = mention.person2.map { people[$0] }
                if second == letter, let label = PseudonymText.couple(letter, people: people) {
                    text = label
                } else {
                    text = label(for: person, letter: letter, mentionTitle: nil) + " and "
                        + (partner.map { label(for: $0, letter: second, mentionTitle: nil) } ?? String(second))
                }
            case .couple:
                let second = mention.person2.flatMap { people[$0].letter } ?? letter
                let titles = [mention.title, mention.title2].compactMap { $0?.text }
                if titles.count == 2 {
                    // Two people, so never one bare letter: "Mr and Mrs X", or each with their own.
                    text = second == letter ? "\(titles[0]) and \(titles[1]) \(letter)" : "\(titles[0]) \(letter) and \(titles[1]) \(second)"
                } else {
                    text = second == letter ? "\(letter)" : "\(letter) and \(second)"
                }
            default:
                text = label(for: person, letter: letter, mentionTitle: mention.title)
            }
        } else {
            text = Placeholders.name
        }
        if let possessive = mention.possessive { text += possessive }
        if atSentenceStart, let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        return text
    }

    /// "Mrs X", or a bare "X" for a child, for Mx, or when no title is known.
    func label(for person: Person, letter: Character, mentionTitle: Title?) -> String {
        PseudonymText.lettered(letter, kind: person.kind, title: person.title ?? mentionTitle)
    }
}
