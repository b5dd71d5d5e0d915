/// Turns the matches of person rules into mentions: parses each name into its parts,
/// drops what is not a name, and merges overlapping matches of the same words
/// ("Mary Jane" + "Jane Whitfield" → "Mary Jane Whitfield").
struct MentionBuilder {
    let index: TextIndex
    let lexicon: Lexicon
    let rules: [Rule]

    func mentions(from candidates: [Candidate], blocked: RangeSet) -> [PersonMention] {
        let raw = candidates.compactMap { mention(from: $0) }.filter { !blocked.overlaps($0.range) }
        return merge(raw)
    }

    private func mention(from candidate: Candidate) -> PersonMention? {
        let groups = candidate.groups
        let ruleID = rules[candidate.ruleIndex].id
        if let title2 = groups["title2"], let title = groups["title"], let name = groups["name"] {
            var words = Array(index.tokenIndices(in: name))
            // "Mr and Mrs Okafor Council": words after the name that are no name are not part of it.
            while words.count > 1, let last = words.last, !lexicon.isSurname(index.text(last)),
                  lexicon.isCommonWord(index.text(last)) || Lexicon.organisationWords.contains(index.key(last)) {
                words.removeLast()
            }
            let surname = words.map { index.text($0) }.joined(separator: " ")
            // A name that ends inside a word ("Mr and Ms DiA") is no name.
            guard let last = words.last, !surname.isEmpty else { return nil }
            let nameEnd = index.tokens[last].range.upperBound
            return PersonMention(
                range: title.lowerBound..<nameEnd, form: .couple, title: Title(index.document.string(title)),
                title2: Title(index.document.string(title2)), givenNames: [], initials: [], surname: surname,
                relation: nil, role: nil, marksComplainant: false, ruleID: ruleID)
        }
        if let role = groups["role"] ?? groups["role2"], let name = groups["name"] ?? groups["name2"] {
            return staffMention(candidate, name: name, role: role, ruleID: ruleID)
        }
        if let given = groups["given"], let given2 = groups["given2"], let surname = groups["surname"] {
            return coupleByGivenNames(candidate.range, given: given, given2: given2, surname: surname, ruleID: ruleID)
        }
        if let given = groups["given"], let surname = groups["surname"] {
            return structuredName(candidate.range, given: given, surname: surname, title: groups["title"], ruleID: ruleID)
        }
        guard let name = groups["name"] else { return nil }
        let start = groups["title"]?.lowerBound ?? name.lowerBound
        guard let parts = NameParts.parse(index.tokenIndices(in: start..<name.upperBound), in: index, lexicon: lexicon) else {
            return nil
        }
        if parts.title == nil && !isPlausibleUntitled(parts) { return nil }
        var mention = make(parts, range: start..<parts.end, ruleID: ruleID)
        mention.relation = groups["relation"].map { index.document.string($0).lowercased() }
        mention.relationFollowsName = groups["relation"].map { $0.lowerBound > name.upperBound } ?? false
        mention.relationOwner = groups["owner"].map { NameKey.normalise(index.document.string($0)) }
        mention.relationPronoun = groups["pronoun"].map { index.document.string($0).lowercased() }
        mention.marksComplainant = groups["complainant"] != nil || groups["complainant2"] != nil
        return mention
    }

    private func make(_ parts: NameParts, range: Range<Int>, ruleID: String) -> PersonMention {
        PersonMention(
            range: range, form: parts.title == nil ? .untitled : .titled, title: parts.title, title2: nil,
            givenNames: parts.givenNames, initials: parts.initials, surname: parts.surname, relation: nil,
            role: nil, marksComplainant: false, ruleID: ruleID)
    }

    /// An untitled name found by a cue ("Dear ...", "her son, ...") must look like a name.
    private func isPlausibleUntitled(_ parts: NameParts) -> Bool {
        guard let first = parts.givenNames.first ?? parts.surname else { return false }
        if Lexicon.organisationWords.contains(NameKey.normalise(first)) { return false }
        if let surname = parts.surname, Lexicon.organisationWords.contains(NameKey.normalise(surname)) { return false }
        return lexicon.isFirstName(first) || !lexicon.isCommonWord(first)
    }

