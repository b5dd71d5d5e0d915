/// The text the rules read, and the way back to the draft's own bytes.
///
/// Word processors put characters into names that a reader never sees or reads as a plain
/// space: a no-break space between "Dr" and "Patel", a zero-width space or a soft hyphen
/// inside a surname, a bidi mark, a Cyrillic "а" in a Latin word. The rules must find the
/// name all the same, so they read a *matching* text in which
/// - every Unicode space separator (no-break, narrow no-break, figure, thin, ideographic…)
///   is an ASCII space, and a line or paragraph separator is a line break;
/// - zero-width characters, soft hyphens, bidi controls and other invisible format
///   characters are gone;
/// - fullwidth ASCII letters and digits are ASCII;
/// - in a word that also has Latin letters, Cyrillic and Greek letters that look Latin are
///   Latin (a word wholly in another script is left alone).
/// Everything found is mapped back to the draft's byte ranges, so what is not replaced
/// keeps its original bytes. A draft that needs none of this (any plain ASCII text) is its
/// own matching text, at no cost.
public struct MatchingView: Sendable {
    public let original: Document
    public let matching: Document
    /// Every changed stretch, in text order: where it is in the matching text (empty for a
    /// removed character) and where it came from.
    private let spans: [(matching: Range<Int>, original: Range<Int>)]

    public var isIdentity: Bool { spans.isEmpty }

    public init(_ document: Document) {
        original = document
        let bytes = document.bytes
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            matching = document
            spans = []
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var spans: [(matching: Range<Int>, original: Range<Int>)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                output.append(byte)
                index += 1
                continue
            }
            let (scalar, length) = Tokenizer.decode(bytes, at: index)
            let replacement: [UInt8]?
            switch MatchingView.treatment(of: scalar) {
            case .keep:
                replacement = nil
            case .remove:
                replacement = []
            case let .replace(ascii):
                replacement = [ascii]
            case let .confusable(ascii):
                replacement = MatchingView.wordHasLatinLetter(bytes, around: index, length: length) ? [ascii] : nil
            }
            if let replacement {
                spans.append((output.count..<output.count + replacement.count, index..<index + length))
                output.append(contentsOf: replacement)
            } else {
                output.append(contentsOf: bytes[index..<index + length])
            }
            index += length
        }
        self.spans = spans
        matching = spans.isEmpty ? document : Document(name: document.name, text: String(decoding: output, as: UTF8.self))
    }

    /// The draft's byte range for a range of the matching text. A range that ends just
    /// before a removed character does not take it; one that starts inside a replaced
    /// character starts at that character.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !spans.isEmpty else { return range }
        let lower = originalStart(range.lowerBound)
        return lower..<max(lower, originalEnd(range.upperBound))
    }

    private func originalStart(_ offset: Int) -> Int {
        // The last stretch that starts at or before the offset.
        guard let position = lastSpan(where: { $0 <= offset }) else { return offset }
        let span = spans[position]
        if offset < span.matching.upperBound { return span.original.lowerBound }
        return offset - span.matching.upperBound + span.original.upperBound
    }

    private func originalEnd(_ offset: Int) -> Int {
        // The last stretch that starts before the offset: a character removed exactly at the
        // end of a range stays outside it.
        guard let position = lastSpan(where: { $0 < offset }) else { return offset }
        let span = spans[position]
        if offset <= span.matching.upperBound { return span.original.upperBound }
        return offset - span.matching.upperBound + span.original.upperBound
    }

    /// Binary search: the last span whose matching start satisfies a monotone predicate.
    private func lastSpan(where accepts: (Int) -> Bool) -> Int? {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if accepts(spans[mid].matching.lowerBound) { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    enum Treatment: Equatable {
        case keep, remove
        case replace(UInt8)
        /// Replaced only inside a word that has Latin letters.
        case confusable(UInt8)
    }

    static func treatment(of scalar: Unicode.Scalar) -> Treatment {
        let value = scalar.value
        switch value {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .replace(0x20)
        case 0x0085, 0x2028, 0x2029:
            return .replace(0x0A)
        case 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return .remove
        case 0xFF01...0xFF5E:
            return .replace(UInt8(value - 0xFF01 + 0x21))
        default:
            if let latin = confusables[value] { return .confusable(latin) }
            return .keep
        }
    }

    /// Cyrillic and Greek letters drawn like a Latin letter (Unicode's confusables for the
    /// scripts a UK draft meets).
    private static let confusables: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let pairs: [(String, String)] = [
            // Cyrillic
            ("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS"), ("аеорсухіјѕԁһӏ", "aeopcyxijsdhl"),
            // Greek
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"), ("οικν", "oikv"),
        ]
        for (foreign, latin) in pairs {
            for (scalar, ascii) in zip(foreign.unicodeScalars, latin.utf8) { table[scalar.value] = ascii }
        }
        return table
    }()

    /// Whether the word around a character (letters on either side) holds an ASCII letter.
    static func wordHasLatinLetter(_ bytes: [UInt8], around index: Int, length: Int) -> Bool {
        func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var cursor = index + length
        while cursor < bytes.count {
            let (scalar, size) = Tokenizer.decode(bytes, at: cursor)
            guard Tokenizer.isLetter(scalar) else { break }
            if scalar.isASCII { return true }
            cursor += size
        }
        cursor = index - 1
        while cursor >= 0 {
            var start = cursor
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (scalar, _) = Tokenizer.decode(bytes, at: start)
            guard Tokenizer.isLetter(scalar) else { break }
            if isASCIILetter(bytes[start]) { return true }
            cursor = start - 1
        }
        return false
    }
}

extension Edit {
    /// The same edit over the draft's own bytes.
    func mapped(by view: MatchingView) -> Edit {
        Edit(range: view.originalRange(range), replacement: replacement, category: category, rule: rule, person: person, role: role)
    }
}

extension ReviewFlag {
    func mapped(by view: MatchingView) -> ReviewFlag {
        ReviewFlag(range: view.originalRange(range), category: category, rule: rule, reason: reason, suggestion: suggestion)
    }
}
