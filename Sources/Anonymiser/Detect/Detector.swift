import Foundation
import PCRE2

/// The detect stage: runs every rule of the pattern set over a document and returns
/// the candidates that pass their validators, in rule order then text order.
///
/// A rule with a start set (`Rule.anchoredForm`) is tried only where a match of it can begin:
/// one pass over the bytes finds those positions for all such rules (`StartIndex`), and the
/// rule's regex, compiled anchored, runs at each in text order, resuming after each match
/// exactly as a scan of the whole text does — so both find the same matches. Other rules
/// scan the whole text.
public struct Detector: Sendable {
    public let patterns: PatternSet
    /// Every rule's `requires` literals, then every start unit's, for the pre-filter.
    public let literals: LiteralIndex
    /// The start units of every rule with an anchored form, in rule order.
    let starts: StartIndex
    /// The rule each start unit belongs to.
    let ruleOfUnit: [Int]
    /// Each rule's start units (a range of unit numbers; empty for a rule without anchored form).
    let unitsOfRule: [Range<Int>]
    /// Which units ask for literals of their own (their entry in `literals` is `rules + unit`).
    let unitHasLiterals: [Bool]
    /// Each rule's regex as the candidate scan runs it (nil: a rule without anchored form).
    let anchoredRegexes: [Regex?]
    /// The same, unretained, for the candidate scan's tries (`anchoredRegexes` keeps them alive).
    let anchoredRegexReferences: [Unmanaged<Regex>?]
    /// What the scans ask of each rule, apart from the rule itself: a `Rule`, with its strings
    /// and arrays, costs some twenty reference counts to copy, and reading one from the pattern
    /// set at every match and window made that 4% of a check.
    let facts: [RuleFacts]
    let matchers: [Rule.Matcher]
    /// Each rule's `first-word-in` test (nil: a match may begin at any word).
    let startWords: [StartWordTest?]

    struct RuleFacts: Sendable {
        let hasLiterals: Bool
        let matchBytes: ByteSet?
        let scansLines: Bool
        let validator: Validator?
        /// Whether its candidates keep their named groups (people's names, and the validators
        /// that read the groups).
        let keepsGroups: Bool
    }
    /// The most groups a rule with a start set has (to size the match data they share).
    let groupCount: Int

    public init(patterns: PatternSet) {
        self.patterns = patterns
        var units: [AnchoredForm.Unit] = []
        var ruleOfUnit: [Int] = []
        var unitsOfRule: [Range<Int>] = []
        for (index, rule) in patterns.rules.enumerated() {
            let own = rule.anchoredForm?.units ?? []
            unitsOfRule.append(units.count..<units.count + own.count)
            units += own
            ruleOfUnit += Array(repeating: index, count: own.count)
        }
        literals = LiteralIndex(requires: patterns.rules.map(\.requires) + units.map(\.requires))
        starts = StartIndex(starts: units.map(\.starts))
        self.ruleOfUnit = ruleOfUnit
        self.unitsOfRule = unitsOfRule
        unitHasLiterals = units.map { !$0.requires.isEmpty }
        anchoredRegexes = patterns.rules.map { $0.anchoredForm?.regex }
        anchoredRegexReferences = anchoredRegexes.map { $0.map(Unmanaged.passUnretained) }
        facts = patterns.rules.map { rule in
            RuleFacts(
                hasLiterals: !rule.requires.isEmpty, matchBytes: rule.matchBytes,
                scansLines: rule.scansLines, validator: rule.validator,
                keepsGroups: rule.findsPeople || rule.validator == .givenName || rule.validator == .recordName)
        }
        matchers = patterns.rules.map(\.matcher)
        var tests: [Lexicon.WordList: StartWordTest] = [:]
        startWords = patterns.rules.map { rule in
            rule.firstWordIn.map { list in
                if let made = tests[list] { return made }
                let made = StartWordTest(keys: patterns.lexicon.keys(of: list))
                tests[list] = made
                return made
            }
        }
        groupCount = patterns.rules.compactMap { $0.anchoredForm?.regex.captureCount }.max() ?? 0
    }

    /// How rules are run: tried at their candidate positions (the default), or — for rules
    /// without a start set, and to check the candidate scan against — over the whole text.
    public enum Scan: Sendable {
        case candidates
        case wholeText
    }

