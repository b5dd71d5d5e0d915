/// The order in which pseudonym letters are given (HOUSE-STYLE.md): X first for the
/// complainant, then Y, Z, B, C… — never A (it reads as an article), and not I, O, Q.
public struct LetterSequence: Sendable, Equatable {
    /// Letters never given: A reads as an article; I, O and Q look like figures or each other.
    static let skipped: Set<Character> = ["A", "I", "O", "Q"]

    /// X, Y, Z, then the alphabet without those three and the skipped letters.
    public static let houseStyle = LetterSequence(
        letters: Array("XYZ") + "ABCDEFGHIJKLMNOPQRSTUVW".filter { !skipped.contains($0) && !"XYZ".contains($0) })

    public let letters: [Character]

    public init(letters: [Character]) {
        self.letters = letters
    }

    /// The first letter not already used and not a real initial of anyone in the case.
    /// When the sequence is exhausted, a real initial is better than no pseudonym; `nil`
    /// only when every letter is taken.
    public func next(used: Set<Character>, realInitials: Set<Character>) -> Character? {
        letters.first { !used.contains($0) && !realInitials.contains($0) } ?? letters.first { !used.contains($0) }
    }
}
