import PCRE2

/// What the pipeline concludes about one document before anything is written: the text the
/// rules read, the identifiers, residual details and allowed phrases they found, and the people
/// with every mention. `redact` renders it and `check` reports it — one analysis, two readers,
/// so the two commands cannot drift apart.
public struct Analysis: Sendable {
    /// The draft as given; every range below is in `view.matching`, mapped back with `view`.
    public let draft: Document
    let view: MatchingView
    let index: TextIndex
    let resolution: Resolver.Resolution
    let linked: Linker.Result

    /// The text the rules read.
    var document: Document { view.matching }
}

/// A document read up to the rules' candidates, before anything depends on the case.
struct PreparedAnalysis: Sendable {
    let draft: Document
    let view: MatchingView
    let index: TextIndex
    let resolution: Resolver.Resolution
}

/// The stages that lead to an analysis: matching text → tokens → detect → resolve → link.
struct Analyser: Sendable {
    let patterns: PatternSet
    private let detector: Detector
    private let resolver: Resolver
    private let linker: Linker
    private let pseudonymThenSentence: Regex

    /// Words that start a sentence and are never a surname after an initial: "Mr X. This is…".
    static let sentenceStarters = [
        "This", "That", "These", "Those", "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
        "Their", "Its", "Our", "My", "There", "Here", "In", "On", "At", "As", "But", "And", "So", "Then", "When",
        "While", "If", "Although", "However", "After", "Before", "Since", "Because", "What", "Which", "Who", "Where",
        "How", "Why", "Also", "Both", "Neither", "Nor", "Or", "For", "To", "From", "With", "By", "Of", "Once", "During",
        "Following", "Instead", "Therefore", "Despite", "All", "Some", "No", "Not", "Mr", "Mrs", "Miss", "Ms", "Mx", "Dr",
    ]

    init(patterns: PatternSet) {
        self.patterns = patterns
        detector = Detector(patterns: patterns)
        resolver = Resolver(patterns: patterns)
        linker = Linker(patterns: patterns)
        pseudonymThenSentence = try! Regex(
            #"^(?:(?:"# + Title.pseudonymTitles.joined(separator: "|") + #")\.?[ \t]+)?\p{Lu}\.[ \t]+(?:"# + Analyser.sentenceStarters.joined(separator: "|")
                + #")(?![\p{L}\p{N}])"#)
    }

    /// - Parameter context: the case registry's people, when the document belongs to a known case.
    func analyse(_ draft: Document, case context: CaseContext? = nil) throws -> Analysis {
        try link(prepare(draft), case: context)
    }

    /// The stages that do not depend on the case (matching text → tokens → detect → resolve):
    /// the segments of a long draft are prepared in parallel, then linked one after another.
    func prepare(_ draft: Document) throws -> PreparedAnalysis {
        // The rules read the matching text (invisible characters gone, Unicode spaces plain).
        let view = MatchingView(draft)
        let index = TextIndex(document: view.matching)
        let candidates = try detector.detect(in: view.matching, tokens: index.tokens)
        return PreparedAnalysis(draft: draft, view: view, index: index, resolution: resolver.resolve(candidates))
    }

    /// The stages that read the case: its known names, then the people.
    func link(_ prepared: PreparedAnalysis, case context: CaseContext?) throws -> Analysis {
        let (view, index) = (prepared.view, prepared.index)
        let document = view.matching
        var resolution = prepared.resolution
        if let context {
            // A name the case registry knows ("formerly Jane Smith", a registered alias) is that person's,
            // whatever identifier rule also took it.
            let known = Set(context.people.flatMap(\.nameForms))
            resolution.identifiers.removeAll { known.contains(NameKey.normalise(document.string($0.range))) }
        }
        // "Mr X. This is because…" is a pseudonym ending a sentence, not Mr "This".
        let people = try resolution.people.filter { try !isPseudonymEndingSentence($0, in: document) }
        // A school or hospital named after a person ("Lady Margaret School") is one residual detail,
        // reworded whole ("the School") or flagged whole: the name stage must not take a person out of it.
        let institutions = resolution.flags.filter { patterns.rules[$0.ruleIndex].wholeName }.map(\.range)
        let linked = linker.link(index, candidates: people,
                                 blocked: resolution.allowed + resolution.identifiers.map(\.range) + institutions,
                                 known: context?.people ?? [], notNames: resolution.flags.map(\.range))
        return Analysis(draft: prepared.draft, view: view, index: index, resolution: resolution, linked: linked)
    }

    private func isPseudonymEndingSentence(_ candidate: Candidate, in document: Document) throws -> Bool {
        guard let name = candidate.groups["name"] else { return false }
        let start = min(candidate.groups["title"]?.lowerBound ?? name.lowerBound, name.lowerBound)
        return try pseudonymThenSentence.firstMatch(in: document.string(start..<name.upperBound)) != nil
    }
}
