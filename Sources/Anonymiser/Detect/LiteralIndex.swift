/// Every rule's `requires` literals in one Aho–Corasick automaton, so a document is read
/// once to learn, for every literal, the lines it occurs on — instead of once per literal
/// (there are hundreds, and many start with common letters).
///
/// Matching is ASCII-case-insensitive, like the literals (stored lower-case); other bytes,
/// including UTF-8 sequences such as "‘", match exactly. Whitespace is read the way the
/// rules' `[^\S\n]+` reads it: a run of spaces, tabs, no-break or other Unicode spaces
/// (but not a line break) is one space, in the text and in the literals — so the literal
/// "ni " stands on the line of "NI\u{A0}number" and of "NI  number".
public struct LiteralIndex: Sendable {
    /// The literal numbers of each rule (empty: the rule has no pre-filter).
    let literalsOfRule: [[Int]]
    let literalCount: Int
    /// Byte → input class; class 0 stands for every byte no literal contains.
    private let classOfByte: [UInt8]
    private let classCount: Int
    /// The automaton as a full transition table: `next[state * classCount + class]`.
    private let next: [Int32]
    /// The literals ending at each state (its own and its suffixes'), flattened:
    /// `outputs[outputStart[state]..<outputStart[state + 1]]`.
    private let outputs: [Int32]
    private let outputStart: [Int32]

    public init(requires: [[[UInt8]]]) {
        var numbers: [[UInt8]: Int] = [:]
        var literals: [[UInt8]] = []
        literalsOfRule = requires.map { needles in
            needles.map(LiteralIndex.normalisingSpaces).filter { !$0.isEmpty }.map { needle in
                if let known = numbers[needle] { return known }
                numbers[needle] = literals.count
                literals.append(needle)
                return literals.count - 1
            }
        }
        literalCount = literals.count

        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in Set(literals.joined()).sorted() {
            classes[Int(byte)] = UInt8(classCount)
            classCount += 1
            // Folding: an upper-case ASCII letter reads as its lower-case form.
            if byte >= 0x61 && byte <= 0x7A { classes[Int(byte - 0x20)] = classes[Int(byte)] }
        }
        // (At most 256 classes: the table is byte-indexed, so this always holds.)
        classOfByte = classes
        self.classCount = classCount

        // The trie.
        var goto: [[Int: Int]] = [[:]]
        var ending: [[Int]] = [[]]
        for (number, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let symbol = Int(classes[Int(byte)])
                if let existing = goto[state][symbol] {
                    state = existing
                } else {
                    goto.append([:])
                    ending.append([])
                    goto[state][symbol] = goto.count - 1
                    state = goto.count - 1
                }
            }
            ending[state].append(number)
        }
        // Failure links breadth-first, filling in the full transition table as we go.
        var table = [Int32](repeating: 0, count: goto.count * classCount)
        var failure = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if let child = goto[0][symbol] {
                table[symbol] = Int32(child)
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ending[state] += ending[failure[state]]
            for symbol in 0..<classCount {
                if let child = goto[state][symbol] {
                    failure[child] = Int(table[failure[state] * classCount + symbol])
                    table[state * classCount + symbol] = Int32(child)
                    queue.append(child)
                } else {
                    table[state * classCount + symbol] = table[failure[state] * classCount + symbol]
                }
            }
        }
        next = table
        var flat: [Int32] = []
        var starts: [Int32] = [0]
        for state in ending.indices {
            flat += ending[state].map(Int32.init)
            starts.append(Int32(flat.count))
        }
        outputs = flat
        outputStart = starts
    }

    /// Reads `bytes` once: the lines every literal occurs on, and where each occurrence ends.
    public func scan(_ bytes: [UInt8]) -> LiteralHits {
        // Every occurrence in text order, then grouped by literal (a counting sort): three flat
        // arrays a document, not two per literal.
        var hitLiterals: [Int32] = [], hitLines: [Int32] = [], hitEnds: [Int32] = []
        var lineStarts = [0]
        var line = 0
        var state = 0
        let space = Int(classOfByte[0x20])
        var afterSpace = false
        bytes.withUnsafeBufferPointer { text in
            next.withUnsafeBufferPointer { next in
                classOfByte.withUnsafeBufferPointer { classOfByte in
                outputStart.withUnsafeBufferPointer { outputStart in
                outputs.withUnsafeBufferPointer { outputs in
                    var offset = 0
                    while offset < text.count {
                        let byte = text[offset]
                        var width = 1
                        let isSpace: Bool
                        if byte < 0x80 {
                            isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
                        } else if let spaceWidth = LiteralIndex.unicodeSpaceWidth(text, at: offset) {
                            isSpace = true
                            width = spaceWidth
                        } else {
                            isSpace = false
                        }
                        if !(isSpace && afterSpace) {
                            state = Int(next[state &* classCount &+ (isSpace ? space : Int(classOfByte[Int(byte)]))])
                            let first = Int(outputStart[state]), last = Int(outputStart[state &+ 1])
                            if first < last {
                                for output in first..<last {
                                    hitLiterals.append(outputs[output])
                                    hitLines.append(Int32(truncatingIfNeeded: line))
                                    hitEnds.append(Int32(truncatingIfNeeded: offset &+ width))
                                }
                            }
                        }
                        afterSpace = isSpace
                        if byte == 0x0A {
                            line += 1
                            lineStarts.append(offset + 1)
                        }
                        offset += width
                    }
                }
                }
                }
            }
        }
        var firstHit = [Int32](repeating: 0, count: literalCount + 1)
        for literal in hitLiterals { firstHit[Int(literal) + 1] += 1 }
        for literal in 0..<literalCount { firstHit[literal + 1] += firstHit[literal] }
        var nextSlot = firstHit
        var lines = [Int32](repeating: 0, count: hitLiterals.count), ends = lines
        for (hit, literal) in hitLiterals.enumerated() {
            let slot = Int(nextSlot[Int(literal)])
            nextSlot[Int(literal)] += 1
            lines[slot] = hitLines[hit]
            ends[slot] = hitEnds[hit]
        }
        return LiteralHits(index: self, firstHit: firstHit, lines: lines, ends: ends, lineStarts: lineStarts, length: bytes.count)
    }

    /// The byte length of the Unicode white space (no-break, en, em, thin, ideographic, next-line,
    /// line and paragraph separators: all that `[^\S\n]` takes) starting at `offset`, or nil.
    @inline(__always)
    static func unicodeSpaceWidth(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let byte = text[offset]
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3, offset + 1 < text.count else { return nil }
        let second = text[offset + 1]
        if byte == 0xC2 { return second == 0xA0 || second == 0x85 ? 2 : nil }  // U+00A0, U+0085
        guard offset + 2 < text.count else { return nil }
        let third = text[offset + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : nil  // U+1680
        case (0xE2, 0x80):  // U+2000–200A, U+2028, U+2029, U+202F
            return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : nil
        case (0xE2, 0x81): return third == 0x9F ? 3 : nil  // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : nil  // U+3000
        default: return nil
        }
    }

    /// A literal with its whitespace read as the scan reads the text's.
    static func normalisingSpaces(_ literal: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var offset = 0
        literal.withUnsafeBufferPointer { bytes in
            while offset < bytes.count {
                let byte = bytes[offset]
                var width = 1
                var isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
                if byte >= 0x80, let spaceWidth = unicodeSpaceWidth(bytes, at: offset) {
                    isSpace = true
                    width = spaceWidth
                }
                if isSpace {
                    if result.last != 0x20 { result.append(0x20) }
                } else {
                    result += bytes[offset..<offset + width]
                }
                offset += width
            }
        }
        return result
    }
}

