/// The normalised form under which names and phrases are compared: lower case,
/// curly apostrophes and dashes folded to ASCII, runs of white space collapsed.
public enum NameKey {
    public static func normalise<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            switch character {
            case "\u{2019}", "\u{2018}", "`": result.append("'")
            case "\u{2010}", "\u{2011}", "\u{2013}": result.append("-")
            default: result.append(contentsOf: character.lowercased())
            }
        }
        return result
    }
}
