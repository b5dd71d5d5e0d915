/// Text inside XML 1.0 attributes and elements: reports (JUnit, the HTML review page) and
/// the parts of a Word document.
enum XMLText {
    /// Escapes markup and quotes, writes a line break as `&#10;` (so an element stays on one
    /// line) and drops the characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String { escape(text, .report) }

    /// Escapes only what XML requires in a document part (a Word document's text is written
    /// back as Word would write it): markup, quotes in attributes, and the white space an
    /// attribute value would otherwise lose.
    static func escape(_ text: String, inAttribute: Bool) -> String { escape(text, inAttribute ? .partAttribute : .partText) }

    /// Where escaped text goes, which decides what is escaped.
    private enum Place { case report, partText, partAttribute }

    private static func escape(_ text: String, _ place: Place) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = entity(for: scalar, in: place) {
                result += entity
            } else if place == .report && isDisallowed(scalar) {
                continue  // not allowed in XML 1.0: a report drops it
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func entity(for scalar: Unicode.Scalar, in place: Place) -> String? {
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return place == .partText ? nil : "&quot;"
        case "'": return place == .report ? "&apos;" : nil
        case "\n": return place == .partText ? nil : "&#10;"
        case "\t": return place == .partAttribute ? "&#9;" : nil
        case "\r": return place == .report ? nil : "&#13;"
        default: return nil
        }
    }

    private static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// The text an escaped attribute value stands for (the entities `escape` writes, and numeric ones).
    static func unescape<Text: StringProtocol>(_ text: Text) -> String where Text.SubSequence == Substring {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                result += rest[amp...]
                return result
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { result.unicodeScalars.append(scalar) } else { result += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
