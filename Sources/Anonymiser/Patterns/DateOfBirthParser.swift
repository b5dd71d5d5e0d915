import Foundation

/// Reads the common ways a date of birth is written in a draft — 03/03/1951, 3.3.51,
/// 3 March 1951, 3rd of March 1951, March 3, 1951, 24-Dec-1983, 3 Sept. 1951, ISO 1951-03-03 —
/// and says whether it is a real date. Numeric dates are day first (British), unless the
/// first number has four digits (ISO year-month-day).
enum DateOfBirthParser {
    struct Parsed: Equatable {
        let day: Int
        let month: Int
        let year: Int
    }

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// The latest plausible year of birth: this year (a baby born this year is possible).
    static var currentYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    static func parse(_ text: String) -> Parsed? {
        var numbers: [Int] = []
        var yearFirst = false
        var month: Int?
        for token in tokens(text) {
            if let value = Int(token) {
                if numbers.isEmpty && month == nil && token.count == 4 { yearFirst = true }
                numbers.append(value)
            } else if let named = months[token] {
                if month != nil { return nil }
                month = named
            } else if ["st", "nd", "rd", "th", "of"].contains(token) {
                continue
            } else {
                return nil
            }
        }
        let day: Int, resolvedMonth: Int, rawYear: Int
        if let month {
            guard numbers.count == 2, !yearFirst else { return nil }
            (day, resolvedMonth, rawYear) = (numbers[0], month, numbers[1])
        } else if yearFirst {
            guard numbers.count == 3 else { return nil }
            (day, resolvedMonth, rawYear) = (numbers[2], numbers[1], numbers[0])
        } else {
            guard numbers.count == 3 else { return nil }
            (day, resolvedMonth, rawYear) = (numbers[0], numbers[1], numbers[2])
        }
        let year: Int
        if rawYear < 100 {
            // Two-digit years: a date of birth is in the past, so 51 is 1951 and 05 is 2005.
            year = rawYear + (rawYear <= currentYear % 100 ? 2000 : 1900)
        } else {
            year = rawYear
        }
        guard (1900...currentYear).contains(year), (1...12).contains(resolvedMonth) else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = resolvedMonth
        components.day = day
        let calendar = Calendar(identifier: .gregorian)
        guard (1...31).contains(day), components.isValidDate(in: calendar) else { return nil }
        return Parsed(day: day, month: resolvedMonth, year: year)
    }

    /// Lowercased runs of digits and of letters; a digit run glued to a suffix ("3rd") splits.
    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var currentIsDigit = false
        for character in text.lowercased() {
            let isDigit = character.isASCII && character.isNumber
            let isLetter = character.isLetter
            if isDigit || isLetter {
                if !current.isEmpty && isDigit != currentIsDigit {
                    result.append(current)
                    current = ""
                }
                current.append(character)
                currentIsDigit = isDigit
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
