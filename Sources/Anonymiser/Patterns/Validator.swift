import Crypto
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
    /// DVLA driving licence number (Great Britain): five surname characters padded with 9,
    /// a decade digit, month (01–12, or 51–62 for women), day (01–31), year digit, two initials
    /// (the second may be 9), a digit and two check characters; 16 characters.
    case drivingLicence = "driving-licence"
    /// IBAN (ISO 13616): a known country's length, then the mod-97 check (remainder 1).
    case iban
    /// IMEI: 15 digits passing the Luhn check.
    case imei
    /// Vehicle identification number (ISO 3779): 17 characters without I, O, Q, whose
    /// ninth character is the North American check digit (weights 8 7 6 5 4 3 2 10 0 9…).
    case vin
    /// IPv6 address (RFC 4291 text forms, "::" compression, embedded IPv4).
    case ipv6
    /// Bitcoin address: Base58Check (version 0 or 5, double SHA-256) or bech32/bech32m "bc1…".
    case bitcoin
    /// US Social Security number (area not 000, 666 or 9xx; group not 00; serial not 0000) or
    /// ITIN (area 9xx, group 50–65, 70–88, 90–92 or 94–99).
    case ssn
    /// UK Unique Taxpayer Reference: 10 digits (an optional K), first digit the HMRC check digit.
    case utr
    /// Scottish CHI number: 10 digits, the first six a real date (DDMMYY), modulus 11 check digit.
    case chi
    /// An international phone number (E.164): an assigned country code, 8–15 digits in all.
    case e164
    /// SWIFT/BIC (ISO 9362): 4 letters, an ISO 3166 country, 2 location characters, optional 3-character branch.
    case bic
    /// A social media handle: "@name", or a user name with a digit, "_" or ".", or a lower-case
    /// run of 6+ letters that is not an ordinary word ("as well", "as usual" are not handles).
    case handle
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
        case .drivingLicence: return Validator.isDrivingLicenceNumber(value)
        case .iban: return Validator.isIBAN(value)
        case .imei: return Validator.isIMEI(value)
        case .vin: return Validator.isVIN(value)
        case .ipv6: return Validator.isIPv6(value)
        case .bitcoin: return Validator.isBitcoinAddress(value)
        case .ssn: return Validator.isSSN(value)
        case .utr: return Validator.isUTR(value)
        case .chi: return Validator.isCHINumber(value)
        case .e164: return Validator.isInternationalPhoneNumber(value)
        case .bic: return Validator.isBIC(value)
        case .handle: return Validator.isHandle(value, lexicon: lexicon)
        case .givenName:
            if let second = groups["given2"] {
                // A couple ("Noor and Sami Haddad"): one given name from the lists, neither an ordinary word.
                let first = groups["given"] ?? ""
                func nameLike(_ word: String) -> Bool { lexicon.isFirstName(word) || !lexicon.isCommonWord(word) }
                return (lexicon.isFirstName(first) || lexicon.isFirstName(second)) && nameLike(first) && nameLike(second)
                    && lexicon.isPlausibleSurname(groups["surname"] ?? "")
            }
            return lexicon.isPlausibleFullName(given: groups["given"] ?? "", surname: groups["surname"] ?? "",
                                               possessive: groups["possessive"] != nil)
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
        let chars = Array(compact(text))
        guard chars.count == 9 else { return false }
        let first = chars[0], second = chars[1]
        guard first.isASCII, first.isLetter, second.isASCII, second.isLetter else { return false }
        guard !"DFIQUV".contains(first), !"DFIOQUV".contains(second) else { return false }
        guard !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(String(chars[0...1])) else { return false }
        guard chars[2...7].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return "ABCD".contains(chars[8])
    }

    /// Upper-cased, without spaces, no-break spaces, hyphens, dots or slashes.
    static func compact(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { !($0.properties.isWhitespace || "-–./".unicodeScalars.contains($0)) })
    }

    /// The official structure (Royal Mail / BS 7666): outward code A9, A99, A9A, AA9, AA99 or AA9A
    /// with the letters each position allows, inward code 9AA without C I K M O V; or GIR 0AA.
    static func isPostcode(_ text: String) -> Bool {
        let chars = Array(compact(text))
        guard (5...7).contains(chars.count), chars.allSatisfy(\.isASCII) else { return false }
        if String(chars) == "GIR0AA" { return true }
        let inward = Array(chars.suffix(3)), outward = Array(chars.dropLast(3))
        guard inward[0].isNumber, inward.dropFirst().allSatisfy({ "ABDEFGHJLNPQRSTUWXYZ".contains($0) }) else { return false }
        let shape = String(outward.map { $0.isNumber ? "9" : ($0.isLetter ? "A" : "?") })
        let first = "ABCDEFGHIJKLMNOPRSTUWYZ", second = "ABCDEFGHKLMNOPQRSTUVWXY"
        guard first.contains(outward[0]) else { return false }
        switch shape {
        case "A9", "A99": return true
        case "A9A": return "ABCDEFGHJKPSTUW".contains(outward[2])
        case "AA9", "AA99": return second.contains(outward[1])
        case "AA9A": return second.contains(outward[1]) && "ABEHMNPRVWXY".contains(outward[3])
        default: return false
        }
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

    // MARK: identity documents

    static func isDrivingLicenceNumber(_ text: String) -> Bool {
        let c = Array(compact(text))
        guard c.count == 16, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        // Surname: letters, then only 9s (a short name is padded: "LEE99").
        let surname = c[0..<5]
        guard surname.first!.isLetter else { return false }
        if let pad = surname.firstIndex(of: "9") {
            guard surname[pad...].allSatisfy({ $0 == "9" }) else { return false }
        }
        guard surname.allSatisfy({ $0.isLetter || $0 == "9" }) else { return false }
        guard c[5...10].allSatisfy(\.isNumber), let month = Int(String(c[6...7])), let day = Int(String(c[8...9])) else { return false }
        // Month 01-12 (51-62 for a woman), day 01-31: the DVLA's structure, not a calendar check.
        let realMonth = month > 50 ? month - 50 : month
        guard (1...12).contains(realMonth), (1...31).contains(day) else { return false }
        // Initials: a letter, then a letter or 9; then a digit and two check characters.
        guard c[11].isLetter, c[12].isLetter || c[12] == "9", c[13].isNumber else { return false }
        return true
    }

    // MARK: finance

    /// IBAN lengths by country (ISO 13616 registry).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
        "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
        "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]

    static func isIBAN(_ text: String) -> Bool {
        let c = Array(compact(text))
        guard c.count >= 15, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              ibanLengths[String(c[0...1])] == c.count, c[2].isNumber, c[3].isNumber else { return false }
        var remainder = 0
        for character in c[4...] + c[0..<4] {
            let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue!) - 55
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    /// ISO 3166-1 alpha-2 country codes (with XK, Kosovo, which SWIFT uses).
    static let countryCodes: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO \
        FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE \
        JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO \
        MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW \
        PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM \
        TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    static func isBIC(_ text: String) -> Bool {
        let c = Array(compact(text))
        guard c.count == 8 || c.count == 11, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              c[0...3].allSatisfy(\.isLetter), countryCodes.contains(String(c[4...5])) else { return false }
        return true
    }

    // MARK: devices and vehicles

    static func isIMEI(_ text: String) -> Bool {
        digits(text).count == 15 && passesLuhn(text)
    }

    static func isVIN(_ text: String) -> Bool {
        let c = Array(compact(text))
        guard c.count == 17, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) && !"IOQ".contains($0) }),
              c.contains(where: \.isLetter), c.contains(where: \.isNumber) else { return false }
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ"), values = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]
        let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        var sum = 0
        for (index, character) in c.enumerated() {
            let value = character.isNumber ? Int(String(character))! : values[letters.firstIndex(of: character)!]
            sum += value * weights[index]
        }
        let check = sum % 11
        return c[8] == (check == 10 ? "X" : Character(String(check)))
    }

    static func isIPv6(_ text: String) -> Bool {
        var body = text.lowercased()
        // An embedded IPv4 address counts as two groups.
        var groupsWanted = 8
        if let lastColon = body.lastIndex(of: ":"), body[lastColon...].contains(".") {
            let v4 = body[body.index(after: lastColon)...].split(separator: ".", omittingEmptySubsequences: false)
            guard v4.count == 4, v4.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && Int($0)! <= 255 }) else { return false }
            body = String(body[...lastColon]) + "0"
            groupsWanted = 7
        }
        let halves = body.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let parts = part.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return nil }
            return parts
        }
        guard let head = groups(halves[0]) else { return false }
        if halves.count == 1 { return head.count == groupsWanted }
        guard let tail = groups(halves[1]) else { return false }
        return head.count + tail.count < groupsWanted
    }

    // MARK: crypto-currency

    static let base58 = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    static func isBitcoinAddress(_ text: String) -> Bool {
        if text.lowercased().hasPrefix("bc1") { return isBech32(text) }
        // Base58 decode into bytes (big-endian), keeping leading "1"s as zero bytes.
        var bytes: [UInt8] = []
        for character in text {
            guard let digit = base58.firstIndex(of: character) else { return false }
            var carry = digit
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let zeros = text.prefix(while: { $0 == "1" }).count
        bytes = [UInt8](repeating: 0, count: zeros) + bytes
        guard bytes.count == 25, bytes[0] == 0 || bytes[0] == 5 else { return false }
        let payload = bytes[0..<21], checksum = bytes[21...]
        let hash = SHA256.hash(data: Data(SHA256.hash(data: Data(payload))))
        return Array(hash.prefix(4)) == Array(checksum)
    }

    /// BIP 173 / BIP 350: "bc" + "1" + data in the bech32 alphabet, checksum constant 1 (bech32) or 0x2bc830a3 (bech32m).
    static func isBech32(_ text: String) -> Bool {
        guard text == text.lowercased() || text == text.uppercased() else { return false }
        let lower = Array(text.lowercased())
        guard let separator = lower.lastIndex(of: "1"), separator == 2, String(lower[0..<2]) == "bc",
              (14...90).contains(lower.count) else { return false }
        let alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
        var data: [Int] = []
        for character in lower[(separator + 1)...] {
            guard let value = alphabet.firstIndex(of: character) else { return false }
            data.append(value)
        }
        guard data.count >= 6 else { return false }
        let generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
        var check = 1
        let expanded = [3, 3, 0, 2, 3] + data      // "bc" expanded: high bits 3 3, separator 0, low bits 2 3
        for value in expanded {
            let top = check >> 25
            check = (check & 0x1ffffff) << 5 ^ value
            for bit in 0..<5 where (top >> bit) & 1 == 1 { check ^= generator[bit] }
        }
        return check == 1 || check == 0x2bc830a3
    }

    // MARK: national numbers

    static func isSSN(_ text: String) -> Bool {
        let d = digits(text)
        guard d.count == 9 else { return false }
        let area = d[0] * 100 + d[1] * 10 + d[2], group = d[3] * 10 + d[4], serial = d[5...].reduce(0) { $0 * 10 + $1 }
        guard serial != 0 else { return false }
        if area >= 900 { return (50...65).contains(group) || (70...88).contains(group) || (90...92).contains(group) || (94...99).contains(group) }
        return area != 0 && area != 666 && group != 0
    }

    static func isUTR(_ text: String) -> Bool {
        var c = compact(text)
        if c.hasPrefix("K") { c.removeFirst() }
        if c.hasSuffix("K") { c.removeLast() }
        let d = digits(c)
        guard d.count == 10, c.count == 10, Set(d).count > 1 else { return false }
        let sum = zip(d[1...], [6, 7, 8, 9, 10, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        return d[0] == [2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1][sum % 11]
    }

    static func isCHINumber(_ text: String) -> Bool {
        let d = digits(text)
        guard d.count == 10, isNHSNumber(text) else { return false }
        let day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        guard (1...12).contains(month) else { return false }
        return (1...[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day)
    }

    /// ITU-T E.164 country codes: the one-digit zones 1 and 7, the assigned two-digit codes, and the
    /// two-digit prefixes whose codes have three digits.
    static let twoDigitCountryCodes: Set<Int> = [20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53,
                                                  54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98]
    static let threeDigitCountryPrefixes: Set<Int> = [21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68, 69, 80, 85, 87, 88, 96, 97, 99]

    static func isInternationalPhoneNumber(_ text: String) -> Bool {
        var trimmed = text.replacingOccurrences(of: "(0)", with: "")
        if trimmed.hasPrefix("00") { trimmed.removeFirst(2) }
        let d = digits(trimmed)
        guard (8...15).contains(d.count), let first = d.first, first != 0 else { return false }
        let national: Int
        if first == 1 || first == 7 {
            national = d.count - 1
        } else if twoDigitCountryCodes.contains(d[0] * 10 + d[1]) {
            national = d.count - 2
        } else if threeDigitCountryPrefixes.contains(d[0] * 10 + d[1]) {
            national = d.count - 3
        } else {
            return false
        }
        if d[0] == 4 && d[1] == 4 { return isUKPhoneNumber("+" + d.map(String.init).joined()) }
        return national >= 6
    }

    // MARK: online identity

    static func isHandle(_ text: String, lexicon: Lexicon) -> Bool {
        if text.hasPrefix("@") { return text.count > 1 }
        if text.contains(where: { $0.isNumber || $0 == "_" || $0 == "." }) { return true }
        return text.count >= 6 && text == text.lowercased() && !lexicon.isCommonWord(text)
    }
}
