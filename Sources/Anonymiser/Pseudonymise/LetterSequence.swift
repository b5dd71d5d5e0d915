/// The order in which pseudonym letters are given (HOUSE-STYLE.md): X first for the
/// complainant, then Y, Z, B, C… — never A (it reads as an article), and not I, O, Q.
public struct LetterSequence: Sendable, Equatable {
    public static let houseStyle = LetterSequence(letters: Array("XYZBCDEFGHJKLMNPRSTUVW"))

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
