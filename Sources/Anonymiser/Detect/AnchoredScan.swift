import PCRE2

/// One regex of the analysis's own (house-style pseudonyms, council names) run as the detector
/// runs an anchored rule: tried only where its start set, word shape and byte prefix admit a
/// position (`StartIndex`), resuming after each match exactly as a scan of the whole text does —
/// so it finds what `Regex.forEachMatch` finds without trying every position of every document.
/// A regex whose start is not selective is scanned whole, as before.
struct AnchoredScan: Sendable {
    let regex: Regex
    /// The start of the regex as the candidate pass reads it (`AnchoredForm`'s units), and the
    /// mask of all its units; nil: it scans the whole text.
    private let index: (starts: StartIndex, active: [UInt64])?

    init(_ pattern: String) throws {
        let units = AnchoredForm.unitsWithoutLiterals(of: pattern)
        regex = try Regex(pattern, options: units != nil ? .offsetLimit : [])
        index = units.map { units in
            let starts = StartIndex(starts: units.map(\.starts))
            return (starts, starts.alternatives(of: [Bool](repeating: true, count: units.count)))
        }
    }

    /// Whether the regex runs only at the positions its start admits.
    var isAnchored: Bool { index != nil }

    /// Every match in `text`, in order, as `Regex.forEachMatch(in:_:)` gives them; `body`
    /// returns false to stop.
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Bool) throws {
        guard let index else { return try regex.forEachMatch(in: text, body) }
        let data = MatchData(groups: regex.captureCount)
        var resume = 0
        // Two branches may admit the same position: it is tried once.
        var tried = -1
        var stopped = false
        var failure: Error?
        index.starts.forEachCandidate(in: text, active: index.active) { position, _ in
            guard !stopped, position >= resume, position != tried else { return }
            tried = position
            do {
                guard let match = try regex.match(in: text, at: position, using: data) else { return }
                resume = Regex.resumption(after: match.groups[0] ?? position..<position, in: text)
                if !body(match) { stopped = true }
            } catch {
                failure = error
                stopped = true
            }
        }
        if let failure { throw failure }
    }
}
