/// A document with its tokens, and the questions the name stages ask about positions:
/// which tokens lie in a range, what a token says, whether a position starts a sentence.
public struct TextIndex: Sendable {
    public let document: Document
    public let tokens: [Token]
    /// The `NameKey` of every token that is not plain ASCII, computed once (accent folding is
    /// costly and the name stages ask for the same keys many times). A plain ASCII key is
    /// only the word lower-cased, made when asked for: keeping a string for every token would
    /// cost more memory than the text itself.
    private let foldedKeys: [Int: String]

    public init(document: Document, tokens: [Token]) {
        self.document = document
        self.tokens = tokens
        var folded: [Int: String] = [:]
        document.bytes.withUnsafeBufferPointer { bytes in
            for (position, token) in tokens.enumerated() where bytes[token.range].contains(where: { $0 >= 0x80 || $0 == 0x60 }) {
                folded[position] = NameKey.normalise(utf8: document.bytes[token.range])
            }
        }
        foldedKeys = folded
    }

    public init(document: Document) {
        self.init(document: document, tokens: Tokenizer.tokens(in: document.bytes))
    }

    public func text(_ index: Int) -> String { document.string(tokens[index].range) }
    /// The title the token at `index` is ("Mrs", "DR", "Prof."), or nil.
    func title(_ index: Int) -> Title? {
        Title.mayStart(with: document.bytes[tokens[index].range.lowerBound]) ? Title(text(index)) : nil
    }
    public func key(_ index: Int) -> String {
        foldedKeys[index] ?? NameKey.normalise(utf8: document.bytes[tokens[index].range])
    }

    /// Indices of the tokens that lie wholly inside a byte range.
    public func tokenIndices(in range: Range<Int>) -> Range<Int> {
        let first = firstToken(atOrAfter: range.lowerBound)
        var last = first
        while last < tokens.count && tokens[last].range.upperBound <= range.upperBound { last += 1 }
        return first..<last
    }

    /// The first token starting at or after a byte offset.
    public func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The bytes between two adjacent tokens.
    public func gap(before index: Int) -> Range<Int> {
        (index == 0 ? 0 : tokens[index - 1].range.upperBound)..<tokens[index].range.lowerBound
    }

    /// True when the gap before a token is a single space (same phrase, same line).
    public func joinedBySpace(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let gap = gap(before: index)
        return gap.count == 1 && document.bytes[gap.lowerBound] == 0x20
    }

    /// Whether the token at `position` continues a capitalised phrase: a capitalised word stands
    /// right before it, one space away, and does not start a sentence ("Queen Victoria",
    /// "St Mary Hospital", "Castle Hill").
    public func continuesCapitalisedPhrase(_ position: Int) -> Bool {
        guard position > 0, joinedBySpace(position) else { return false }
        let previous = tokens[position - 1]
        return previous.isCapitalised && !isSentenceStart(previous.range.lowerBound)
    }

    /// Whether a byte offset starts a sentence, a line, a list item or a heading.
    public func isSentenceStart(_ offset: Int) -> Bool {
        var index = offset - 1
        let bytes = document.bytes
        while index >= 0 {
            switch bytes[index] {
            case 0x20, 0x09, 0x22, 0x27, 0x28: index -= 1  // space, tab, quotes, "("
            case 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A: return true  // newline, . ! ? :
            case 0x2D, 0x2A: index -= 1  // list bullets "-" "*"
            case 0x80...0xFF:
                // Curly quotes and the bullet "•" are multi-byte; step over the whole character.
                var start = index
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let character = document.string(start..<index + 1)
                if ["\u{2018}", "\u{201C}", "\u{2022}", "\u{2013}"].contains(character) { index = start - 1 } else { return false }
            default: return false
            }
        }
        return true
    }
}
