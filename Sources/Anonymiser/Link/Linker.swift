/// The link stage: turns person candidates into people and finds every other form
/// of their names. "Mrs Jane Whitfield", "Mrs Whitfield", "Jane", "J Whitfield",
/// "WHITFIELD" and "Jane's" become one person; "Mr Whitfield" is her spouse.
public struct Linker: Sendable {
    public struct Result: Sendable {
        public var people: [Person]
        /// Every mention, in text order, without overlaps.
        public var mentions: [PersonMention]
    }

    let lexicon: Lexicon
    let rules: [Rule]

    public init(patterns: PatternSet) {
        lexicon = patterns.lexicon
        rules = patterns.rules
    }

    /// - Parameters:
    ///   - candidates: matches of person rules.
    ///   - blocked: byte ranges no mention may touch (allowed phrases, replaced identifiers).
    ///   - known: people the case registry already knows; they keep their identity.
    public func link(_ index: TextIndex, candidates: [Candidate], blocked: [Range<Int>], known: [KnownPerson] = []) -> Result {
        let isBlocked = RangeSet(blocked)
        var mentions = MentionBuilder(index: index, lexicon: lexicon, rules: rules)
            .mentions(from: candidates, blocked: isBlocked)
        var people = known.map(Person.init(known:))
        assignPeople(&mentions, people: &people, index: index)
        let propagated = Propagator(index: index, lexicon: lexicon, people: people)
            .mentions(excluding: RangeSet(mentions.map(\.range) + blocked))
        mentions = (mentions + propagated).sorted { $0.range.lowerBound < $1.range.lowerBound }
        finish(&people, mentions: mentions, index: index)
        return Result(people: people, mentions: mentions)
    }

    // MARK: - People

    /// Gives every mention a person, creating people as needed. The fullest mentions go
    /// first ("Mrs Jane Whitfield" before "Mrs Whitfield"), so a short form joins the
    /// person it most likely names rather than starting a new one.
    private func assignPeople(_ mentions: inout [PersonMention], people: inout [Person], index: TextIndex) {
        let order = mentions.indices.sorted { a, b in
            let (ra, rb) = (richness(mentions[a]), richness(mentions[b]))
            return ra != rb ? ra > rb : mentions[a].range.lowerBound < mentions[b].range.lowerBound
        }
        var index = PeopleIndex(people)
        for position in order {
            var mention = mentions[position]
            if mention.form == .couple {
                let surname = mention.surname.map(NameKey.normalise)
                mention.person = findOrCreate(surname: surname, title: mention.title, at: mention.range.lowerBound, people: &people, index: &index)
                mention.person2 = findOrCreate(surname: surname, title: mention.title2, at: mention.range.lowerBound, people: &people, index: &index)
                mentions[position] = mention
                continue
            }
            let match = bestPerson(for: mention, in: people, index: index)
            let personIndex: Int
            if let match {
                personIndex = match
            } else {
                people.append(Person(firstOffset: mention.range.lowerBound))
                personIndex = people.count - 1
            }
            absorb(mention, into: &people[personIndex])
            index.update(personIndex, people[personIndex])
            mention.person = personIndex
            mentions[position] = mention
        }
    }

    private func richness(_ mention: PersonMention) -> Int {
        var score = 0
        if mention.title != nil { score += 4 }
        if !mention.givenNames.isEmpty { score += 2 }
        if mention.surname != nil { score += 2 }
        if mention.role != nil { score += 1 }
        return score
    }

    private func findOrCreate(surname: String?, title: Title?, at offset: Int, people: inout [Person], index: inout PeopleIndex) -> Int {
        let gender = title?.gender ?? .unknown
        if let found = index.candidates(surname: surname, given: nil).first(where: { people[$0].surname == surname && people[$0].role == nil
            && (title?.isCompatible(with: people[$0].gender) ?? true) && (gender == .unknown || people[$0].gender != .unknown || people[$0].titles.isEmpty) }) {
            if let title { people[found].titles.append(title) }
            people[found].firstOffset = min(people[found].firstOffset, offset)
            return found
        }
        var person = Person(firstOffset: offset)
        person.surname = surname
        if let title { person.titles.append(title) }
        people.append(person)
        index.update(people.count - 1, person)
        return people.count - 1
    }

