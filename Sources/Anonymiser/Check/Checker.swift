import PCRE2

/// The known names of the cases being checked: the fingerprints file written by
/// `anonymise case fingerprints` and the secret key it was made with.
public struct KnownNames: Sendable {
    public let fingerprints: NameFingerprints
    public let key: FingerprintKey

    public init(fingerprints: NameFingerprints, key: FingerprintKey) {
        self.fingerprints = fingerprints
        self.key = key
    }
}

/// The pre-publish gate for one document: every finding, before the allow list and
/// the baseline.
///
/// It reads the same `Analysis` as `redact` (detect → resolve → link), without pseudonymising
/// or rendering, as findings:
/// - a direct identifier → error, under the pattern rule's id (`contact.phone-mobile`);
/// - a person mention with a title ("Mrs Whitfield", "Mr and Mrs Okafor") → error
///   `name.titled` (pseudonyms such as "Mrs X" are never mentions);
/// - any other person mention (untitled full name, first name) → warning `name.untitled`;
/// - a residual flag → note, under the flag's rule id;
/// - a pseudonym written against the house style → warning `house-style.*`;
/// - a word sequence whose HMAC is in the fingerprints file → error `name.known`.
public struct Checker: Sendable {
    public let patterns: PatternSet
    public let knownNames: KnownNames?
    public let catalogue: CheckRuleCatalogue
    private let analyser: Analyser
    private let flagger: Flagger
    private let houseStyle = HouseStyleRules()
    /// What `redact` writes ("[address]"): redacted text, not an identifier.
    private let placeholders: Placeholders

    private let segments: Segments

    /// - Parameter segmentSize: a document longer than this is checked in segments (see `Segments`).
    public init(patterns: PatternSet, knownNames: KnownNames? = nil, segmentSize: Int = Segments.defaultSize) {
        self.patterns = patterns
        segments = Segments(size: segmentSize)
        self.knownNames = knownNames
        catalogue = CheckRuleCatalogue(patterns: patterns)
        analyser = Analyser(patterns: patterns)
        flagger = Flagger(patterns: patterns)
        placeholders = Placeholders(patterns: patterns)
    }

    /// Every finding in the document, in text order.
    public func check(_ draft: Document) throws -> [Finding] {
        var findings: [Finding] = []
        try check(draft) { findings += $0 }
        return findings
    }

    /// Every finding in the document, in text order, handed to `each` a piece at a time: all
    /// at once for a document of one segment, else segment by segment, so a long document's
    /// findings are never all held at once.
    public func check(_ draft: Document, each: ([Finding]) throws -> Void) throws {
        guard draft.bytes.count > segments.size else { return try each(checkSegment(analyser.prepare(draft), case: nil).findings) }
        // Segment by segment, each knowing the people of the ones before (as `redact` does).
        var gathered = SegmentPeople(case: nil)
        let analyser = analyser
        try segments.forEach(of: draft, { try analyser.prepare($0) }) { prepared, range in
            let (found, people) = try checkSegment(prepared, case: gathered.context)
            try each(found.map {
                Finding(rule: $0.rule, level: $0.level, document: draft,
                        range: $0.range.lowerBound + range.lowerBound..<$0.range.upperBound + range.lowerBound,
                        message: $0.message, category: $0.category)
            })
            gathered.include(people, offset: range.lowerBound)
        }
    }

    private func checkSegment(_ prepared: PreparedAnalysis, case context: CaseContext?) throws -> (findings: [Finding], people: [Person]) {
        let draft = prepared.draft
        let analysis = try analyser.link(prepared, case: context)
        // Findings are made on the text the rules read, then pointed at the draft's own bytes.
        let findings = try findings(in: analysis)
        guard !analysis.view.isIdentity else { return (findings, analysis.linked.people) }
        return (findings.map {
            Finding(rule: $0.rule, level: $0.level, document: draft, range: analysis.view.originalRange($0.range), message: $0.message,
                    category: $0.category)
        }, analysis.linked.people)
    }

    private func findings(in analysis: Analysis) throws -> [Finding] {
        let (document, index, resolution, linked) = (analysis.document, analysis.index, analysis.resolution, analysis.linked)
        var findings: [Finding] = []
        var edits: [Edit] = []
        for candidate in resolution.identifiers where !placeholders.isOnlyPlaceholders(document.string(candidate.range)) {
            let rule = patterns.rules[candidate.ruleIndex]
            edits.append(Edit(range: candidate.range, replacement: rule.placeholder ?? "", category: rule.category, rule: rule.id))
            findings.append(Finding(
                rule: rule.id, level: .error, document: document, range: candidate.range,
                message: "direct identifier (\(rule.category)) about to be published", category: rule.category))
        }
        var names: [Finding] = []
        for mention in linked.mentions where mention.person != nil {
            edits.append(Edit(range: mention.range, replacement: "", category: Rule.personCategory, rule: mention.ruleID))
            // (The analysis already left out the council's own name: "West Berkshire" of West Berkshire Council.)
            let range = nameRange(of: mention, in: document)
            let byRole = mention.role != nil ? " (staff and representatives are referred to by role)" : ""
            if mention.title != nil || mention.form == .couple {
                names.append(Finding(rule: CheckRuleID.titledName, level: .error, document: document, range: range,
                                     message: "titled name that is not a pseudonym" + byRole, category: Rule.personCategory))
            } else {
                names.append(Finding(rule: CheckRuleID.untitledName, level: .warning, document: document, range: range,
                                     message: "name in a name-like position" + byRole, category: Rule.personCategory))
            }
        }
        if let knownNames {
            for match in knownNames.fingerprints.matches(in: index, key: knownNames.key) {
                // One finding per place: a known name replaces the name finding it overlaps.
                let overlapping = names.filter { $0.range.overlaps(match) }
                names.removeAll { $0.range.overlaps(match) }
                let lower = overlapping.map(\.range.lowerBound).min().map { min($0, match.lowerBound) } ?? match.lowerBound
                let upper = overlapping.map(\.range.upperBound).max().map { max($0, match.upperBound) } ?? match.upperBound
                names.append(Finding(rule: CheckRuleID.knownName, level: .error, document: document, range: lower..<upper,
                                     message: "a known name of the case (matched through the fingerprints file)",
                                     category: Rule.personCategory))
            }
        }
        findings += names
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        for flag in flagger.flags(from: resolution.flags, people: linked.people, mentions: linked.mentions, edits: edits) {
            var message = flag.reason.isEmpty ? "residual detail (\(flag.category))" : flag.reason
            if !flag.suggestion.isEmpty { message += "; suggested: \(flag.suggestion)" }
            findings.append(Finding(rule: flag.rule, level: .note, document: document, range: flag.range, message: message,
                                    category: flag.category))
        }
        let taken = RangeSet(findings.filter { $0.level > .note }.map(\.range) + resolution.allowed)
        findings += try houseStyle.findings(in: document, excluding: taken)
        return findings.sorted { ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule) }
    }


    /// The name inside a mention: a staff apposition ("Ms Priya Shah, the social worker,"
    /// or ", Ms Priya Shah,") is narrowed to its name, so the position points at it.
    private func nameRange(of mention: PersonMention, in document: Document) -> Range<Int> {
        let bytes = document.bytes
        var lower = mention.range.lowerBound
        var upper = mention.range.upperBound
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        while lower < upper && !isLetter(bytes[lower]) { lower += 1 }
        if mention.role != nil, let comma = bytes[lower..<upper].firstIndex(of: 0x2C) { upper = comma }
        while upper > lower && [0x20, 0x09, 0x2C, 0x0A, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : mention.range
    }
}
