import Foundation
import PCRE2

/// The detect stage: runs every rule of the pattern set over a document and returns
/// the candidates that pass their validators, in rule order then text order.
public struct Detector: Sendable {
    public let patterns: PatternSet
    /// Every rule's `requires` literals, for the pre-filter.
    public let literals: LiteralIndex

    public init(patterns: PatternSet) {
        self.patterns = patterns
        literals = LiteralIndex(requires: patterns.rules.map(\.requires))
    }

    /// The pre-filter's reading of a document: which lines hold which rule's literals.
    public func prefilter(_ document: Document) -> LiteralHits {
        literals.scan(document.bytes)
    }

    public func detect(in document: Document, tokens: [Token]) throws -> [Candidate] {
        let prefilter = prefilter(document)
        // Rules are written for "\n" line ends; a CRLF draft is scanned with each "\r\n" read as
        // " \n" (same length, so every offset still points into the real text).
        let scanned = document.bytes.contains(0x0D) ? Detector.withoutCarriageReturns(document) : document
        var found: [Candidate] = []
        for index in patterns.rules.indices {
            found += try candidates(of: index, in: scanned, tokens: tokens, prefilter: prefilter)
        }
        return found
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
        of ruleIndex: Int, in document: Document, tokens: [Token], prefilter: LiteralHits? = nil
    ) throws -> [Candidate] {
        let rule = patterns.rules[ruleIndex]
        var windows: [Range<Int>]?
        if let prefilter, !rule.requires.isEmpty {
            if rule.scansLines {
                windows = prefilter.lines(ofRule: ruleIndex)
                if windows?.isEmpty == true { return [] }
            } else if !prefilter.holdsLiteral(ofRule: ruleIndex) {
                return []
            }
        }
        switch rule.matcher {
        case let .list(list):
            return list.matches(in: document, tokens: tokens).map {
                Candidate(ruleIndex: ruleIndex, range: $0, match: $0)
            }
        case let .regex(regex):
            var found: [Candidate] = []
            let wantsGroups = rule.findsPeople || rule.validator == .givenName || rule.validator == .recordName
            do {
                try document.bytes.withUnsafeBufferPointer { buffer in
                    let body: (Match) -> Bool = { match in
                        guard let whole = match.groups[0] else { return true }
                        let value = match.range(named: "value") ?? whole
                        var groups: [String: Range<Int>] = [:]
                        if wantsGroups {
                            for (name, number) in regex.groupNumbers {
                                if let range = match.range(at: number) { groups[name] = range }
                            }
                        }
                        if let validator = rule.validator {
                            let named = groups.mapValues { document.string($0) }
                            guard validator.accepts(document.string(value), groups: named, lexicon: patterns.lexicon) else {
                                return true
                            }
                        }
                        found.append(Candidate(ruleIndex: ruleIndex, range: value, match: whole, groups: groups))
                        return true
                    }
                    if let windows {
                        try regex.forEachMatch(in: buffer, startingIn: windows, body)
                    } else {
                        try regex.forEachMatch(in: buffer, body)
                    }
                }
            } catch let error as PCRE2Error {
                throw InputError(path: document.name, problem: "rule \(rule.id) could not finish: \(error) (pathological input?)")
            }
            return found
        }
    }
}