    /// A name whose rule says which words are the given names and which the surname: an
    /// untitled full name ("Jane Whitfield", "Jane WHITFIELD"), a record ("WHITFIELD, Jane",
    /// "Whitfield, J. (Miss)", "WHITFIELD Jane (Mrs)") or initials and a surname ("J.R. Whitfield").
    /// Given words of one letter, and run-together capitals before a surname, are initials.
    private func structuredName(_ range: Range<Int>, given: Range<Int>, surname: Range<Int>, title: Range<Int>?, ruleID: String) -> PersonMention? {
        let isRecord = surname.lowerBound < given.lowerBound
        if !isRecord && isInsideProperNoun(range) { return nil }
        var initials: [Character] = []
        var givenNames: [String] = []
        for token in index.tokenIndices(in: given) where index.tokens[token].kind == .word {
            let text = index.text(token)
            if text.count == 1 {
                initials.append(Character(text))
            } else if NameParts.isRunOfInitials(token, in: index, lexicon: lexicon) {
                initials.append(contentsOf: text)
            } else {
                givenNames.append(text)
            }
        }
        let surnameText = index.tokenIndices(in: surname).filter { index.tokens[$0].kind == .word }.map { index.text($0) }.joined(separator: " ")
        guard !surnameText.isEmpty, !givenNames.isEmpty || !initials.isEmpty else { return nil }
        return PersonMention(
            range: range, form: .untitled, title: title.map { index.document.string($0) }.flatMap(Title.init), title2: nil,
            givenNames: givenNames, initials: initials, surname: surnameText, relation: nil, role: nil,
            marksComplainant: false, ruleID: ruleID)
    }

    /// "Florence Nightingale Ward", "Jane Austen House": a name inside an organisation's name;
    /// "St Mary Hospital", "Royal Jane …": the first word continues an earlier capitalised phrase.
    private func isInsideProperNoun(_ range: Range<Int>) -> Bool {
        let next = index.firstToken(atOrAfter: range.upperBound)
        if next < index.tokens.count, index.joinedBySpace(next), Lexicon.organisationWords.contains(index.key(next)) {
            return true
        }
        // (A first name before it is a two-part given name, "Suk Yee Zhao", merged below.)
        let first = index.firstToken(atOrAfter: range.lowerBound)
        return index.continuesCapitalisedPhrase(first) && index.title(first - 1) == nil
            && !lexicon.isFirstName(index.text(first - 1))
    }

    /// "Noor and Sami Haddad": two people of one family, each with their given name.
    private func coupleByGivenNames(_ range: Range<Int>, given: Range<Int>, given2: Range<Int>, surname: Range<Int>, ruleID: String) -> PersonMention? {
        if isInsideProperNoun(range) { return nil }
        let surnameText = index.tokenIndices(in: surname).map { index.text($0) }.joined(separator: " ")
        var mention = PersonMention(
            range: range, form: .coupleByGivenNames, title: nil, title2: nil, givenNames: [index.document.string(given)],
            initials: [], surname: surnameText, relation: nil, role: nil, marksComplainant: false, ruleID: ruleID)
        mention.givenNames2 = [index.document.string(given2)]
        return mention
    }

