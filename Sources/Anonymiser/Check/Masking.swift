/// Masks identifying text for reports: a title stays, each word keeps its first
/// character and every other letter or digit becomes `*`.
///
/// - "Mrs Whitfield" → "Mrs W********"
/// - "07700 900123" → "07*** ******" (a phone number keeps only its first two digits,
///   which say what kind of number it is)
/// - "jane@example.com" → "j***@e******.com" (the generic end of a domain stays)
/// - "12/03/1957" → "1*/**/****" (in a number, only the first group keeps a digit)
public enum Masking {
    /// Domain labels that identify no one: kept in e-mail addresses and URLs.
    static let genericLabels: Set<String> = [
        "com", "org", "net", "co", "uk", "gov", "ac", "nhs", "edu", "info", "io", "me", "www", "http", "https",
    ]

    /// The category of house-style findings, whose text is a pseudonym and shown as it is.
    public static let pseudonymCategory = "pseudonym"

    public static func mask(_ text: String, category: String) -> String {
        // Pseudonyms ("Mrs A", "her mother, Y") identify no one.
        if category == pseudonymCategory { return text }
        let characters = Array(text)
        // Where each character starts, so that a word is cut from the text as a substring (a
        // String made from Characters costs some 5,000 instructions a word).
        let starts = Array(text.indices) + [text.endIndex]
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        var wordNumber = 0
        var digitGroups = 0
        var phoneDigits = 0
        let isPhone = category == "phone"
        let isAddress = category == "email" || category == "url" || category == "social"
        var afterAt = false
        var inLeadingTitles = true
        while index < characters.count {
            let character = characters[index]
            guard isWordCharacter(character) else {
                if character == "@" { afterAt = true }
                result.append(character)
                index += 1
                continue
            }
            var end = index
            while end < characters.count && isWordCharacter(characters[end]) { end += 1 }
            let word = String(text[starts[index]..<starts[end]])
            defer { wordNumber += 1 }
            let isDigits = word.allSatisfy(\.isNumber)
            let isTitle = Title(word) != nil || (wordNumber > 0 && word == "and")
            if inLeadingTitles && !isTitle { inLeadingTitles = false }
            if isPhone {
                for character in word {
                    if character.isNumber {
                        result.append(phoneDigits < 2 ? character : "*")
                        phoneDigits += 1
                    } else {
                        result.append("*")
                    }
                }
            } else if inLeadingTitles && end < characters.count {
                // "Mrs", "Dr.", "Mr and Mrs" before a name: titles identify no one.
                result += word
            } else if isAddress && genericLabels.contains(word.lowercased()) && (category != "email" || afterAt)
                        && !(index > 0 && characters[index - 1] == "@") {
                result += word
            } else if isDigits {
                result += digitGroups == 0 ? String(word.prefix(1)) + String(repeating: "*", count: word.count - 1)
                    : String(repeating: "*", count: word.count)
                digitGroups += 1
            } else {
                result += String(word.prefix(1)) + String(repeating: "*", count: word.count - 1)
            }
            index = end
        }
        return result
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        // Nearly every character is ASCII: no Unicode property look-up for those.
        if let ascii = character.asciiValue { return (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) }
        return character.isLetter || character.isNumber || character.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark }
    }
}
