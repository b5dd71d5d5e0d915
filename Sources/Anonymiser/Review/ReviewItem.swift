/// One thing a reviewer decides: a replacement the tool made, or a detail it only flagged.
///
/// A flag whose detail was reworded ("78 years old" → "in her seventies") belongs to the
/// replacement that reworded it: one item, flagged, decided once. `check` of a published text
/// that kept the original finds it by its detail fingerprint (the flag's rule and text).
///
/// A replacement is fingerprinted by its category ("person"), never by the rule that found it
/// or the flags on it: a review changes both (a person the page met as new is known to the
/// case on the re-run and found by another rule; a title decision adds a title flag), and a
/// decision must still find its item.
public struct ReviewItem: Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The tool changes the text (a person, an identifier, a reworded detail).
        case replacement
        /// The tool only flags the text; it stays unless the reviewer edits it.
        case flag
    }

    public let kind: Kind
    /// The draft's bytes the item covers.
    public let range: Range<Int>
    public let category: String
    public let rule: String
    /// The tool's change, for a replacement.
    public let edit: Edit?
    /// The flags on it: for a flag item its own, for a replacement the flags it reworded.
    public let flags: [ReviewFlag]
    /// The content fingerprint decisions are keyed by.
    public let fingerprint: String
    /// For a flagged item: its flag's rule and text alone (`Fingerprinter.detailFingerprint`).
    public let detail: String?

    /// Whether a person must decide it before publishing (`--require-decisions`).
    public var isFlagged: Bool { !flags.isEmpty }

    /// The items of a redaction, in text order, each with its fingerprint.
    public static func items(of redaction: Redaction, fingerprinter: Fingerprinter) -> [ReviewItem] {
        var flagsByEdit: [Int: [ReviewFlag]] = [:]
        var pureFlags: [ReviewFlag] = []
        let edits = redaction.edits
        for flag in redaction.flags {
            // Edits are in text order and disjoint: the first that ends after the flag starts.
            var low = 0, high = edits.count
            while low < high {
                let middle = (low + high) / 2
                if edits[middle].range.upperBound <= flag.range.lowerBound { low = middle + 1 } else { high = middle }
            }
            if low < edits.count, edits[low].range.overlaps(flag.range) {
                flagsByEdit[low, default: []].append(flag)
            } else {
                pureFlags.append(flag)
            }
        }
        var drafts: [(kind: Kind, range: Range<Int>, category: String, rule: String, edit: Edit?, flags: [ReviewFlag], anchor: Fingerprinter.Anchor)] = []
        for (position, edit) in edits.enumerated() {
            let flags = flagsByEdit[position] ?? []
            drafts.append((.replacement, edit.range, edit.category, edit.rule, edit, flags,
                           Fingerprinter.Anchor(rule: Fingerprinter.replacementAnchor(category: edit.category), range: edit.range)))
        }
        for flag in pureFlags {
            drafts.append((.flag, flag.range, flag.category, flag.rule, nil, [flag], Fingerprinter.Anchor(rule: flag.rule, range: flag.range)))
        }
        drafts.sort { ($0.range.lowerBound, $0.kind == .flag ? 1 : 0, $0.rule) < ($1.range.lowerBound, $1.kind == .flag ? 1 : 0, $1.rule) }
        let fingerprints = fingerprinter.fingerprints(of: drafts.map(\.anchor), in: redaction.document)
        return zip(drafts, fingerprints).map { draft, fingerprint in
            ReviewItem(kind: draft.kind, range: draft.range, category: draft.category, rule: draft.rule, edit: draft.edit,
                       flags: draft.flags, fingerprint: fingerprint,
                       detail: draft.flags.first.map { fingerprinter.detailFingerprint(rule: $0.rule, text: redaction.document.string($0.range)) })
        }
    }
}
