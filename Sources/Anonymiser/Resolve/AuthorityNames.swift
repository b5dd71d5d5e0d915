import PCRE2

/// The names of the councils a document names ("West Berkshire" of "West Berkshire Council"),
/// normalised: the body complained about is named in a published decision, so a person rule
/// that takes its name ("West Berkshire" read as a first name and a surname) is wrong.
struct AuthorityNames: Sendable {
    static let pattern = #"(?<![\p{L}\p{N}])(?<name>\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:upon|on|of|and|the)[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}?)"#
        + #"[ \t]+(?:(?:Metropolitan[ \t]+)?Borough[ \t]+|County[ \t]+|City[ \t]+|District[ \t]+|Town[ \t]+)?Council\b"#
    // Tried only at a capitalised word followed by what the next word of a council's name can
    // begin with (its start set and word shape), not at every capital of every document.
    private let scan = try! AnchoredScan(AuthorityNames.pattern)

    func names(in document: Document) throws -> Set<String> {
        var names: Set<String> = []
        try document.bytes.withUnsafeBufferPointer { buffer in
            try scan.forEachMatch(in: buffer) { match in
                guard let name = match.range(named: "name") else { return true }
                // "In West Berkshire Council": every tail of the words may be the name.
                let words = NameKey.normalise(document.string(name)).split(separator: " ")
                for start in words.indices { names.insert(words[start...].joined(separator: " ")) }
                return true
            }
        }
        return names
    }
}
