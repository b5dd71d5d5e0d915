/// Every rule's start set (`StartSet`) in tables that one pass over a document's bytes reads
/// for all rules together.
///
/// Bytes are grouped into classes that no alternative tells apart — one grouping for the byte
/// at a position, one for the byte before it — and every pair of classes is given, once, the
/// alternatives it admits. The pass then costs three table reads a byte; only where some
/// alternative is admitted does it look further: the byte two before, for alternatives that
/// constrain it, and for alternatives with leads, one walk down a trie of every lead.
struct StartIndex: Sendable {
    /// 64-bit words per alternative mask.
    let words: Int
    /// The rule each alternative belongs to (alternatives of one rule are adjacent).
    let ruleOfAlternative: [Int]
    /// Byte → its class as the byte at a start.
    let firstClass: [UInt8]
    let firstClasses: Int
    /// Byte → its class as the byte before a start; class `startOfText` stands for position 0,
    /// where no byte comes before (every alternative admits it).
    let previousClass: [UInt8]
    let startOfText: Int
    /// `pairs[previous * firstClasses + first]`: the number of the alternative mask the pair
    /// admits, in `masks` (mask 0 admits nothing).
    let pairs: [UInt32]
    /// `masks[number * words + word]`.
    let masks: [UInt64]
    /// The alternatives without leads.
    let plain: [UInt64]
    /// `beforePrevious[byte * words + word]`: the alternatives that allow `byte` two before the
    /// start; nil when none constrains it.
    let beforePrevious: [UInt64]?
    let trie: LeadTrie
    /// The alternatives whose set has a filtering word shape (`StartSet.filteringShape`), and
    /// `afterWord[code * words + word]`: the alternatives that allow what follows the word at a
    /// start, as `WordShape.byteAfterWord` codes it — those without a shape allow anything.
    let shaped: [UInt64]
    let afterWord: [UInt64]
    /// The alternatives whose set has a filtering byte prefix (`StartSet.filteringPrefix`), and
    /// `prefixRows[((offset - 1) * 257 + byte) * words + word]`: the alternatives that allow
    /// `byte` at `offset` (1–3) from the start (row 256: the text ends before it).
    let prefixed: [UInt64]
    let prefixRows: [UInt64]

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
        // Each byte's column: the alternatives admitting it as first byte, as byte before.
        var first = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: 256)
        var previous = first
        var plain = [UInt64](repeating: 0, count: words)
        var beforePrevious = [UInt64](repeating: 0, count: 256 * words)
        var trie = LeadTrie.Builder()
        for (bit, alternative) in alternatives.enumerated() {
            let word = bit / 64, mask = UInt64(1) << UInt64(bit % 64)
            for byte in 0..<256 {
                if alternative.first.contains(UInt8(byte)) { first[byte][word] |= mask }
                if alternative.previous.contains(UInt8(byte)) { previous[byte][word] |= mask }
                if alternative.beforePrevious.contains(UInt8(byte)) { beforePrevious[byte * words + word] |= mask }
            }
            if let leads = alternative.leads {
                for lead in leads { trie.insert(lead, alternative: bit) }
            } else {
                plain[word] |= mask
            }
        }
        let (firstClass, firstColumns) = StartIndex.classes(of: first)
        let (previousClass, columns) = StartIndex.classes(of: previous)
        var previousColumns = columns
        let startOfText = previousColumns.count
        previousColumns.append([UInt64](repeating: ~0, count: words))
        var numbers: [[UInt64]: UInt32] = [[UInt64](repeating: 0, count: words): 0]
        var masks = [UInt64](repeating: 0, count: words)
        var pairs: [UInt32] = []
        for before in previousColumns {
            for at in firstColumns {
                let mask = zip(before, at).map { $0 & $1 }
                if let known = numbers[mask] {
                    pairs.append(known)
                } else {
                    let number = UInt32(numbers.count)
                    numbers[mask] = number
                    masks += mask
                    pairs.append(number)
                }
            }
        }
        self.words = words
        ruleOfAlternative = owners
        self.firstClass = firstClass
        firstClasses = firstColumns.count
        self.previousClass = previousClass
        self.startOfText = startOfText
        self.pairs = pairs
        self.masks = masks
        self.plain = plain
        self.beforePrevious = alternatives.contains { $0.beforePrevious != .all } ? beforePrevious : nil
        self.trie = trie.build(words: words)

        // What the text after the start must look like: each alternative asks what its rule's set
        // asks (its word shape and byte prefix, when they filter), checked here for all at once.
        var shaped = [UInt64](repeating: 0, count: words)
        var afterWord = [UInt64](repeating: ~0, count: WordShape.codes * words)
        var prefixed = [UInt64](repeating: 0, count: words)
        var prefixRows = [UInt64](repeating: ~0, count: 3 * 257 * words)
        for (bit, rule) in owners.enumerated() {
            let word = bit / 64, mask = UInt64(1) << UInt64(bit % 64)
            if let shape = starts[rule]?.filteringShape {
                shaped[word] |= mask
                for code in 0..<WordShape.codes where !shape.admits(code: code) { afterWord[code * words + word] &= ~mask }
            }
            if let prefix = starts[rule]?.filteringPrefix {
                prefixed[word] |= mask
                for offset in 1..<BytePrefix.depth where prefix.bytes[offset] != .all {
                    for byte in 0..<257 where byte == 256 || !prefix.bytes[offset].contains(UInt8(byte)) {
                        prefixRows[((offset - 1) * 257 + byte) * words + word] &= ~mask
                    }
                }
            }
        }
        self.shaped = shaped
        self.afterWord = afterWord
        self.prefixed = prefixed
        self.prefixRows = prefixRows
    }

    /// Groups the 256 bytes by their column: each byte's class, and each class's column.
    static func classes(of columns: [[UInt64]]) -> (classOfByte: [UInt8], columns: [[UInt64]]) {
        var number: [[UInt64]: UInt8] = [:]
        var distinct: [[UInt64]] = []
        let classOfByte = columns.map { column -> UInt8 in
            if let known = number[column] { return known }
            number[column] = UInt8(distinct.count)
            distinct.append(column)
            return UInt8(distinct.count - 1)
        }
        return (classOfByte, distinct)
    }

    /// The alternatives of the units `active` says are active (indexed by unit), as a mask.
    /// An array, not a set: this runs for every document, once for each of some five hundred
    /// alternatives.
    func alternatives(of active: [Bool]) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: words)
        for (bit, unit) in ruleOfAlternative.enumerated() where unit < active.count && active[unit] {
            mask[bit / 64] |= UInt64(1) << UInt64(bit % 64)
        }
        return mask
    }

    /// Calls `body(position, rule)` for every position of `text` where one of the rules in
    /// `active` (an alternative mask) may begin a match — its start set admits the position, and
    /// its word shape and byte prefix the text there: in text order, each rule once per position.
    func forEachCandidate(in text: UnsafeBufferPointer<UInt8>, active: [UInt64], _ body: (Int, Int) -> Void) {
        let words = self.words
        // The masks as this text's active rules see them, and what each asks of a position:
        // 0 nothing (skip it), 1 no lead, 2 a walk of the lead trie.
        let maskCount = masks.count / words
        var activeMasks = [UInt64](repeating: 0, count: masks.count)
        var kinds = [UInt8](repeating: 0, count: maskCount)
        for number in 0..<maskCount {
            var any: UInt64 = 0, needsLeads: UInt64 = 0
            for word in 0..<words {
                let mask = masks[number * words + word] & active[word]
                activeMasks[number * words + word] = mask
                any |= mask
                needsLeads |= mask & ~plain[word]
            }
            kinds[number] = any == 0 ? 0 : needsLeads == 0 ? 1 : 2
        }
        // No active rule can start anywhere: nothing to read.
        guard kinds.contains(where: { $0 != 0 }) else { return }
        var candidates = [UInt64](repeating: 0, count: words)
        var leads = [UInt64](repeating: 0, count: words)
        // The words of `candidates` still non-zero, in order: on average fewer than two of the
        // eight are where a lead was walked, and three in five positions end with none, so the
        // filters below read only those words and stop once none is left.
        var live = [Int](repeating: 0, count: words)
        let firstClasses = self.firstClasses
        let hasBeforePrevious = beforePrevious != nil
        leads.withUnsafeMutableBufferPointer { leads in
        candidates.withUnsafeMutableBufferPointer { candidates in
        live.withUnsafeMutableBufferPointer { live in
        (beforePrevious ?? []).withUnsafeBufferPointer { beforePrevious in
        activeMasks.withUnsafeBufferPointer { activeMasks in
        kinds.withUnsafeBufferPointer { kinds in
        pairs.withUnsafeBufferPointer { pairs in
        firstClass.withUnsafeBufferPointer { firstClass in
        previousClass.withUnsafeBufferPointer { previousClass in
        plain.withUnsafeBufferPointer { plain in
        shaped.withUnsafeBufferPointer { shaped in
        afterWord.withUnsafeBufferPointer { afterWord in
        prefixed.withUnsafeBufferPointer { prefixed in
        prefixRows.withUnsafeBufferPointer { prefixRows in
            var before = startOfText
            for position in 0..<text.count {
                let byte = Int(text[position])
                let number = Int(pairs[before &* firstClasses &+ Int(firstClass[byte])])
                before = Int(previousClass[byte])
                let kind = kinds[number]
                if kind == 0 { continue }
                let row = number &* words
                let walksLeads = kind == 2
                if walksLeads { trie.alternatives(beginning: text, at: position, into: leads) }
                var liveCount = 0
                for word in 0..<words {
                    var mask = activeMasks[row &+ word]
                    if walksLeads { mask &= plain[word] | leads[word] }
                    candidates[word] = mask
                    if mask != 0 { live[liveCount] = word; liveCount &+= 1 }
                }
                // Keeps, of this position's live words, what `table` (a row of words) allows; a word
                // dropped is zero in `candidates` (every live word is written afresh at each position).
                @inline(__always) func keep(_ table: UnsafeBufferPointer<UInt64>, row: Int) {
                    var kept = 0
                    for index in 0..<liveCount {
                        let word = live[index]
                        let mask = candidates[word] & table[row &+ word]
                        candidates[word] = mask
                        if mask != 0 { live[kept] = word; kept &+= 1 }
                    }
                    liveCount = kept
                }
                if liveCount != 0, hasBeforePrevious, position >= 2 {
                    keep(beforePrevious, row: Int(text[position &- 2]) &* words)
                }
                if liveCount == 0 { continue }
                var asksShape: UInt64 = 0, asksPrefix: UInt64 = 0
                for index in 0..<liveCount {
                    let word = live[index]
                    asksShape |= candidates[word] & shaped[word]
                    asksPrefix |= candidates[word] & prefixed[word]
                }
                if asksShape != 0 {
                    keep(afterWord, row: WordShape.byteAfterWord(in: text, at: position) &* words)
                }
                if asksPrefix != 0 {
                    for offset in 1..<BytePrefix.depth where liveCount != 0 {
                        let byte = position &+ offset < text.count ? Int(text[position &+ offset]) : 256
                        keep(prefixRows, row: ((offset &- 1) &* 257 &+ byte) &* words)
                    }
                }
                var lastRule = -1
                for index in 0..<liveCount {
                    let word = live[index]
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
        }
        }
        }
        }
        }
        }
    }
}

/// Every alternative's leads in one trie over folded text units (`StartSet.folded`): units are
/// numbered (0: a unit no lead holds, where every walk stops). The root's steps are one small row;
/// every other step is an entry of a hash table keyed by node and unit. A table of every node's
/// row (some 7,000 nodes of 55 units) took 1.5 MB, and perf put most of a walk's time on that
/// table's loads; the hash table holds only the steps there are (about 100 KB).
struct LeadTrie: Sendable {
    let words: Int
    /// Folded unit → its number.
    let unitNumber: [UInt8]
    /// `rootNext[unit]`: the root's child (0: none; the root, node 0, is no one's child).
    let rootNext: [Int32]
    /// Open addressing, linear probing: `stepKeys[slot]` is `node * 256 + unit + 1` (0: empty),
    /// `stepChildren[slot]` the child; `stepMask + 1` slots, a power of two, at most half full.
    let stepKeys: [UInt32]
    let stepChildren: [Int32]
    let stepMask: Int
    /// `endRow[node]`: the row of `ends` of the alternatives one of whose leads ends at the node, -1: none.
    let endRow: [Int32]
    /// `ends[row * words + word]`.
    let ends: [UInt64]

    @inline(__always)
    static func slot(ofKey key: UInt32, mask: Int) -> Int { Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// The alternatives one of whose leads `text` begins with at `position`, into `found`.
    @inline(__always)
    func alternatives(beginning text: UnsafeBufferPointer<UInt8>, at position: Int, into found: UnsafeMutableBufferPointer<UInt64>) {
        for word in 0..<words { found[word] = 0 }
        var node = 0
        var offset = position
        rootNext.withUnsafeBufferPointer { rootNext in
        stepKeys.withUnsafeBufferPointer { stepKeys in
        stepChildren.withUnsafeBufferPointer { stepChildren in
        unitNumber.withUnsafeBufferPointer { unitNumber in
        endRow.withUnsafeBufferPointer { endRow in
        ends.withUnsafeBufferPointer { ends in
            while let (unit, width) = StartSet.folded(text, at: offset) {
                let number = Int(unitNumber[Int(unit)])
                if number == 0 { break }
                var child = 0
                if node == 0 {
                    child = Int(rootNext[number])
                } else {
                    let key = UInt32(truncatingIfNeeded: node &<< 8 | Int(unit)) &+ 1
                    var slot = LeadTrie.slot(ofKey: key, mask: stepMask)
                    while true {
                        let found = stepKeys[slot]
                        if found == key { child = Int(stepChildren[slot]); break }
                        if found == 0 { break }
                        slot = (slot &+ 1) & stepMask
                    }
                }
                if child == 0 { break }
                node = child
                let row = Int(endRow[node])
                if row >= 0 {
                    for word in 0..<words { found[word] |= ends[row &* words &+ word] }
                }
                offset &+= width
            }
        }
        }
        }
        }
        }
        }
    }

    struct Builder {
        var children: [[UInt8: Int]] = [[:]]
        var ends: [[Int]] = [[]]

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

        func build(words: Int) -> LeadTrie {
            var unitNumber = [UInt8](repeating: 0, count: 256)
            var units = 1
            for unit in Set(children.flatMap(\.keys)).sorted() {
                unitNumber[Int(unit)] = UInt8(units)
                units += 1
            }
            var rootNext = [Int32](repeating: 0, count: units)
            for (unit, child) in children[0] { rootNext[Int(unitNumber[Int(unit)])] = Int32(child) }
            let steps = children.dropFirst().reduce(0) { $0 + $1.count }
            var slots = 16
            while slots < 2 * steps { slots *= 2 }
            var stepKeys = [UInt32](repeating: 0, count: slots), stepChildren = [Int32](repeating: 0, count: slots)
            for node in children.indices.dropFirst() {
                // In unit order: the table's bytes do not depend on the dictionaries' order.
                for (unit, child) in children[node].sorted(by: { $0.key < $1.key }) {
                    let key = UInt32(node << 8 | Int(unit)) + 1
                    var slot = LeadTrie.slot(ofKey: key, mask: slots - 1)
                    while stepKeys[slot] != 0 { slot = (slot + 1) & (slots - 1) }
                    stepKeys[slot] = key
                    stepChildren[slot] = Int32(child)
                }
            }
            var endRow = [Int32](repeating: -1, count: children.count)
            var endMasks: [UInt64] = []
            for node in children.indices {
                guard !ends[node].isEmpty else { continue }
                var row = [UInt64](repeating: 0, count: words)
                for alternative in ends[node] { row[alternative / 64] |= UInt64(1) << UInt64(alternative % 64) }
                endRow[node] = Int32(endMasks.count / words)
                endMasks += row
            }
            return LeadTrie(words: words, unitNumber: unitNumber, rootNext: rootNext, stepKeys: stepKeys,
                            stepChildren: stepChildren, stepMask: slots - 1, endRow: endRow, ends: endMasks)
        }
    }
}