    /// The pre-filter's reading of a document: which lines hold which rule's literals.
    public func prefilter(_ document: Document) -> LiteralHits {
        literals.scan(document.bytes)
    }

    public func detect(in document: Document, tokens: [Token], scan: Scan = .candidates) throws -> [Candidate] {
        try detect(in: document, tokens: tokens, scan: scan, clock: nil)
    }

    /// Where a rule's time goes, for `patterns profile`: seconds per rule (its regex runs), and
    /// the pass that finds every rule's candidate positions.
    final class RuleClock {
        var seconds: [Double]
        var candidatePositions: Double = 0
        /// How many (position, rule) pairs the candidate scan visited.
        var candidateVisits = 0
        /// How many positions each anchored rule's regex was tried at (after its shape and prefix).
        var tries: [Int]
        init(rules: Int) {
            seconds = [Double](repeating: 0, count: rules)
            tries = [Int](repeating: 0, count: rules)
        }

        static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    }

    func detect(in document: Document, tokens: [Token], scan: Scan, clock: RuleClock?) throws -> [Candidate] {
        let prefilter = prefilter(document)
        // Rules are written for "\n" line ends; a CRLF draft is scanned with each "\r\n" read as
        // " \n" (same length, so every offset still points into the real text).
        let scanned = document.bytes.contains(0x0D) ? Detector.withoutCarriageReturns(document) : document
        let anchored = scan == .candidates ? anchoredRegexes.indices.filter { anchoredRegexes[$0] != nil } : []
        var (found, failures) = candidateScan(of: anchored, in: scanned, prefilter: prefilter, clock: clock)
        // As if every rule ran in order: the first rule (by index) that fails is the error.
        let firstFailure = failures.keys.min() ?? patterns.rules.count
        for index in patterns.rules.indices where index < firstFailure && found[index] == nil {
            let start = clock.map { _ in RuleClock.now() }
            found[index] = try candidates(of: index, in: scanned, tokens: tokens, prefilter: prefilter, scan: .wholeText)
            if let clock, let start { clock.seconds[index] += RuleClock.now() - start }
        }
        if let failure = failures[firstFailure] { throw failure }
        return patterns.rules.indices.flatMap { found[$0] ?? [] }
    }

