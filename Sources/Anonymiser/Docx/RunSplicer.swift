import Foundation

/// A change to one paragraph's text: a byte range of it and what replaces it.
struct LocalEdit {
    let range: Range<Int>
    let replacement: String
}

/// Writes a paragraph's edits back into its runs. A replacement goes into the run where the
/// match starts, so it takes that run's formatting; the text of the match in later runs is
/// removed; text outside the match, and every run's formatting, stay as they were. A tab or
/// break inside a match is removed with it.
enum RunSplicer {
    /// Applies edits (in order, disjoint) to a paragraph; returns true when its tree changed.
    @discardableResult
    static func apply(_ edits: [LocalEdit], to paragraph: DocxParagraph) -> Bool {
        guard !edits.isEmpty else { return false }
        var operations: [Int: [LocalEdit]] = [:]  // segment index → edits in the segment's own bytes
        var removedMarks: [PartNode] = []
        for edit in edits {
            let target = targetSegment(for: edit, in: paragraph.segments)
            for (index, segment) in paragraph.segments.enumerated() {
                let overlaps = segment.range.overlaps(edit.range)
                guard overlaps || index == target else { continue }
                if case .mark(let element) = segment.slot {
                    if overlaps { removedMarks.append(element) }
                    continue
                }
                let lower = min(max(edit.range.lowerBound, segment.range.lowerBound), segment.range.upperBound)
                let upper = max(min(edit.range.upperBound, segment.range.upperBound), lower)
                let local = (lower - segment.range.lowerBound)..<(upper - segment.range.lowerBound)
                operations[index, default: []].append(LocalEdit(range: local, replacement: index == target ? edit.replacement : ""))
            }
        }
        let bytes = Array(paragraph.text.utf8)
        for (index, edits) in operations {
            let segment = paragraph.segments[index]
            var value = Array(bytes[segment.range])
            for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                value.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            }
            set(String(decoding: value, as: UTF8.self), in: segment.slot)
        }
        for element in removedMarks { element.detach() }
        return !operations.isEmpty || !removedMarks.isEmpty
    }

    /// The segment that receives the replacement: the first text the match covers; for a match
    /// of marks only, the nearest text before it, else after it.
    private static func targetSegment(for edit: LocalEdit, in segments: [TextSegment]) -> Int? {
        func holdsText(_ segment: TextSegment) -> Bool {
            if case .mark = segment.slot { return false }
            return true
        }
        if let covered = segments.indices.first(where: { holdsText(segments[$0]) && segments[$0].range.overlaps(edit.range) }) {
            return covered
        }
        if let before = segments.indices.last(where: { holdsText(segments[$0]) && segments[$0].range.upperBound <= edit.range.lowerBound }) {
            return before
        }
        return segments.indices.first { holdsText(segments[$0]) && segments[$0].range.lowerBound >= edit.range.upperBound }
    }

    static func set(_ value: String, in slot: TextSlot) {
        switch slot {
        case .text(let element):
            element.stringValue = value
            // Word drops leading and trailing spaces of a text element unless told to keep them.
            if element.kind == .element, value.first?.isWhitespace == true || value.last?.isWhitespace == true,
               element.attribute(named: "xml:space") == nil {
                element.addAttribute(name: "xml:space", namespace: PartTree.xmlNamespace, value: "preserve")
            }
        case .attribute(let attribute, let element):
            element.setValue(value, of: attribute)
        case .mark:
            break
        }
    }
}

extension DocxText {
    /// The edits of the joined text as edits of each paragraph (by index). A match that runs
    /// over a paragraph's end is cut there: its replacement stays where it starts, the rest
    /// of its text is removed from the following paragraphs.
    func localEdits(_ edits: [Edit]) -> [Int: [LocalEdit]] {
        var result: [Int: [LocalEdit]] = [:]
        for edit in edits {
            guard var index = paragraphIndex(containing: edit.range.lowerBound) else { continue }
            var replacement: String? = edit.replacement
            while index < paragraphs.count, starts[index] <= max(edit.range.upperBound - 1, edit.range.lowerBound) {
                let start = starts[index]
                let length = paragraphs[index].text.utf8.count
                let lower = max(edit.range.lowerBound - start, 0)
                let upper = min(edit.range.upperBound - start, length)
                if lower <= length, lower <= upper, (upper > lower || replacement != nil) {
                    result[index, default: []].append(LocalEdit(range: lower..<upper, replacement: replacement ?? ""))
                    replacement = nil
                }
                index += 1
            }
        }
        return result
    }
}
