import Foundation

/// The normalised form under which names and phrases are compared: lower case, accents
/// removed (Wiśniewski = Wisniewski, Zoë = Zoe, Łukasz = Lukasz), curly apostrophes and
/// dashes folded to ASCII, runs of white space collapsed. Drafts spell the same name both ways.
public enum NameKey {
    /// The key of UTF-8 text taken straight from a document's bytes.
    public static func normalise(utf8 bytes: ArraySlice<UInt8>) -> String {
        asciiKey(bytes) ?? latinKey(bytes) ?? normaliseCharacters(String(decoding: bytes, as: UTF8.self))
    }

    public static func normalise<S: StringProtocol>(_ text: S) -> String {
        asciiKey(text.utf8) ?? latinKey(text.utf8) ?? normaliseCharacters(text)
    }

    /// ASCII text (nearly every name, list entry and finding): what `normaliseCharacters` makes
    /// of it, byte by byte — white space (space, tab, line breaks, vertical tab, form feed)
    /// collapsed to one space and cut at both ends, a backtick an apostrophe, letters
    /// lower-cased. Nil for text with a non-ASCII byte.
    private static func asciiKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The key is never longer than the text.
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                guard let key = asciiKey(of: byte) else {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = key
                count += 1
            }
            return count
        }
    }

    /// An ASCII byte's key: nil for white space (space, tab, line breaks, vertical tab, form
    /// feed), an apostrophe for a backtick, a letter in lower case, any other byte as itself.
    @inline(__always)
    static func asciiKey(of byte: UInt8) -> UInt8? {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return nil }
        return byte == 0x60 ? 0x27 : byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Text in the Latin scripts (ASCII, U+0080–U+024F: Zoë, Wiśniewski, Łukasz, Ștefan) and the
    /// apostrophes and dashes the key folds: what `normaliseCharacters` makes of it, scalar by
    /// scalar from a table that `normaliseCharacters` itself wrote, one character at a time
    /// (`LatinKeys`). Each of these scalars is a character of its own, whose key does not depend
    /// on its neighbours; a scalar outside them (a combining accent, another script) or bytes
    /// that are not UTF-8 give nil. Foundation's folding costs some 50,000 instructions a word.
    private static func latinKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let lead = bytes[index]
            var scalar: UInt32
            var width: Int
            switch lead {
            case 0x00..<0x80: scalar = UInt32(lead); width = 1
            case 0xC2...0xDF: scalar = UInt32(lead & 0x1F); width = 2
            case 0xE0...0xEF: scalar = UInt32(lead & 0x0F); width = 3
            default: return nil
            }
            index = bytes.index(after: index)
            for _ in 1..<width {
                guard index != bytes.endIndex, bytes[index] & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(bytes[index] & 0x3F)
                index = bytes.index(after: index)
            }
            // An over-long form is no UTF-8 (the other path reads it as U+FFFD).
            if width == 3 && scalar < 0x800 { return nil }
            guard let entry = LatinKeys.entry(of: scalar) else { return nil }
            switch entry {
            case .space: pendingSpace = !result.isEmpty
            case .invisible: continue
            case let .key(key):
                if pendingSpace { result.append(0x20); pendingSpace = false }
                result += key
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The key, character by character (any text).
    static func normaliseCharacters<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            // Invisible format characters (zero-width, soft hyphen, bidi marks) are not part of a name.
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) { continue }
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            switch character {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "`": result.append("'")
            case "\u{2010}", "\u{2011}", "\u{2013}": result.append("-")
            default: result.append(contentsOf: character.lowercased())
            }
        }
        return result.unicodeScalars.contains(where: { !$0.isASCII }) ? removingAccents(result) : result
    }

    /// Made once: a locale is costly to make, and thousands of list entries and names fold.
    private static let accentLocale = Locale(identifier: "en_GB")

    /// Letters without their accents; the few that do not decompose (ł, ø, đ, ı) mapped by hand.
    static func removingAccents(_ text: String) -> String {
        let folded = text.folding(options: .diacriticInsensitive, locale: accentLocale)
        return String(folded.map { character -> Character in
            switch character {
            case "ł": return "l"
            case "ø": return "o"
            case "đ": return "d"
            case "ı": return "i"
            default: return character
            }
        })
    }

    /// The initial a reader sees, as one upper-case ASCII-folded letter ("Łukasz" → "L"), or nil.
    public static func initial<S: StringProtocol>(of name: S) -> Character? {
        guard let first = normalise(name).unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return nil }
        let upper = String(first).uppercased()
        return upper.count == 1 ? Character(upper) : Character(String(first))
    }
}

/// The key of each ASCII scalar (as `NameKey.asciiKey` reads it), and of each Latin scalar above
/// ASCII (U+0080–U+024F) and the punctuation keys fold (U+02BC, U+2010, U+2011, U+2013, U+2018,
/// U+2019) made once by `NameKey.normaliseCharacters` itself, so the fast path and the
/// character-by-character path cannot disagree.
enum LatinKeys {
    enum Entry: Equatable {
        /// White space (no-break space, next line): collapsed, cut at both ends.
        case space
        /// A format character (the soft hyphen): no part of a name.
        case invisible
        case key([UInt8])
    }

    static let latinEnd: UInt32 = 0x250
    static let punctuation: [UInt32] = [0x02BC, 0x2010, 0x2011, 0x2013, 0x2018, 0x2019]

    static func entry(of scalar: UInt32) -> Entry? {
        if scalar < latinEnd { return latin[Int(scalar)] }
        guard let position = punctuation.firstIndex(of: scalar) else { return nil }
        return folded[position]
    }

    /// ASCII as `asciiKey` reads it, then the Latin scalars as `normaliseCharacters` does.
    private static let latin: [Entry] = (0..<0x80).map { NameKey.asciiKey(of: UInt8($0)).map { .key([$0]) } ?? .space }
        + (0x80..<latinEnd).map(made)
    private static let folded: [Entry] = punctuation.map(made)

    /// What `normaliseCharacters` makes of the scalar alone, read back as an entry.
    private static func made(_ value: UInt32) -> Entry {
        let character = String(UnicodeScalar(value)!)
        if character.first!.isWhitespace { return .space }
        let key = NameKey.normaliseCharacters(character)
        return key.isEmpty ? .invisible : .key(Array(key.utf8))
    }
}