    static func withoutCarriageReturns(_ document: Document) -> Document {
        var bytes = document.bytes
        for index in bytes.indices.dropLast() where bytes[index] == 0x0D && bytes[index + 1] == 0x0A { bytes[index] = 0x20 }
        return Document(name: document.name, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The candidates of one rule, validator applied. With a pre-filter, a rule whose
    /// `requires` literals are all absent finds nothing, and a line-bound rule runs only on
    /// the lines that hold one of them.
    public func candidates(
        of ruleIndex: Int, in document: Document, tokens: [Token], prefilter: LiteralHits? = nil, scan: Scan = .candidates
    ) throws -> [Candidate] {
        if scan == .candidates, anchoredRegexes[ruleIndex] != nil {
            let (found, failures) = candidateScan(of: [ruleIndex], in: document, prefilter: prefilter)
            if let failure = failures[ruleIndex] { throw failure }
            return found[ruleIndex] ?? []
        }
        switch matchers[ruleIndex] {
        case let .list(list):
            if let prefilter, !prefilter.holdsLiteral(ofRule: ruleIndex) { return [] }
            return list.matches(in: document, tokens: tokens).map {
                Candidate(ruleIndex: ruleIndex, range: $0, match: $0)
            }
        case let .regex(regex):
            var found: [Candidate] = []
            do {
                try document.bytes.withUnsafeBufferPointer { buffer in
                    let windows = prefilter.flatMap { self.windows(ofRule: ruleIndex, in: buffer, prefilter: $0) }
                    if windows?.isEmpty == true { return }
                    // A local function, not a closure in a variable: such a closure escapes, and
                    // capturing `self` then copied the whole detector (its arrays' references) for
                    // every rule and document.
                    func body(_ match: Match) -> Bool {
                        if let candidate = candidate(from: match, of: ruleIndex, groupNumbers: regex.groupNumbers, in: document) {
                            found.append(candidate)
                        }
                        return true
                    }
                    let admitting = startWords[ruleIndex].map { test in { test.admits(document.bytes, at: $0) } }
                    if let windows {
                        try regex.forEachMatch(in: buffer, startingIn: windows, admitting: admitting, body)
                    } else {
                        try regex.forEachMatch(in: buffer, admitting: admitting, body)
                    }
                }
            } catch let error as PCRE2Error {
                throw failure(error, of: patterns.rules[ruleIndex], in: document)
            }
            return found
        }
    }

    /// Where the pre-filter lets a rule's matches begin: around its literals, up to bytes no match
    /// holds, when they stand inside every match (`Rule.matchBytes`, `LiteralHits.windows`); or on
    /// the lines of its literals for a line-bound rule; nil: anywhere (empty: nowhere).
    private func windows(ofRule ruleIndex: Int, in text: UnsafeBufferPointer<UInt8>, prefilter: LiteralHits) -> [Range<Int>]? {
        let rule = facts[ruleIndex]
        guard rule.hasLiterals else { return nil }
        if let matchBytes = rule.matchBytes { return prefilter.windows(ofRule: ruleIndex, in: text, matchBytes: matchBytes) }
        if rule.scansLines { return prefilter.lines(ofRule: ruleIndex) }
        return prefilter.holdsLiteral(ofRule: ruleIndex) ? nil : []
    }

    private func failure(_ error: PCRE2Error, of rule: Rule, in document: Document) -> InputError {
        InputError(path: document.name, problem: "rule \(rule.id) could not finish: \(error) (pathological input?)")
    }

    /// The candidate a match of a rule stands for, or nil when the rule's validator rejects it.
    private func candidate(from match: Match, of ruleIndex: Int, groupNumbers: [String: Int], in document: Document) -> Candidate? {
        let rule = facts[ruleIndex]
        guard let whole = match.groups[0] else { return nil }
        let value = match.range(named: "value") ?? whole
        var groups: [String: Range<Int>] = [:]
        if rule.keepsGroups {
            for (name, number) in groupNumbers {
                if let range = match.range(at: number) { groups[name] = range }
            }
        }
        if let validator = rule.validator {
            let named = groups.mapValues { document.string($0) }
            guard validator.accepts(document.string(value), groups: named, lexicon: patterns.lexicon) else { return nil }
        }
        return Candidate(ruleIndex: ruleIndex, range: value, match: whole, groups: groups)
    }

    /// Runs `rules` (each with an anchored form) at their candidate positions, all in one pass
    /// over the text: their candidates (by rule index; nil for a rule not in `rules`) and the
    /// errors of those that could not finish.
    private func candidateScan(
        of rules: [Int], in document: Document, prefilter: LiteralHits?, clock: RuleClock? = nil
    ) -> (found: [[Candidate]?], failures: [Int: InputError]) {
        let ruleCount = patterns.rules.count
        var found = [[Candidate]?](repeating: nil, count: ruleCount)
        var failures: [Int: InputError] = [:]
        guard !rules.isEmpty else { return (found, failures) }
        // The pre-filter, as for a whole-text scan: a rule without its literals finds nothing; one
        // with windows starts matches only in those. A unit with literals of its own admits
        // positions only on the lines holding one of those.
        var activeUnits = [Bool](repeating: false, count: ruleOfUnit.count)
        var windows = [[Range<Int>]?](repeating: nil, count: ruleOfUnit.count)
        for index in rules {
            found[index] = []
            var ruleWindows: [Range<Int>]?
            if let prefilter {
                ruleWindows = document.bytes.withUnsafeBufferPointer { self.windows(ofRule: index, in: $0, prefilter: prefilter) }
                if ruleWindows?.isEmpty == true { continue }
            }
            for unit in unitsOfRule[index] {
                var unitWindows = ruleWindows
                if let prefilter, unitHasLiterals[unit] {
                    let own = prefilter.lines(ofRule: ruleCount + unit)
                    unitWindows = ruleWindows.map { Detector.intersection($0, own) } ?? own
                }
                if unitWindows?.isEmpty == true { continue }
                windows[unit] = unitWindows
                activeUnits[unit] = true
            }
        }
        // The windows of every unit in one flat list (`unitWindows[unit]`: its part of it, nil for
        // a unit that may start anywhere), so the loop below copies no array.
        var flatWindows: [Range<Int>] = []
        var unitWindows = [Range<Int>?](repeating: nil, count: ruleOfUnit.count)
        for unit in activeUnits.indices where activeUnits[unit] {
            guard let own = windows[unit] else { continue }
            unitWindows[unit] = flatWindows.count..<flatWindows.count + own.count
            flatWindows += own
        }
        // Per rule: where its scan resumes, whether it failed, the last position it was tried at
        // (two of its units may admit the same one); per unit: its next window.
        var resume = [Int](repeating: 0, count: ruleCount)
        var failed = [Bool](repeating: false, count: ruleCount)
        var tried = [Int](repeating: -1, count: ruleCount)
        var nextWindow = unitWindows.map { $0?.lowerBound ?? 0 }
        let data = MatchData(groups: groupCount)
        let activeAlternatives = starts.alternatives(of: activeUnits)
        if let clock {
            // The pass on its own, for `patterns profile`: timed around the rules, it would count
            // the clock's own reads at every candidate.
            let start = RuleClock.now()
            var visits = 0
            document.bytes.withUnsafeBufferPointer { text in
                starts.forEachCandidate(in: text, active: activeAlternatives) { _, _ in visits &+= 1 }
            }
            clock.candidatePositions += RuleClock.now() - start
            clock.candidateVisits += visits
        }
        document.bytes.withUnsafeBufferPointer { text in
        flatWindows.withUnsafeBufferPointer { flatWindows in
        unitWindows.withUnsafeBufferPointer { unitWindows in
        nextWindow.withUnsafeMutableBufferPointer { nextWindow in
        resume.withUnsafeMutableBufferPointer { resume in
        failed.withUnsafeMutableBufferPointer { failed in
        tried.withUnsafeMutableBufferPointer { tried in
        ruleOfUnit.withUnsafeBufferPointer { ruleOfUnit in
            starts.forEachCandidate(in: text, active: activeAlternatives) { position, unit in
                let index = ruleOfUnit[unit]
                guard position >= resume[index], !failed[index], tried[index] != position else { return }
                if let own = unitWindows[unit] {
                    var next = nextWindow[unit]
                    while next < own.upperBound && flatWindows[next].upperBound < position { next += 1 }
                    nextWindow[unit] = next
                    guard next < own.upperBound, flatWindows[next].lowerBound <= position else { return }
                }
                tried[index] = position
                // A position whose word the rule's list lacks is one where it cannot match.
                if let test = startWords[index], !test.admits(document.bytes, at: position) { return }
                clock?.tries[index] += 1
                let start = clock.map { _ in RuleClock.now() }
                defer {
                    if let clock, let start { clock.seconds[index] += RuleClock.now() - start }
                }
                do {
                    // Borrowed, not retained: the detector keeps every regex alive, and a retain and
                    // release at each of some 300,000 tries a megabyte, on objects both workers
                    // share, made their reference counts bounce between the cores.
                    try anchoredRegexReferences[index]!._withUnsafeGuaranteedRef { regex in
                        guard let match = try regex.match(in: text, at: position, using: data) else { return }
                        resume[index] = Regex.resumption(after: match.groups[0] ?? position..<position, in: text)
                        if let candidate = candidate(from: match, of: index, groupNumbers: regex.groupNumbers, in: document) {
                            found[index]!.append(candidate)
                        }
                    }
                } catch let error as PCRE2Error {
                    failures[index] = failure(error, of: patterns.rules[index], in: document)
                    failed[index] = true
                } catch {
                    failures[index] = InputError(path: document.name, problem: "rule \(patterns.rules[index].id) could not finish: \(error)")
                    failed[index] = true
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        return (found, failures)
    }

    /// What two ascending lists of disjoint windows have in common (a window is read as it is
    /// in the scan: its upper bound, the line's "\n", included).
    static func intersection(_ first: [Range<Int>], _ second: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0, j = 0
        while i < first.count && j < second.count {
            let low = max(first[i].lowerBound, second[j].lowerBound), high = min(first[i].upperBound, second[j].upperBound)
            if low <= high { result.append(low..<high) }
            if first[i].upperBound < second[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }
}
