/// Every rule's start set (`StartSet`) in tables that one pass over a document's bytes reads
/// for all rules together: at each position, the alternatives whose first byte and previous
/// byte fit (one bit each), then — for those with leads — one walk down a trie of every lead.
struct StartIndex: Sendable {
    /// 64-bit words per alternative mask.
    let words: Int
    /// The rule each alternative belongs to (alternatives of one rule are adjacent).
    let ruleOfAlternative: [Int]
    /// `firstMasks[byte * words + word]`: the alternatives a match may begin with `byte` under.
    let firstMasks: [UInt64]
    /// `previousMasks[byte * words + word]`: the alternatives that allow `byte` before the start.
    let previousMasks: [UInt64]
    /// The alternatives without leads.
    let plain: [UInt64]
    let trie: LeadTrie

    /// `starts[rule]`: the rule's start set, nil for a rule scanned over the whole text.
    init(starts: [StartSet?]) {
        var owners: [Int] = []
        var alternatives: [StartSet.Alternative] = []
        for (rule, start) in starts.enumerated() {
            for alternative in start?.alternatives ?? [] {
                owners.append(rule)
                alternatives.append(alternative)
            }
        }
        let words = max(1, (alternatives.count + 63) / 64)
        var first = [UInt64](repeating: 0, count: 256 * words)
        var previous = [UInt64](repeating: 0, count: 256 * words)
        var plain = [UInt64](repeating: 0, count: words)
        var trie = LeadTrie.Builder(words: words)
        for (bit, alternative) in alternatives.enumerated() {
            let word = bit / 64, mask = UInt64(1) << UInt64(bit % 64)
            for byte in 0..<256 {
                if alternative.first.contains(UInt8(byte)) { first[byte * words + word] |= mask }
                if alternative.previous.contains(UInt8(byte)) { previous[byte * words + word] |= mask }
            }
            if let leads = alternative.leads {
                for lead in leads { trie.insert(lead, alternative: bit) }
            } else {
                plain[word] |= mask
            }
        }
        self.words = words
        ruleOfAlternative = owners
        firstMasks = first
        previousMasks = previous
        self.plain = plain
        self.trie = trie.build()
    }

    /// The alternatives of `rules`, as a mask.
    func alternatives(of rules: Set<Int>) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: words)
        for (bit, rule) in ruleOfAlternative.enumerated() where rules.contains(rule) {
            mask[bit / 64] |= UInt64(1) << UInt64(bit % 64)
        }
        return mask
    }

    /// Calls `body(position, rule)` for every position of `text` where one of the rules in
    /// `active` (an alternative mask) may begin a match: in text order, each rule once per position.
    func forEachCandidate(in text: UnsafeBufferPointer<UInt8>, active: [UInt64], _ body: (Int, Int) -> Void) {
        let words = self.words
        var candidates = [UInt64](repeating: 0, count: words)
        var leads = [UInt64](repeating: 0, count: words)
        leads.withUnsafeMutableBufferPointer { leads in
        firstMasks.withUnsafeBufferPointer { firstMasks in
            previousMasks.withUnsafeBufferPointer { previousMasks in
                active.withUnsafeBufferPointer { active in
                    plain.withUnsafeBufferPointer { plain in
                        candidates.withUnsafeMutableBufferPointer { candidates in
                            for position in 0..<text.count {
                                let firstRow = Int(text[position]) &* words
                                let previousRow = position == 0 ? -1 : Int(text[position - 1]) &* words
                                var any: UInt64 = 0
                                var needsLeads: UInt64 = 0
                                for word in 0..<words {
                                    var mask = firstMasks[firstRow &+ word] & active[word]
                                    if previousRow >= 0 { mask &= previousMasks[previousRow &+ word] }
                                    candidates[word] = mask
                                    any |= mask
                                    needsLeads |= mask & ~plain[word]
                                }
                                if any == 0 { continue }
                                if needsLeads != 0 {
                                    trie.alternatives(beginning: text, at: position, into: leads)
                                    for word in 0..<words { candidates[word] &= plain[word] | leads[word] }
                                }
                                var lastRule = -1
                                for word in 0..<words {
                                    var mask = candidates[word]
                                    while mask != 0 {
                                        let bit = word &* 64 &+ mask.trailingZeroBitCount
                                        mask &= mask &- 1
                                        let rule = ruleOfAlternative[bit]
                                        if rule != lastRule {
                                            body(position, rule)
                                            lastRule = rule
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
    }
}

/// Every alternative's leads in one trie over folded text units (`StartSet.folded`).
struct LeadTrie: Sendable {
    let words: Int
    /// Children of node `n`: `childUnits/childNodes[childStart[n]..<childStart[n + 1]]`.
    let childStart: [Int32]
    let childUnits: [UInt8]
    let childNodes: [Int32]
    /// `ends[node * words + word]`: the alternatives one of whose leads ends at the node.
    let ends: [UInt64]
    /// The root's children by unit (-1: none), the first step of every walk.
    let rootChildren: [Int32]

    /// The alternatives one of whose leads `text` begins with at `position`, into `found`.
    func alternatives(beginning text: UnsafeBufferPointer<UInt8>, at position: Int, into found: UnsafeMutableBufferPointer<UInt64>) {
        for word in 0..<words { found[word] = 0 }
        var node = 0
        var offset = position
        while let (unit, width) = StartSet.folded(text, at: offset) {
            var next = -1
            if node == 0 {
                next = Int(rootChildren[Int(unit)])
            } else {
                for child in Int(childStart[node])..<Int(childStart[node + 1]) where childUnits[child] == unit {
                    next = Int(childNodes[child])
                    break
                }
            }
            if next < 0 { break }
            node = next
            for word in 0..<words { found[word] |= ends[node * words + word] }
            offset += width
        }
    }

    struct Builder {
        let words: Int
        var children: [[UInt8: Int]] = [[:]]
        var ends: [[Int]] = [[]]

        init(words: Int) { self.words = words }

        mutating func insert(_ lead: [UInt8], alternative: Int) {
            var node = 0
            for unit in lead {
                if let child = children[node][unit] {
                    node = child
                } else {
                    children.append([:])
                    ends.append([])
                    children[node][unit] = children.count - 1
                    node = children.count - 1
                }
            }
            ends[node].append(alternative)
        }

        func build() -> LeadTrie {
            var start: [Int32] = [0]
            var units: [UInt8] = []
            var nodes: [Int32] = []
            var endMasks = [UInt64](repeating: 0, count: children.count * words)
            for node in children.indices {
                for (unit, child) in children[node].sorted(by: { $0.key < $1.key }) {
                    units.append(unit)
                    nodes.append(Int32(child))
                }
                start.append(Int32(units.count))
                for alternative in ends[node] { endMasks[node * words + alternative / 64] |= UInt64(1) << UInt64(alternative % 64) }
            }
            var root = [Int32](repeating: -1, count: 256)
            for (unit, child) in children[0] { root[Int(unit)] = Int32(child) }
            return LeadTrie(words: words, childStart: start, childUnits: units, childNodes: nodes, ends: endMasks, rootChildren: root)
        }
    }
}
