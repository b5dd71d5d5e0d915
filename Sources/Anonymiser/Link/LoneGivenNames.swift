/// First names that stand alone, where no rule and no known person explains them:
/// "Henrietta has a place at the school", "Elin's bedroom". A capitalised word from the
/// first-name lists is a person when it is no ordinary word, place, country, month or
/// organisation word, and stands as a name stands: not inside a longer capitalised phrase
/// ("Victoria Road", "Queen Victoria") and not after "in", "at" or "near" (a place).
struct LoneGivenNames {
    let index: TextIndex
    let lexicon: Lexicon

    private static let placePrepositions: Set<String> = ["in", "at", "near", "upon", "within", "outside"]

    func mentions(excluding taken: RangeSet) -> [PersonMention] {
        var found: [PersonMention] = []
        let tokens = index.tokens
        for position in tokens.indices where isLoneGivenName(at: position) && !taken.overlaps(tokens[position].range) {
            found.append(PersonMention(
                range: tokens[position].range, form: .untitled, title: nil, title2: nil, givenNames: [index.text(position)],
                initials: [], surname: nil, relation: nil, role: nil, marksComplainant: false, ruleID: "person.given-name"))
        }
        return found
    }

    private func isLoneGivenName(at position: Int) -> Bool {
        let tokens = index.tokens
        let token = tokens[position]
        guard token.kind == .word, token.isCapitalised, !token.isAllCaps, token.range.count >= 3 else { return false }
        let key = index.key(position)
        guard lexicon.firstNames.contains(key), !lexicon.commonWords.contains(key), !lexicon.places.contains(key),
              !lexicon.countries.contains(key), !Lexicon.organisationWords.contains(key), !Propagator.months.contains(key),
              !Propagator.monthAbbreviations.contains(key), !Propagator.weekdays.contains(key), index.title(position) == nil else { return false }
        if position + 1 < tokens.count, index.joinedBySpace(position + 1), tokens[position + 1].isCapitalised || tokens[position + 1].isAllCaps {
            return false
        }
        guard position > 0 else { return true }
        let previous = tokens[position - 1]
        if index.continuesCapitalisedPhrase(position) { return false }
        // "in Elin's bedroom": a possessive after "in" is a person's.
        let after = index.document.bytes[token.range.upperBound...].prefix(4)
        let possessive = after.starts(with: Array("'s".utf8)) || after.starts(with: Array("’s".utf8))
        if previous.kind == .word, LoneGivenNames.placePrepositions.contains(index.key(position - 1)), !possessive { return false }
        // "St Helen", "Mount Vernon": joined by a hyphen or a full stop to what comes before.
        let gap = index.document.string(index.gap(before: position))
        if gap == "-" || gap == "." || gap == "/" { return false }
        return true
    }
}