    /// The existing person a mention refers to, if any.
    private func bestPerson(for mention: PersonMention, in people: [Person], index: PeopleIndex) -> Int? {
        let surname = mention.surname.map(NameKey.normalise)
        let given = mention.givenNames.map(NameKey.normalise)
        let gender = mention.title?.gender ?? .unknown
        let initials = Set(mention.initials.compactMap { NameKey.initial(of: String($0)) })
        // A registered alias ("Jane Smith", a maiden name) names its person, whatever the patterns made of it.
        let written = (mention.givenNames.map(NameKey.normalise) + [surname].compactMap { $0 }).joined(separator: " ")
        if !written.isEmpty, let aliased = index.aliased[written] {
            return aliased
        }
        // "Thi Hoa" after "Miss Thi Hoa Nguyen": two given names read as given + surname.
        if let surname, let first = given.first,
           let whole = index.candidates(surname: nil, given: first).first(where: {
               people[$0].givenNames.contains(surname) && (people[$0].surname != surname) }) {
            return whole
        }
        let compatible = index.candidates(surname: surname, given: surname == nil ? given.first : nil).filter { candidate in
            let person = people[candidate]
            if let surname {
                guard person.surname == surname else { return false }
            } else {
                // A first name alone: the person must have that first name.
                guard let first = given.first, person.givenNames.contains(first) else { return false }
            }
            if gender != .unknown && person.gender != .unknown && gender != person.gender { return false }
            // "Mrs Nwosu, Adaeze's mother": a relation marks someone other than the complainant.
            // "Mrs Nwosu, Adaeze's mother" is not Adaeze; "her mother, Mrs Whitfield" is not the woman complaining.
            if let owner = mention.relationOwner, person.givenNames.contains(owner) { return false }
            if person.isComplainant, let pronoun = mention.relationPronoun,
               (pronoun == "her" && person.gender == .female) || (pronoun == "his" && person.gender == .male) {
                return false
            }
            if let relation = mention.relation, mention.relationFollowsName,
               person.isComplainant || (person.relation != nil && person.relation != relation) {
                return false
            }
            if let first = given.first, !person.givenNames.isEmpty, !person.givenNames.contains(first) { return false }
            if !initials.isEmpty, let given = person.givenNames.first, let personInitial = NameKey.initial(of: given),
               !initials.contains(personInitial) { return false }
            return true
        }
        guard let title = mention.title else { return compatible.first }
        return compatible.first { people[$0].titles.contains(title) }
            ?? compatible.first { people[$0].titles.isEmpty }
            ?? compatible.first
    }

    private func absorb(_ mention: PersonMention, into person: inout Person) {
        person.firstOffset = min(person.firstOffset, mention.range.lowerBound)
        if let title = mention.title { person.titles.append(title) }
        for name in mention.givenNames.map(NameKey.normalise) where !person.givenNames.contains(name) {
            person.givenNames.append(name)
        }
        person.initials.formUnion(mention.initials)
        if person.surname == nil, let surname = mention.surname { person.surname = NameKey.normalise(surname) }
        if person.relation == nil { person.relation = mention.relation }
        if let role = mention.role ?? mention.title?.impliedRole, person.role == nil { person.role = role }
        if mention.marksComplainant { person.isComplainant = true }
    }

    /// Orders each person's titles by frequency (ties: first used) and fixes first offsets.
    private func finish(_ people: inout [Person], mentions: [PersonMention], index: TextIndex) {
        for position in people.indices {
            var counts: [Title: (count: Int, first: Int)] = [:]
            for (order, title) in people[position].titles.enumerated() {
                counts[title, default: (0, order)].count += 1
            }
            people[position].titles = counts.sorted { a, b in
                a.value.count != b.value.count ? a.value.count > b.value.count : a.value.first < b.value.first
            }.map(\.key)
        }
        for mention in mentions {
            for person in [mention.person, mention.person2].compactMap({ $0 }) {
                people[person].firstOffset = min(people[person].firstOffset, mention.range.lowerBound)
                people[person].isMentioned = true
            }
        }
        markComplainantByVerb(&people, mentions: mentions, index: index)
    }

    /// Without an explicit cue, the complainant is the first person who "complains".
    private func markComplainantByVerb(_ people: inout [Person], mentions: [PersonMention], index: TextIndex) {
        guard !people.contains(where: \.isComplainant) else { return }
        for mention in mentions {
            guard let person = mention.person, people[person].role == nil else { continue }
            let next = index.firstToken(atOrAfter: mention.range.upperBound)
            let window = (next..<min(next + 3, index.tokens.count)).map { index.key($0) }
            if window.contains(where: { $0.hasPrefix("complain") }) {
                people[person].isComplainant = true
                if let other = mention.person2 { people[other].isComplainant = true }
                return
            }
        }
    }
}

/// People by surname, by given name and by alias, so matching a mention does not scan
/// everyone (a long document can name thousands of people).
struct PeopleIndex {
    private var bySurname: [String: [Int]] = [:]
    private var byGiven: [String: [Int]] = [:]
    private(set) var aliased: [String: Int] = [:]
    private var indexed: [Int: (surname: String?, given: [String], aliases: [String])] = [:]

    init(_ people: [Person]) {
        for (position, person) in people.enumerated() { update(position, person) }
    }

    /// Records a new or changed person (names only ever get added).
    mutating func update(_ position: Int, _ person: Person) {
        let known = indexed[position]
        if let surname = person.surname, known?.surname != surname { bySurname[surname, default: []].append(position) }
        for name in person.givenNames where !(known?.given.contains(name) ?? false) { byGiven[name, default: []].append(position) }
        for alias in person.aliases where aliased[alias] == nil { aliased[alias] = position }
        indexed[position] = (person.surname, person.givenNames, person.aliases)
    }

    /// People who could be meant, in creation order: by surname when there is one, else by first name.
    func candidates(surname: String?, given: String?) -> [Int] {
        if let surname { return bySurname[surname] ?? [] }
        if let given { return byGiven[given] ?? [] }
        return []
    }
}

/// A set of byte ranges with a fast overlap test: the ranges, which may overlap, are merged
/// into their disjoint union, so every query is a binary search however they are laid out.
struct RangeSet: Sendable {
    private var union = DisjointRanges()

    init(_ ranges: [Range<Int>]) {
        var merged: [Range<Int>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        for range in merged { union.insert(range) }
    }

    func overlaps(_ range: Range<Int>) -> Bool { union.overlaps(range) }
}
