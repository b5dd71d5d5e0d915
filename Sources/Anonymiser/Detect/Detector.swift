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
        let prefilter = PrefilterText(document.bytes)
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
        of ruleIndex: Int, in document: Document, tokens: [Token], prefilter: PrefilterText? = nil
    ) throws -> [Candidate] {
        let rule = patterns.rules[ruleIndex]
        var windows: [Range<Int>]?
        if let prefilter, !rule.requires.isEmpty {
            if rule.scansLines {
                windows = prefilter.lines(containingAnyOf: rule.requires)
                if windows?.isEmpty == true { return [] }
            } else if !prefilter.containsAny(rule.requires) {
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
            let wantsGroups = rule.findsPeople || rule.validator == .givenName
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

/// The document with ASCII letters folded to lower case, for the rules' `requires`
/// pre-filter: a rule whose literals are all absent is skipped without running its regex,
/// and a line-bound rule runs only on the lines that hold one of them.
public struct PrefilterText: Sendable {
    let folded: [UInt8]
    /// The offset of every line's first byte, ascending.
    let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The lines holding one of `needles`, as ascending, disjoint byte ranges (adjacent lines
    /// merged); each range ends at its last line's "\n" (exclusive) or the end of the text.
    func lines(containingAnyOf needles: [[UInt8]]) -> [Range<Int>] {
        var marked: [Int] = []
        folded.withUnsafeBufferPointer { haystack in
            for needle in needles {
                var offset = 0
                while let position = PrefilterText.find(needle, in: haystack, from: offset) {
                    let line = lineIndex(of: position)
                    marked.append(line)
                    // One hit is enough for a line: carry on from the next one.
                    offset = line + 1 < lineStarts.count ? lineStarts[line + 1] : haystack.count
                }
            }
        }
        marked.sort()
        var windows: [Range<Int>] = []
        var previous = -2
        for line in marked where line != previous {
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : folded.count
            if line == previous + 1, let last = windows.last {
                windows[windows.count - 1] = last.lowerBound..<end
            } else {
                windows.append(lineStarts[line]..<end)
            }
            previous = line
        }
        return windows
    }

    /// The line holding byte `offset`: the last line start at or before it.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low
    }

    func containsAny(_ needles: [[UInt8]]) -> Bool {
        if needles.isEmpty { return true }
        return folded.withUnsafeBufferPointer { haystack in
            needles.contains { PrefilterText.find($0, in: haystack) }
        }
    }

    /// Whether `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        find(needle, in: haystack, from: 0) != nil
    }

    /// The first position at or after `start` where `needle` occurs: memchr to each
    /// occurrence of its first byte, then compare.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress else { return nil }
        var offset = start
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.indices.allSatisfy({ base[position + $0] == needle[$0] }) { return position }
            offset = position + 1
        }
        return nil
    }
}
