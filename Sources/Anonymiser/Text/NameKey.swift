import Foundation

/// The normalised form under which names and phrases are compared: lower case, accents
/// removed (Wiśniewski = Wisniewski, Zoë = Zoe, Łukasz = Lukasz), curly apostrophes and
/// dashes folded to ASCII, runs of white space collapsed. Drafts spell the same name both ways.
public enum NameKey {
    /// The key of UTF-8 text taken straight from a document's bytes.
    public static func normalise(utf8 bytes: ArraySlice<UInt8>) -> String {
        asciiKey(bytes) ?? normaliseCharacters(String(decoding: bytes, as: UTF8.self))
    }

    public static func normalise<S: StringProtocol>(_ text: S) -> String {
        asciiKey(text.utf8) ?? normaliseCharacters(text)
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
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = byte == 0x60 ? 0x27 : byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
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
