/// Non-overlapping byte ranges kept sorted, with logarithmic overlap tests — for the
/// greedy "keep the best, skip what overlaps it" passes over thousands of findings.
struct DisjointRanges {
    private(set) var ranges: [Range<Int>] = []

    /// Whether `range` overlaps a kept range.
    func overlaps(_ range: Range<Int>) -> Bool {
        let position = insertionIndex(range.lowerBound)
        if position < ranges.count && ranges[position].lowerBound < range.upperBound { return true }
        if position > 0 && ranges[position - 1].upperBound > range.lowerBound { return true }
        return false
    }

    /// Keeps `range` unless it overlaps; returns whether it was kept.
    @discardableResult
    mutating func insert(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, !overlaps(range) else { return false }
        ranges.insert(range, at: insertionIndex(range.lowerBound))
        return true
    }

    /// The index of the first kept range starting at or after `offset`.
    private func insertionIndex(_ offset: Int) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
