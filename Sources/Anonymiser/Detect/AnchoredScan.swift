import PCRE2

/// One regex of the analysis's own (house-style pseudonyms, council names) run as the detector
/// runs an anchored rule: tried only where its start set, word shape and byte prefix admit a
/// position (`StartIndex`), resuming after each match exactly as a scan of the whole text does —
/// so it finds what `Regex.forEachMatch` finds without trying every position of every document.
/// A regex whose start is not selective is scanned whole, as before.
struct AnchoredScan: Sendable {
    let regex: Regex
    /// The start of the regex as the candidate pass reads it; nil: it scans the whole text.
    private let index: StartIndex?

    init(_ pattern: String) throws {
        let starts = StartSet.withPrefixWhenItPays(StartSet.derive(from: pattern), of: pattern, caseless: false)
        let selective = starts?.isSelectiveWithShape == true
        regex = try Regex(pattern, options: selective ? .offsetLimit : [])
        index = selective ? StartIndex(starts: [starts]) : nil
    }

    /// Whether the regex runs only at the positions its start admits.
    var isAnchored: Bool { index != nil }

    /// Every match in `text`, in order, as `Regex.forEachMatch(in:_:)` gives them; `body`
    /// returns false to stop.
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Bool) throws {
        guard let index else { return try regex.forEachMatch(in: text, body) }
        let data = MatchData(groups: regex.captureCount)
        var resume = 0
        var stopped = false
        var failure: Error?
        index.forEachCandidate(in: text, active: index.alternatives(of: [0])) { position, _ in
            guard !stopped, position >= resume else { return }
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
