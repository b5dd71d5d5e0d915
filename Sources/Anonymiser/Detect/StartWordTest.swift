/// A rule's `first-word-in`: a match may begin only at a word of a list — the word the tokenizer
/// reads from the match's start (`Tokenizer.wordEnd`), compared by its `NameKey`. `person.full`
/// asks its first word to be a first name, which its validator would ask of every match anyway;
/// tested before the regex runs, it spares the tries at the other capitals ("The Council",
/// "Local Government").
///
/// Both scans apply it as if the regex began with it: the candidate scan does not try a position
/// whose word fails, and a scan of the whole text that finds a match there moves on to the next
/// character, as PCRE2 does where a regex does not match. So the two find the same.
///
/// A word that runs on into a non-ASCII character the tokenizer does not read as a letter (a
/// spacing or enclosing mark, "Ja\u{20DD}ne"), or into an apostrophe or hyphen before one, passes:
/// the rule's regex may read further than the tokenizer, and its name key is the regex's to make.
struct StartWordTest: Sendable {
    let keys: Set<String>
    /// The keys as `PhraseList.FirstWords` reads a plain ASCII word: a word it turns away is no
    /// key, told without making its key.
    let mayBeKey: PhraseList.FirstWords

    init(keys: Set<String>) {
        self.keys = keys
        mayBeKey = PhraseList.FirstWords(Array(keys))
    }

    /// Whether the word that starts at `position` of `bytes` is in the list (false: no word starts there).
    func admits(_ bytes: [UInt8], at position: Int) -> Bool {
        guard let end = Tokenizer.wordEnd(in: bytes, at: position) else { return false }
        if end < bytes.count {
            let next = bytes[end]
            if next >= 0x80 { return true }
            if next == UInt8(ascii: "'") || next == UInt8(ascii: "-"), end + 1 < bytes.count, bytes[end + 1] >= 0x80 { return true }
        }
        let word = bytes[position..<end]
        return mayBeKey.mayHold(word: word) && keys.contains(NameKey.normalise(utf8: word))
    }
}
