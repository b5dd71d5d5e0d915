/// How a case is named in the registry. An Ombudsman reference is written the Ombudsman's
/// way whatever the input ("24013403", "24 013 403" and "24 013 403" are one case,
/// "24 013 403"; "17002402B" is "17 002 402b"); any other reference is kept as given,
/// trimmed, with runs of white space collapsed.
public enum CaseReference {
    public static func canonical(_ reference: String) throws -> String {
        let words = reference.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { throw UsageError("a case reference cannot be empty") }
        let joined = words.joined()
        let digits = joined.prefix { $0.isASCII && $0.isNumber }
        let rest = joined.dropFirst(digits.count)
        if digits.count == 8, rest.isEmpty || (rest.count == 1 && rest.first!.isASCII && rest.first!.isLetter) {
            let d = Array(digits)
            return "\(String(d[0..<2])) \(String(d[2..<5])) \(String(d[5..<8]))" + rest.lowercased()
        }
        return words.joined(separator: " ")
    }
}
