/// The spelling of each word as the document first writes it, preferring "Whitfield" to
/// "WHITFIELD", for the original form of detected name variants.
struct Spelling {
    private var words: [String: String] = [:]

    /// The spellings of the `wanted` words (normalised, `NameKey`): one pass over the text,
    /// keeping no tokens, so a long document costs no memory here.
    init(_ document: Document, wanted: Set<String>) {
        Tokenizer.forEachToken(in: document.bytes) { token in
            guard token.kind == .word else { return }
            let key = NameKey.normalise(utf8: document.bytes[token.range])
            guard wanted.contains(key) else { return }
            if let existing = words[key], !(existing.allSatisfy { !$0.isLowercase } && !token.isAllCaps && token.isCapitalised) {
                return
            }
            words[key] = document.string(token.range)
        }
    }

    /// "van der berg" → "van der Berg".
    func original(_ normalised: String) -> String {
        normalised.split(separator: " ").map { word in
            words[String(word)] ?? (NameParts.lowercaseParticles.contains(String(word)) ? String(word) : word.prefix(1).uppercased() + word.dropFirst())
        }.joined(separator: " ")
    }
}
