import Foundation
import PCRE2

/// The detect stage: runs every rule of the pattern set over a document and returns
/// the candidates that pass their validators, in rule order then text order.
public struct Detector: Sendable {
    public let patterns: PatternSet

    public init(patterns: PatternSet) {
        self.patterns = patterns
    }

    public func detect(in document: Document, tokens: [Token]) throws -> [Candidate] {
        let folded = PrefilterText(document.bytes)
        // Rules are written for "\n" line ends; a CRLF draft is scanned with each "\r\n" read as
        // " \n" (same length, so every offset still points into the real text).
        let scanned = document.bytes.contains(0x0D) ? Detector.withoutCarriageReturns(document) : document
        var found: [Candidate] = []
        for index in patterns.rules.indices {
            let rule = patterns.rules[index]
            guard folded.containsAny(rule.requires) else { continue }
            found += try candidates(of: index, in: scanned, tokens: tokens)
        }
        return found
    }

    static func withoutCarriageReturns(_ document: Document) -> Document {
        var bytes = document.bytes
        for index in bytes.indices.dropLast() where bytes[index] == 0x0D && bytes[index + 1] == 0x0A { bytes[index] = 0x20 }
        return Document(name: document.name, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The candidates of one rule, validator applied.
    public func candidates(of ruleIndex: Int, in document: Document, tokens: [Token]) throws -> [Candidate] {
        let rule = patterns.rules[ruleIndex]
        switch rule.matcher {
        case let .list(list):
            return list.matches(in: document, tokens: tokens).map {
                Candidate(ruleIndex: ruleIndex, range: $0, match: $0)
            }
        case let .regex(regex):
            var found: [Candidate] = []
            let wantsGroups = rule.findsPeople || rule.validator == .givenName
            do {
                try document.bytes.withUnsafeBufferPointer { buffer in
                    try regex.forEachMatch(in: buffer) { match in
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
                }
            } catch let error as PCRE2Error {
                throw InputError(path: document.name, problem: "rule \(rule.id) could not finish: \(error) (pathological input?)")
            }
            return found
        }
    }
}

/// The document with ASCII letters folded to lower case, for the rules' `requires`
/// pre-filter: a rule whose literals are all absent is skipped without running its regex.
struct PrefilterText {
    let folded: [UInt8]

    init(_ bytes: [UInt8]) {
        folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    func containsAny(_ needles: [[UInt8]]) -> Bool {
        if needles.isEmpty { return true }
        return folded.withUnsafeBufferPointer { haystack in
            needles.contains { PrefilterText.find($0, in: haystack) }
        }
    }

    /// Whether `needle` occurs in `haystack`: memchr to each occurrence of the first byte, then compare.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress else { return needle.isEmpty }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.indices.allSatisfy({ base[position + $0] == needle[$0] }) { return true }
            offset = position + 1
        }
        return false
    }
}