/// Where one document holds each literal of a `LiteralIndex`: what the `requires`
/// pre-filter asks of it, rule by rule.
public struct LiteralHits: Sendable {
    let index: LiteralIndex
    /// Where each literal's occurrences are in `lines` and `ends`: `firstHit[literal]..<firstHit[literal + 1]`.
    let firstHit: [Int32]
    /// Each occurrence's line, by literal, in text order (a line once per occurrence).
    let lines: [Int32]
    /// The offset just past each occurrence, by literal, ascending.
    let ends: [Int32]

    /// The occurrences of `literal` (indices into `lines` and `ends`).
    func hits(of literal: Int) -> Range<Int> { Int(firstHit[literal])..<Int(firstHit[literal + 1]) }
    /// The offset of every line's first byte, ascending.
    let lineStarts: [Int]
    let length: Int

    /// Whether the document holds one of the rule's literals (true for a rule without any).
    public func holdsLiteral(ofRule rule: Int) -> Bool {
        let literals = index.literalsOfRule[rule]
        return literals.isEmpty || literals.contains { !hits(of: $0).isEmpty }
    }

    /// Where a match of the rule can begin, when each of its matches holds one of its literals and
    /// only bytes of `matchBytes`: from just past the last byte outside `matchBytes` before an
    /// occurrence of a literal to the occurrence's end — ascending, disjoint byte ranges (a range's
    /// upper bound is the last start it allows, as a line's "\n" is in `lines(ofRule:)`).
    ///
    /// A match holding the occurrence that ends at `end` begins at or before it, and holds no byte
    /// outside `matchBytes` from its start to `end`: so it begins past the last such byte.
    public func windows(ofRule rule: Int, in text: UnsafeBufferPointer<UInt8>, matchBytes: ByteSet) -> [Range<Int>] {
        let literals = index.literalsOfRule[rule]
        var occurrences = gathered(ends, of: literals)
        if literals.count > 1 { occurrences.sort() }
        var windows: [Range<Int>] = []
        for end in occurrences {
            // Back from the occurrence's last byte to a byte no match holds, or to the last
            // window's end (nothing outside `matchBytes` between: one window).
            let reached = windows.last?.upperBound ?? 0
            guard end > reached else { continue }
            var offset = end - 1
            while offset >= reached && matchBytes.contains(text[offset]) { offset -= 1 }
            if offset < reached, let last = windows.last {
                windows[windows.count - 1] = last.lowerBound..<end
            } else {
                windows.append(offset + 1..<end)
            }
        }
        return windows
    }

    /// `values` (`lines` or `ends`) of every occurrence of `literals`, literal by literal, in one
    /// array sized once (this runs for every rule of every document).
    private func gathered(_ values: [Int32], of literals: [Int]) -> [Int] {
        var count = 0
        for literal in literals { count += hits(of: literal).count }
        var result: [Int] = []
        result.reserveCapacity(count)
        for literal in literals {
            for hit in hits(of: literal) { result.append(Int(values[hit])) }
        }
        return result
    }

    /// The lines holding one of the rule's literals, as ascending, disjoint byte ranges
    /// (adjacent lines merged); each range ends at its last line's "\n" (exclusive) or the
    /// end of the text.
    public func lines(ofRule rule: Int) -> [Range<Int>] {
        var marked = gathered(lines, of: index.literalsOfRule[rule])
        marked.sort()
        var windows: [Range<Int>] = []
        var previous = -2
        for line in marked where line != previous {
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : length
            if line == previous + 1, let last = windows.last {
                windows[windows.count - 1] = last.lowerBound..<end
            } else {
                windows.append(lineStarts[line]..<end)
            }
            previous = line
        }
        return windows
    }
}
