import Foundation

/// A check that a regex match really is what the rule says: a checksum, a structure,
/// a real date, or a name from the gazetteer. Named in pattern files by `rawValue`.
public enum Validator: String, CaseIterable, Sendable {
    /// NHS number: ten digits, modulus 11 check digit.
    case nhs
    /// Payment card number: 13–19 digits passing the Luhn checksum.
    case luhn
    /// National Insurance number: valid prefix letters, six digits, suffix A–D.
    case nino
    /// UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA).
    case postcode
    /// A real calendar date with a year from 1900 to this year.
    case date
    /// A UK telephone number: 10 or 11 digits once +44, (0) and punctuation are removed.
    case phone
    /// A person's name: the `given` group is a known first name and the `surname`
    /// group is a plausible surname (see `Lexicon`).
    case givenName = "given-name"
    /// A surname-first record ("SMITH, Jane", "Smith, M. (Miss)") or initials and a surname
    /// ("J.R. Smith"): the `surname` group is a plausible surname and the `given` group holds
    /// initials or given names (see `Lexicon.isPlausibleRecordName`).
    case recordName = "record-name"

    /// Whether `value` (the rule's `value` group, or the whole match) passes.
    public func accepts(_ value: String, groups: [String: String] = [:], lexicon: Lexicon) -> Bool {
        switch self {
        case .nhs: return Validator.isNHSNumber(value)
        case .luhn: return Validator.passesLuhn(value)
        case .nino: return Validator.isNationalInsuranceNumber(value)
        case .postcode: return Validator.isPostcode(value)
        case .date: return DateOfBirthParser.parse(value) != nil
        case .phone: return Validator.isUKPhoneNumber(value)
        case .givenName:
            if let second = groups["given2"] {
                // A couple ("Noor and Sami Haddad"): one given name from the lists, neither an ordinary word.
                let first = groups["given"] ?? ""
                func nameLike(_ word: String) -> Bool { lexicon.isFirstName(word) || !lexicon.isCommonWord(word) }
                return (lexicon.isFirstName(first) || lexicon.isFirstName(second)) && nameLike(first) && nameLike(second)
                    && lexicon.isPlausibleSurname(groups["surname"] ?? "")
            }
            return lexicon.isPlausibleFullName(given: groups["given"] ?? "", surname: groups["surname"] ?? "")
        case .recordName:
            return lexicon.isPlausibleRecordName(given: groups["given"] ?? "", surname: groups["surname"] ?? "", title: groups["title"])
        }
    }

    static func digits(_ text: String) -> [Int] {
        text.unicodeScalars.compactMap { $0.properties.numericType == .decimal && $0.isASCII ? Int($0.value - 48) : nil }
    }

    static func isNHSNumber(_ text: String) -> Bool {
        let d = digits(text)
        guard d.count == 10, Set(d).count > 1 else { return false }
        let sum = zip(d.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == d[9]
    }

    static func passesLuhn(_ text: String) -> Bool {
        let d = digits(text)
        guard (13...19).contains(d.count) else { return false }
        var sum = 0
        for (index, digit) in d.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    static func isNationalInsuranceNumber(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let chars = Array(compact)
        guard chars.count == 9 else { return false }
        let first = chars[0], second = chars[1]
        guard first.isASCII, first.isLetter, second.isASCII, second.isLetter else { return false }
        guard !"DFIQUV".contains(first), !"DFIOQUV".contains(second) else { return false }
        guard !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(String(chars[0...1])) else { return false }
        guard chars[2...7].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return "ABCD".contains(chars[8])
    }

    static func isPostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let chars = Array(compact)
        guard (5...7).contains(chars.count) else { return false }
        let inward = chars.suffix(3), outward = Array(chars.dropLast(3))
        guard inward.first!.isNumber, inward.dropFirst().allSatisfy({ $0.isLetter && !"CIKMOV".contains($0) }) else { return false }
        let shape = String(outward.map { $0.isNumber ? "9" : ($0.isLetter ? "A" : "?") })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return false }
        return !"QVX".contains(outward[0])
    }

    static func isUKPhoneNumber(_ text: String) -> Bool {
        var trimmed = text.lowercased()
        // An extension is not part of the number's length.
        for marker in ["extension", "ext.", "ext", "x"] {
            guard let found = trimmed.range(of: marker, options: .backwards) else { continue }
            let rest = trimmed[found.upperBound...].trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty && rest.allSatisfy(\.isNumber) {
                trimmed = String(trimmed[..<found.lowerBound])
                break
            }
        }
        trimmed = trimmed.replacingOccurrences(of: "(0)", with: "")
        var d = digits(trimmed)
        if trimmed.hasPrefix("+44") || trimmed.hasPrefix("0044") {
            d.removeFirst(trimmed.hasPrefix("+") ? 2 : 4)
            d.insert(0, at: 0)
        }
        guard d.first == 0, d.count > 1, d[1] != 0 else { return false }
        return d.count == 10 || d.count == 11
    }
}
