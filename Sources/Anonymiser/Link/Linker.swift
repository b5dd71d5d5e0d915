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
    private let authorities = AuthorityNames()

    public init(patterns: PatternSet) {
        lexicon = patterns.lexicon
        rules = patterns.rules
    }

    /// - Parameters:
    ///   - candidates: matches of person rules.
    ///   - blocked: byte ranges no mention may touch (allowed phrases, replaced identifiers).
    ///   - known: people the case registry already knows; they keep their identity.
    ///   - notNames: byte ranges where a lone first name is something else (a place, a flagged detail).
    public func link(_ index: TextIndex, candidates: [Candidate], blocked: [Range<Int>], known: [KnownPerson] = [],
                     notNames: [Range<Int>] = []) -> Result {
        let isBlocked = RangeSet(blocked)
        // "West Berkshire" where the text names West Berkshire Council: the body complained about.
        let authorities = (try? self.authorities.names(in: index.document)) ?? []
        var mentions = MentionBuilder(index: index, lexicon: lexicon, rules: rules)
            .mentions(from: candidates, blocked: isBlocked)
            .filter { $0.title != nil || !authorities.contains(NameKey.normalise(index.document.string($0.range))) }
        var people = known.map(Person.init(known:))
        assignPeople(&mentions, people: &people, index: index)
        var keys: [String] = []  // every token's key, made once for the propagation rounds (when someone is known)
        propagate(&mentions, people: &people, index: index, keys: &keys, blocked: blocked)
        // First names alone that nothing above explains ("Henrietta has a place at…").
        var lone = LoneGivenNames(index: index, lexicon: lexicon)
            .mentions(excluding: RangeSet(mentions.map(\.range) + blocked + notNames))
        if !lone.isEmpty {
            assignPeople(&lone, people: &people, index: index)
            mentions += lone
            propagate(&mentions, people: &people, index: index, keys: &keys, blocked: blocked)
        }
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        absorbPrecedingInitials(&mentions, people: people, index: index, blocked: isBlocked)
        finish(&people, mentions: mentions, index: index)
        keepComplainantsOutOfRoles(&people, mentions: &mentions, index: index)
        return Result(people: people, mentions: mentions)
    }

    /// Adds every other form of the people's names. A round may find someone new ("Xiaoyan
    /// Wang" beside Mr Wang), whose own forms the next round finds.
    private func propagate(_ mentions: inout [PersonMention], people: inout [Person], index: TextIndex, keys: inout [String], blocked: [Range<Int>]) {
        // Every form the rounds find is a form of someone known: with no one, there is nothing to find.
        guard !people.isEmpty else { return }
        if keys.isEmpty { keys = index.tokens.indices.map(index.key) }
        for _ in 0..<4 {
            var propagated = Propagator(index: index, lexicon: lexicon, people: people, keys: keys)
                .mentions(excluding: RangeSet(mentions.map(\.range) + blocked))
            let hasNewPeople = propagated.contains { $0.person == nil }
            assignPeople(&propagated, people: &people, index: index)
            mentions += propagated
            if !hasNewPeople { return }
        }
    }

    /// "EW" before "Mac Gavenda", "J.R." before "Lyle": initials a rule left outside the mention of
    /// their surname belong to it when they fit the person, so no "EW Mr X" is written.
    private func absorbPrecedingInitials(_ mentions: inout [PersonMention], people: [Person], index: TextIndex, blocked: RangeSet) {
        let tokens = index.tokens
        for position in mentions.indices {
            let mention = mentions[position]
            guard let person = mention.person, mention.title == nil, mention.initials.isEmpty, mention.form == .untitled else { continue }
            let first = index.firstToken(atOrAfter: mention.range.lowerBound)
            var cursor = first
            var letters: [Character] = []
            while cursor > 0, letters.count < 3 {
                let gap = index.document.string(index.gap(before: cursor))
                guard gap == " " || gap == ". " || gap == "." else { break }
                let candidate = tokens[cursor - 1]
                let text = index.text(cursor - 1)
                let isInitial = candidate.kind == .word && candidate.isCapitalised && text.count == 1
                // Run-together initials ("JR Smith") are followed by a space, never a full stop ("…3BT. Bradly").
                let isRun = letters.isEmpty && gap == " " && NameParts.isRunOfInitials(cursor - 1, in: index, lexicon: lexicon)
                guard isInitial || isRun, Title(text) == nil else { break }
                letters.insert(contentsOf: text, at: 0)
                cursor -= 1
                if isRun { break }
            }
            guard cursor < first, let initial = letters.first.flatMap({ NameKey.initial(of: String($0)) }),
                  people[person].givenNames.isEmpty || people[person].realInitials.contains(initial) else { continue }
            let start = tokens[cursor].range.lowerBound
            if position > 0, mentions[position - 1].range.upperBound > start { continue }
            if blocked.overlaps(start..<mention.range.lowerBound) { continue }
            mentions[position].range = start..<mention.range.upperBound
            mentions[position].initials = letters
        }
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
        for position in order where mentions[position].person == nil {
            var mention = mentions[position]
            if mention.form == .couple {
                let surname = mention.surname.map(NameKey.normalise)
                mention.person = findOrCreate(surname: surname, title: mention.title, at: mention.range.lowerBound, people: &people, index: &index)
                mention.person2 = findOrCreate(surname: surname, title: mention.title2, at: mention.range.lowerBound, people: &people, index: &index)
                mentions[position] = mention
                continue
            }
            if mention.form == .coupleByGivenNames {
                // Each partner is a person of their own, found by given name and surname.
                for (given, second) in [(mention.givenNames, false), (mention.givenNames2, true)] {
                    var single = mention
                    single.form = .untitled
                    single.givenNames = given
                    let found = bestPerson(for: single, in: people, index: index) ?? {
                        people.append(Person(firstOffset: mention.range.lowerBound))
                        return people.count - 1
                    }()
                    absorb(single, into: &people[found])
                    index.update(found, people[found])
                    if second { mention.person2 = found } else { mention.person = found }
                }
                mentions[position] = mention
                continue
            }
            // "Mac Ottosen", "Van Dyke" read as a first name and a surname, where someone's surname is the two words.
            if let surname = mention.surname, mention.givenNames.count == 1 {
                let joined = NameKey.normalise(mention.givenNames[0] + " " + surname)
                if !index.candidates(surname: joined, given: nil).isEmpty {
                    mention.givenNames = []
                    mention.surname = joined
                }
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
        let isChild = mention.title == nil && mention.relation.map(Relations.isChild) == true
        func fits(_ candidate: Int, surname: String?, given: [String]) -> Bool {
            let person = people[candidate]
            // A registered nickname is a given name of theirs too: "Janey Whitfield" is Jane Whitfield.
            func hasGivenName(_ name: String) -> Bool { person.givenNames.contains(name) || person.aliases.contains(name) }
            if let surname {
                guard person.surname == surname else { return false }
            } else {
                // A first name alone: the person must have that first name.
                guard let first = given.first, hasGivenName(first) else { return false }
            }
            if gender != .unknown && person.gender != .unknown && gender != person.gender { return false }
            if let first = given.first, !person.givenNames.isEmpty, !hasGivenName(first) { return false }
            if !initials.isEmpty, let given = person.givenNames.first, let personInitial = NameKey.initial(of: given),
               !initials.contains(personInitial) { return false }
            // A child ("Child: Tom Cole") is not the complainant of the same name.
            if isChild && person.isComplainant { return false }
            // The same given name and surname is the same person, whatever relation a sentence gives
            // them ("her daughter, Mrs Jane Whitfield" beside "Mrs Jane Whitfield complains").
            if let first = given.first, surname != nil, hasGivenName(first) { return true }
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
            return true
        }
        var compatible = index.candidates(surname: surname, given: surname == nil ? given.first : nil).filter {
            fits($0, surname: surname, given: given)
        }
        // "Tom Whitfield" after "her son, Tom": someone known by a first name alone gains the surname,
        // unless someone of that surname already has that first name.
        if compatible.isEmpty, surname != nil, let first = given.first {
            compatible = index.candidates(surname: nil, given: first).filter { people[$0].surname == nil && fits($0, surname: nil, given: given) }
        }
        // "Mrs ER S" beside Mrs Eira Samuels: a surname written as its initial.
        if compatible.isEmpty, let surname, surname.count == 1, let letter = NameKey.initial(of: surname) {
            compatible = people.indices.filter { candidate in
                people[candidate].surnameInitial == letter && people[candidate].role == nil
                    && (people[candidate].surname.map { fits(candidate, surname: $0, given: given) } ?? false)
            }
        }
        // "Mr Wang" after "Mr Wang Xiaoming": a family name written first, read as a given name.
        if compatible.isEmpty, let surname, given.isEmpty, let title = mention.title, lexicon.isSurname(surname) {
            compatible = index.candidates(surname: nil, given: surname).filter { candidate in
                people[candidate].givenNames.first == surname
                    && (people[candidate].titles.contains(title) || (people[candidate].titles.isEmpty && people[candidate].role != nil))
            }
        }
        // "Probert" alone after "Ms Manon Probert": one word with no title may be the surname.
        if compatible.isEmpty, surname == nil, given.count == 1, mention.title == nil {
            compatible = index.candidates(surname: given[0], given: nil).filter { fits($0, surname: given[0], given: []) }
        }
        // "Mr Lau-Steel" beside "Mr Lau", "Mrs Smith" beside "Mrs Smith-Jones": a double-barrelled or
        // married name is the same person when the gender, and any given names, agree.
        if compatible.isEmpty, let surname, let title = mention.title {
            compatible = index.hyphenRelatives(of: surname).filter { candidate in
                let person = people[candidate]
                let sameGender = gender != .unknown ? person.gender == gender : person.titles.contains(title)
                guard sameGender, let theirs = person.surname else { return false }
                return fits(candidate, surname: theirs, given: given)
            }
        }
        // "The complainant, whom I refer to as Probert": the complainant of that name.
        if mention.marksComplainant, let complainant = compatible.first(where: { people[$0].isComplainant }) {
            return complainant
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

    /// "Mrs Jane Whitfield, a retired nurse, complains": an occupation written with "a" or "an"
    /// describes the complainant, who is a letter, never a role. Their appositions shrink to the name.
    private func keepComplainantsOutOfRoles(_ people: inout [Person], mentions: inout [PersonMention], index: TextIndex) {
        func isOccupation(_ role: String?) -> Bool { role.map { $0.hasPrefix("a ") || $0.hasPrefix("an ") } ?? false }
        for position in people.indices where people[position].role != nil && isOccupation(people[position].role) {
            let own = mentions.indices.filter { mentions[$0].person == position }
            let complains = people[position].isComplainant || own.contains { item in
                let next = index.firstToken(atOrAfter: mentions[item].range.upperBound)
                return (next..<min(next + 2, index.tokens.count)).contains { index.key($0).hasPrefix("complain") }
            }
            guard complains, !own.contains(where: { mentions[$0].form == .staffAppositionBefore }) else { continue }
            people[position].role = nil
            people[position].isComplainant = true
            for item in own {
                if mentions[item].form == .staffAppositionAfter, let name = mentions[item].nameRange { mentions[item].range = name }
                if mentions[item].form == .staffAppositionAfter {
                    mentions[item].form = mentions[item].title == nil ? .untitled : .titled
                }
                mentions[item].role = nil
            }
            for other in people.indices where other != position && people[other].isComplainant && !hasExplicitCue(other, mentions) {
                people[other].isComplainant = false
            }
        }
    }

    private func hasExplicitCue(_ person: Int, _ mentions: [PersonMention]) -> Bool {
        mentions.contains { $0.person == person && $0.marksComplainant }
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
    /// Surnames by each part of a double-barrelled name ("lau" and "steel" of "lau-steel"), and whole.
    private var byHyphenPart: [String: [Int]] = [:]
    private(set) var aliased: [String: Int] = [:]
    private var indexed: [Int: (surname: String?, given: [String], aliases: [String])] = [:]

    init(_ people: [Person]) {
        for (position, person) in people.enumerated() { update(position, person) }
    }

    /// Records a new or changed person (names only ever get added).
    mutating func update(_ position: Int, _ person: Person) {
        let known = indexed[position]
        if let surname = person.surname, known?.surname != surname {
            bySurname[surname, default: []].append(position)
            let parts = PeopleIndex.hyphenParts(surname)
            for part in parts.count > 1 ? parts + [surname] : [surname] { byHyphenPart[part, default: []].append(position) }
        }
        for name in person.givenNames where !(known?.given.contains(name) ?? false) { byGiven[name, default: []].append(position) }
        for alias in person.aliases where aliased[alias] == nil { aliased[alias] = position }
        indexed[position] = (person.surname, person.givenNames, person.aliases)
    }

    /// People whose surname shares a part with this one, one of the two being double-barrelled:
    /// "lau" finds "lau-steel", and "lau-steel" finds "lau".
    func hyphenRelatives(of surname: String) -> [Int] {
        let parts = PeopleIndex.hyphenParts(surname)
        var found: [Int] = []
        for key in parts.count > 1 ? parts : [surname] {
            for position in byHyphenPart[key] ?? [] where !found.contains(position) { found.append(position) }
        }
        return found
    }

    static func hyphenParts(_ surname: String) -> [String] {
        surname.split(whereSeparator: { $0 == "-" || $0 == "‐" || $0 == "‑" }).map(String.init)
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
