/// A rule's `first-word-in`: a match may begin only at a word of a list — the word the tokenizer
/// reads from the match's start (`Tokenizer.wordEnd`), compared by its `NameKey`. `person.full`
/// asks its first word to be a first name, which its validator would ask of every match anyway;
/// tested before the regex runs, it spares the tries at the other capitals ("The Council",
/// "Local Government").
///
/// Both scans apply it as if the regex began with it: the candidate scan does not try a position
/// whose word fails, and a scan of the whole text that finds a match there moves on to the next
/// character, as PCRE2 does where a regex does not match. So the two find the same.
struct StartWordTest: Sendable {
    let keys: Set<String>
    /// The keys' hashes, as `PhraseList.FirstWords` reads a plain ASCII word: a word whose hash is
    /// not among them is no key, told without making its key.
    let hashes: PhraseList.FirstWords

    init(keys: Set<String>) {
        self.keys = keys
        hashes = PhraseList.FirstWords(keys.sorted())
    }

    /// Whether the word that starts at `position` of `bytes` is in the list (false: no word starts there).
    func admits(_ bytes: [UInt8], at position: Int) -> Bool {
        guard let end = Tokenizer.wordEnd(in: bytes, at: position) else { return false }
        let word = bytes[position..<end]
        return hashes.mayHold(word: word) && keys.contains(NameKey.normalise(utf8: word))
    }
}
