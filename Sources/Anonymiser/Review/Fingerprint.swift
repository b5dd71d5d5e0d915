import Crypto
import Foundation

/// Content fingerprints for review items and people: what a decision is keyed by.
///
/// An item's fingerprint is HMAC-SHA256, under the review key, of its rule (for a replacement:
/// its category, `ReviewItem`), its matched text
/// (normalised), up to three lower-case words either side of it in its own line (paragraph)
/// and an ordinal — never an
/// offset, so a decision survives edits elsewhere in the draft, and holds no text (a
/// decisions file can travel where the draft may not).
///
/// The words either side are only words written wholly in lower-case letters: a name, a
/// pseudonym, a number or a placeholder beside the item is skipped, so the same flag reads the
/// same in the draft and in the published text ("Mrs Smith attends Larkrise School" and "Mrs X
/// attends Larkrise School"), and `check` on the published text finds the decision `redact` used.
/// The ordinal tells repeated mentions with the same words around them apart (0 for the
/// first, 1 for the next…).
///
/// A flagged item also carries a detail fingerprint (rule and text only: `detailFingerprint`).
/// A person's fingerprint is the HMAC of their normalised given names and surname.
public struct Fingerprinter: Sendable {
    static let contextWords = 3
    /// How far (bytes) to look either side for the context words.
    static let contextWindow = 400
    private static let separator = "\u{1F}"

    private let key: SymmetricKey
    public let keyIdentifier: String

    public init(key: FingerprintKey) {
        self.key = SymmetricKey(data: key.bytes)
        keyIdentifier = ReviewKey.identifier(of: key)
    }

    /// What one item is fingerprinted by, in text order: its rule and range in the document.
    public struct Anchor: Sendable {
        public let rule: String
        public let range: Range<Int>
        public init(rule: String, range: Range<Int>) {
            self.rule = rule
            self.range = range
        }
    }

    /// What a replacement is anchored by instead of a rule: its category, marked so that it
    /// never reads as a flag's rule.
    static func replacementAnchor(category: String) -> String { "replacement:" + category }

    /// The fingerprints of anchors given in text order (the ordinal counts in that order).
    public func fingerprints(of anchors: [Anchor], in document: Document) -> [String] {
        var seen: [String: Int] = [:]
        return anchors.map { anchor in
            let content = Fingerprinter.content(of: anchor, in: document)
            let ordinal = seen[content, default: 0]
            seen[content] = ordinal + 1
            return hmac("item" + Fingerprinter.separator + content + Fingerprinter.separator + String(ordinal))
        }
    }

    /// A flagged detail by its rule and text alone: what `check` of a published text matches a
    /// kept flag by, where a rewording beside it ("the School" for "Larkrise School") has
    /// changed the words around it. A reviewer who kept "Kettering" for its meaning kept it
    /// wherever that rule flags it.
    public func detailFingerprint(rule: String, text: String) -> String {
        hmac("detail" + Fingerprinter.separator + rule + Fingerprinter.separator + NameKey.normalise(text))
    }

    /// A person, by the names the pipeline and the case registry hold (both normalised).
    public func fingerprint(givenNames: [String], surname: String?) -> String {
        hmac("person" + Fingerprinter.separator + givenNames.joined(separator: " ") + Fingerprinter.separator + (surname ?? ""))
    }

    public func fingerprint(of person: Person) -> String {
        fingerprint(givenNames: person.givenNames, surname: person.surname)
    }

    /// Rule, text and the words around it, before the ordinal.
    static func content(of anchor: Anchor, in document: Document) -> String {
        let bytes = document.bytes
        let text = NameKey.normalise(document.string(anchor.range))
        let beforeStart = max(0, anchor.range.lowerBound - contextWindow)
        let afterEnd = min(bytes.count, anchor.range.upperBound + contextWindow)
        // Within the item's own line (paragraph): an edit in another paragraph never reaches it.
        let lineStart = bytes[beforeStart..<anchor.range.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? beforeStart
        let lineEnd = bytes[anchor.range.upperBound..<afterEnd].firstIndex(of: 0x0A) ?? afterEnd
        let before = lowerCaseWords(String(decoding: bytes[lineStart..<anchor.range.lowerBound], as: UTF8.self)).suffix(contextWords)
        let after = lowerCaseWords(String(decoding: bytes[anchor.range.upperBound..<lineEnd], as: UTF8.self)).prefix(contextWords)
        return [anchor.rule, text, before.joined(separator: " "), after.joined(separator: " ")].joined(separator: separator)
    }

    /// The words of a text written wholly in lower-case letters, in order.
    static func lowerCaseWords(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0 == "'" || $0 == "\u{2019}") }
            .filter { word in word.allSatisfy { $0.isLowercase || $0 == "'" || $0 == "\u{2019}" } && word.contains { $0.isLetter } }
            .map { NameKey.normalise($0) }
    }

    private func hmac(_ text: String) -> String {
        Digest.hex(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }
}
