/// The published text is read once more where a replacement touched a word. A replacement can
/// change what its neighbours look like — "07700 900123Dr Patel": a title glued to a phone number
/// is no title until the number becomes "[phone number]"; "jane@example.orgjane@…": what an
/// address left behind can read as a handle — and `check` reads the published text, so what it
/// would find there must go too. Ordinary text, where every replacement stands between spaces or
/// punctuation, never needs the second reading.
struct AfterRender {
    let analyser: Analyser
    let patterns: PatternSet
    let placeholders: Placeholders

    /// Whether any edit has a letter, digit or "@" right beside it in the draft.
    static func isNeeded(_ edits: [Edit], in draft: Document) -> Bool {
        let bytes = draft.bytes
        // A letter, a digit, "@" or "_" (a curly apostrophe or a dash is no word).
        func isWordCharacter(startingAt index: Int) -> Bool {
            let (scalar, _) = Tokenizer.decode(bytes, at: index)
            return scalar == "@" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        return edits.contains { edit in
            let range = widened(edit.range, in: bytes)
            if range.upperBound < bytes.count && isWordCharacter(startingAt: range.upperBound) { return true }
            guard range.lowerBound > 0 else { return false }
            return isWordCharacter(startingAt: scalarStart(before: range.lowerBound, in: bytes))
        }
    }

    /// A range grown over the characters the rules never see on either side of it (a soft
    /// hyphen, a zero-width space): they do not part a replacement from the word beside it —
    /// "[address]\u{AD}0121 496 0000" reads as "[address]0121 496 0000".
    static func widened(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        func isInvisible(_ scalar: Unicode.Scalar) -> Bool { MatchingView.treatment(of: scalar) == .remove }
        var lower = range.lowerBound, upper = range.upperBound
        while lower > 0 {
            let start = scalarStart(before: lower, in: bytes)
            guard isInvisible(Tokenizer.decode(bytes, at: start).0) else { break }
            lower = start
        }
        while upper < bytes.count {
            let (scalar, length) = Tokenizer.decode(bytes, at: upper)
            guard isInvisible(scalar) else { break }
            upper += length
        }
        return lower..<upper
    }

    /// Where the UTF-8 sequence ending just before `offset` starts.
    private static func scalarStart(before offset: Int, in bytes: [UInt8]) -> Int {
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Edits, over the draft's bytes, for the identifiers and names the rendered text shows right
    /// beside a replacement. Names become "[name]": the pseudonyms were given before.
    func extraEdits(for edits: [Edit], in draft: Document) throws -> [Edit] {
        let prefix = draft.encoding.outputPrefix.utf8.count
        let rendered = Array(Renderer.apply(edits, to: draft).dropFirst(prefix))
        let published = try Document(input: rendered, name: draft.name)
        let analysis = try analyser.analyse(published)
        let map = OutputMap(edits: edits)
        var found: [(range: Range<Int>, replacement: String, category: String, rule: String)] = []
        for candidate in analysis.resolution.identifiers {
            let rule = patterns.rules[candidate.ruleIndex]
            let range = analysis.view.originalRange(candidate.range)
            // What `check` takes for redacted text is left alone here too.
            guard !placeholders.isOnlyPlaceholders(published.string(range)) else { continue }
            found.append((range, rule.placeholder ?? Placeholders.redacted, rule.category, rule.id))
        }
        for mention in analysis.linked.mentions where mention.person != nil {
            found.append((analysis.view.originalRange(mention.range), Placeholders.name, Rule.personCategory, "person.after-render"))
        }
        // Only what touches a replacement: the rest of the text was read the same way the first time.
        return found.compactMap { item in
            guard map.touchesAnEdit(AfterRender.widened(item.range, in: published.bytes)) else { return nil }
            return Edit(range: map.draftRange(of: item.range), replacement: item.replacement, category: item.category, rule: item.rule)
        }
    }
}

/// Where each edit's replacement stands in the rendered text, to take a range of the rendered
/// text back to the draft.
private struct OutputMap {
    /// (start in the output, end in the output, range in the draft), in text order.
    private var spans: [(start: Int, end: Int, draft: Range<Int>)] = []

    init(edits: [Edit]) {
        var shift = 0
        for edit in edits {
            let start = edit.range.lowerBound + shift
            let end = start + edit.replacement.utf8.count
            spans.append((start, end, edit.range))
            shift = end - edit.range.upperBound
        }
    }

    func touchesAnEdit(_ range: Range<Int>) -> Bool {
        spans.contains { $0.start <= range.upperBound && range.lowerBound <= $0.end }
    }

    func draftRange(of range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        var lowerDone = false, upperDone = false
        var shift = 0
        for span in spans {
            if !lowerDone {
                if range.lowerBound < span.start { lower = range.lowerBound - shift; lowerDone = true }
                else if range.lowerBound < span.end { lower = span.draft.lowerBound; lowerDone = true }
            }
            if !upperDone {
                if range.upperBound <= span.start { upper = range.upperBound - shift; upperDone = true }
                else if range.upperBound <= span.end { upper = span.draft.upperBound; upperDone = true }
            }
            shift = span.end - span.draft.upperBound
        }
        if !lowerDone { lower = range.lowerBound - shift }
        if !upperDone { upper = range.upperBound - shift }
        return lower..<max(lower, upper)
    }
}
