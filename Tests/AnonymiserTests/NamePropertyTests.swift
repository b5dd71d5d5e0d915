import Foundation
import PropertyBased
import Testing
@testable import Anonymiser

/// Generated people, written every way a case file writes a name: whatever the name, every
/// form is replaced, and every form is the one pseudonym.
@Suite struct NamePropertyTests {
    /// Names from the built-in lists that are no ordinary word, place or organisation word, so the
    /// property is about the forms, not about whether "Hope" is a name.
    static let givenNames: [String] = names(Fixtures.patterns.lexicon.firstNames) { !Fixtures.patterns.lexicon.surnames.contains($0) }
    static let surnames: [String] = names(Fixtures.patterns.lexicon.surnames) { !Fixtures.patterns.lexicon.firstNames.contains($0) }

    private static func names(_ keys: Set<String>, _ keep: (String) -> Bool) -> [String] {
        let lexicon = Fixtures.patterns.lexicon
        let usable = keys.filter { key in
            (4...11).contains(key.count) && key.allSatisfy({ ("a"..."z").contains($0) }) && !key.hasPrefix("x")
                && !lexicon.commonWords.contains(key) && !lexicon.places.contains(key) && !lexicon.countries.contains(key)
                && !Lexicon.organisationWords.contains(key) && !Lexicon.surnameParticles.contains(key) && Title(key) == nil
                && !Propagator.months.contains(key) && !Propagator.monthAbbreviations.contains(key) && keep(key)
        }
        // Every tenth, in order: a stable sample of a few thousand names.
        return usable.sorted().enumerated().filter { $0.offset % 10 == 0 }.map { $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
    }

    static let titles = ["Mr", "Mrs", "Ms", "Miss", "Dr"]
    /// What separates a title from the name: a space, a no-break space, a narrow no-break space.
    static let separators = [" ", "\u{00A0}", "\u{202F}"]
    /// Surnames alone, with a particle, or double-barrelled.
    static let shapes = ["plain", "van", "de", "Ó", "Mac", "double"]
    static let secondInitials = Array("BCDFGHKLMNPRSTW").map(String.init)

    @Test func everyFormOfAGeneratedNameIsTheOnePseudonym() async throws {
        await propertyCheck(
            count: 150,
            input: Gen.element(of: NamePropertyTests.givenNames), Gen.element(of: NamePropertyTests.surnames),
            Gen.element(of: NamePropertyTests.titles), Gen.element(of: NamePropertyTests.separators),
            Gen.element(of: NamePropertyTests.shapes), Gen.element(of: NamePropertyTests.secondInitials)
        ) { given, surname, title, separator, shape, second in
            guard let given, let base = surname, let title, let separator, let shape, let second else { return }
            let surname: String
            switch shape {
            case "double": surname = base + "-" + (NamePropertyTests.surnames.first { $0 != base && $0.first != "X" } ?? "Okonjo")
            case "plain": surname = base
            default: surname = shape + " " + base
            }
            let initial = String(given.prefix(1))
            // Run-together initials that spell a title or a first name ("MS", "DR", "ED") are read as those.
            let lexicon = Fixtures.patterns.lexicon
            guard Title(initial + second) == nil, !lexicon.isFirstName(initial + second) else { return }
            let draft = """
                Complainant: \(title)\(separator)\(given) \(surname)
                \(title) \(surname) says the Council did not reply. \(given) rang twice.
                Name: \(surname.uppercased()), \(given)   DOB: 1 May 1970
                \(title) \(initial).\(second). \(surname) wrote. \(initial)\(second) \(surname) signed. \(given.uppercased()) \(surname.uppercased()) was listed.
                Record: \(surname.uppercased()) \(given) (\(title))
                \(surname.uppercased()) \(initial)
                \(title) \(surname)'s letter arrived. \(title)\(separator)\(surname) said so.
                hi \(given.lowercased()), thanks

                """
            let pseudonym = "\(title) X"
            let expected = """
                Complainant: \(pseudonym)
                \(pseudonym) says the Council did not reply. \(pseudonym) rang twice.
                Name: \(pseudonym)   DOB: [date of birth]
                \(pseudonym) wrote. \(pseudonym) signed. \(pseudonym) was listed.
                Record: \(pseudonym)
                \(pseudonym)
                \(pseudonym)'s letter arrived. \(pseudonym) said so.
                hi \(pseudonym), thanks

                """
            let output = try Fixtures.output(draft)
            #expect(output == expected, "draft:\n\(draft)")
        }
    }

    /// A relative named by a relation, by a first name alone, in a message and in a parties list
    /// is one person with a bare letter; the complainant keeps X.
    @Test func aRelativeIsOnePersonInEveryForm() async throws {
        await propertyCheck(
            count: 100,
            input: Gen.element(of: NamePropertyTests.givenNames), Gen.element(of: NamePropertyTests.givenNames),
            Gen.element(of: NamePropertyTests.surnames), Gen.element(of: ["son", "daughter", "grandson", "niece"])
        ) { complainant, child, surname, relation in
            guard let complainant, let child, let surname, let relation, complainant != child else { return }
            // A real initial Y would (rightly) move the child to the next letter.
            guard ![complainant, child, surname].contains(where: { $0.hasPrefix("Y") }) else { return }
            let draft = """
                Mrs \(complainant) \(surname) complains.
                Child\t\(child) \(surname) (\(relation))
                Her \(relation), \(child), was unwell. \(child)’s school called. \(child) \(surname) was moved.
                hi \(child.lowercased()), see you soon

                """
            let expected = """
                Mrs X complains.
                Child\tY (\(relation))
                Her \(relation), Y, was unwell. Y’s school called. Y was moved.
                hi Y, see you soon

                """
            let output = try Fixtures.output(draft)
            #expect(output == expected, "draft:\n\(draft)")
        }
    }
}
