/// The spelling of each word as the document first writes it, preferring "Whitfield" to
/// "WHITFIELD", for the original form of detected name variants.
struct Spelling {
    private var words: [String: String] = [:]

    init(_ index: TextIndex) {
        for position in index.tokens.indices where index.tokens[position].kind == .word {
            let token = index.tokens[position]
            let key = index.key(position)
            if let existing = words[key], !(existing.allSatisfy { !$0.isLowercase } && !token.isAllCaps && token.isCapitalised) {
                continue
            }
            words[key] = index.text(position)
        }
    }

    /// "van der berg" → "van der Berg".
    func original(_ normalised: String) -> String {
        normalised.split(separator: " ").map { word in
            words[String(word)] ?? (NameParts.lowercaseParticles.contains(String(word)) ? String(word) : word.prefix(1).uppercased() + word.dropFirst())
        }.joined(separator: " ")
    }
}