    /// "Ms Priya Shah, the social worker," becomes the role; ", Ms Priya Shah," after a role is removed.
    private func staffMention(_ candidate: Candidate, name: Range<Int>, role: Range<Int>, ruleID: String) -> PersonMention? {
        guard let parts = NameParts.parse(index.tokenIndices(in: name), in: index, lexicon: lexicon) else { return nil }
        if parts.title == nil {
            // Without a title, only a recognisable full name counts ("Jo Bloggs MP", "Nguyễn Thị Hoa"): a
            // first name from the lists, or name words from the lists none of which is an ordinary word.
            guard let given = parts.givenNames.first, let surname = parts.surname else { return nil }
            let words = parts.givenNames + [surname]
            let listed = words.contains { lexicon.isFirstName($0) || lexicon.isSurname($0) }
            guard lexicon.isFirstName(given) || (listed && !words.contains { lexicon.isCommonWord($0) }) else { return nil }
        }
        var roleText = index.document.string(role)
        let determiners = ["the ", "a ", "an ", "her ", "his ", "their ", "its ", "our ", "my ", "your "]
        if !determiners.contains(where: { roleText.lowercased().hasPrefix($0) }) && !roleText.contains("'s ") && !roleText.contains("’s ") {
            // "(housing officer)": a role in brackets without an article is "the housing officer".
            roleText = "the " + roleText
        } else if !roleText.contains(" ") || roleText.contains("'s ") || roleText.contains("’s ") {
            // "Jo Bloggs MP" → "the MP"; "Adaeze's GP" → "the GP": a role never carries a name.
            roleText = "the " + PseudonymText.roleNoun(roleText)
        } else if let first = roleText.first, first.isUppercase {
            // "The social worker" at a sentence start is stored as "the social worker".
            roleText = first.lowercased() + roleText.dropFirst()
        }
        let trail = candidate.groups["trail"]
        var mention = make(parts, range: name, ruleID: ruleID)
        mention.role = roleText
        if role.lowerBound > name.lowerBound {
            // Name first: the whole apposition becomes the role.
            var end = candidate.groups["role2"] != nil ? candidate.match.upperBound : role.upperBound
            if let trail, !followsComma(name.lowerBound) { end = trail.upperBound }
            mention.range = name.lowerBound..<end
            mention.nameRange = name
            mention.form = .staffAppositionAfter
        } else {
            // Role first: the name after it is dropped, with its comma where the sentence reads on.
            var end = trail?.lowerBound ?? candidate.match.upperBound
            if let trail, !continuesApposition(after: trail.upperBound) { end = trail.upperBound }
            mention.range = role.upperBound..<end
            mention.form = .staffAppositionBefore
        }
        return mention
    }

    private func followsComma(_ offset: Int) -> Bool {
        var cursor = offset - 1
        while cursor >= 0 && index.document.bytes[cursor] == 0x20 { cursor -= 1 }
        return cursor >= 0 && index.document.bytes[cursor] == 0x2C
    }

    /// After "the social worker, Ms Shah," — does a relative clause or description follow
    /// ("who visited", "a qualified nurse")? Then the comma stays.
    private func continuesApposition(after offset: Int) -> Bool {
        let next = index.firstToken(atOrAfter: offset)
        guard next < index.tokens.count else { return false }
        let word = index.key(next)
        return word.hasSuffix("ing") || ["who", "whom", "whose", "which", "a", "an", "the", "and", "but", "as", "then", "now"].contains(word)
    }

    /// Overlapping mentions of the same words become one; a contained mention lends its
    /// details (relation, complainant cue, title) to the one containing it.
    private func merge(_ raw: [PersonMention]) -> [PersonMention] {
        let sorted = raw.sorted { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var result: [PersonMention] = []
        for mention in sorted {
            guard var last = result.last, last.range.overlaps(mention.range) else {
                result.append(mention)
                continue
            }
            if last.range.upperBound >= mention.range.upperBound || last.role != nil || mention.role != nil {
                if mention.role != nil && last.role == nil {
                    // A staff apposition always wins: it carries the replacement of the whole phrase.
                    var staff = mention
                    staff.marksComplainant = staff.marksComplainant || last.marksComplainant
                    result[result.count - 1] = staff
                    continue
                }
                last.relation = last.relation ?? mention.relation
                last.relationFollowsName = last.relationFollowsName || mention.relationFollowsName
                last.relationOwner = last.relationOwner ?? mention.relationOwner
                last.relationPronoun = last.relationPronoun ?? mention.relationPronoun
                last.marksComplainant = last.marksComplainant || mention.marksComplainant
                if last.title == nil, let title = mention.title, last.form == .untitled {
                    last.title = title
                }
                result[result.count - 1] = last
            } else {
                // Partial overlap of plain names: re-read the union as one name.
                let union = last.range.lowerBound..<mention.range.upperBound
                if let parts = NameParts.parse(index.tokenIndices(in: union), in: index, lexicon: lexicon) {
                    var merged = make(parts, range: union.lowerBound..<parts.end, ruleID: last.ruleID)
                    merged.relation = last.relation ?? mention.relation
                    merged.marksComplainant = last.marksComplainant || mention.marksComplainant
                    result[result.count - 1] = merged
                    // "Najam Mrs Ciriaco": the union read as one name stops at the title; the second
                    // mention is someone else and stays.
                    if parts.end <= mention.range.lowerBound { result.append(mention) }
                }
            }
        }
        return result
    }
}
