import Foundation
import GRDB
import XCTest
@testable import Anonymiser

/// The case registry: stable pseudonyms across a case's documents, stored in SQLite.
final class CaseRegistryTests: XCTestCase {
    var scratch: URL!
    var storeURL: URL { scratch.appendingPathComponent("registry/cases.sqlite") }

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("anonymise-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Redacts `text` as a document of `reference`.
    @discardableResult
    func redact(_ text: String, case reference: String, store: CaseStore) throws -> (output: String, outcome: CaseOutcome) {
        let document = try Document(name: "doc.txt", text: text)
        let (redaction, outcome) = try store.redact(inCase: reference, inputSHA256: Digest.sha256(Array(text.utf8))) {
            try Fixtures.anonymiser.redact(document, case: $0)
        }
        return (redaction.output, outcome)
    }

    let first = """
        Mrs Jane Whitfield complains about damp. Her neighbour, Mr Tomasz Nowak, saw the leak. Mrs Whitfield wrote twice.
        """
    let second = """
        Mrs Whitfield complains again. Her mother, Mrs Ann Cole, visited. Mr Nowak agreed with Jane.
        """

    // MARK: - Consistency

    func testTwoDocumentsOfOneCaseSharePseudonyms() throws {
        let store = try CaseStore(url: storeURL)
        let one = try redact(first, case: "24013403", store: store)
        XCTAssertEqual(one.output, "Mrs X complains about damp. Her neighbour, Mr Y, saw the leak. Mrs X wrote twice.")
        XCTAssertEqual(one.outcome, CaseOutcome(reference: "24 013 403", known: 0, new: 2))
        // The second document names Mr Nowak first: he keeps Y; the new person gets the next free letter.
        let two = try redact(second, case: "24 013 403", store: store)
        XCTAssertEqual(two.output, "Mrs X complains again. Her mother, Mrs Z, visited. Mr Y agreed with Mrs X.")
        XCTAssertEqual(two.outcome, CaseOutcome(reference: "24 013 403", known: 2, new: 1))
        XCTAssertEqual(try store.details(of: "24013403").documents.count, 2)
    }

    /// Every name form of a known person is that person in a later document: with a relation
    /// word, by a registered nickname and the surname, and a first name that gains a surname.
    func testEveryFormOfAKnownPersonIsThatPersonInALaterDocument() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant", aliases: ["Jinxie"]), inCase: "11")
        XCTAssertEqual(try redact("Mrs Jane Whitfield complains about her son, Tom. Mr Paul Whitfield agreed.", case: "11", store: store).output,
                       "Mrs X complains about her son, Y. Mr X agreed.")
        XCTAssertEqual(
            try redact("Mr Paul Whitfield complains. His daughter, Mrs Jane Whitfield, visited. Tom Whitfield wrote. Jinxie Whitfield called.",
                       case: "11", store: store).output,
            "Mr X complains. His daughter, Mrs X, visited. Y wrote. Mrs X called.")
        XCTAssertEqual(try store.details(of: "11").people.count, 3)
    }

    /// Which people the registry holds does not depend on the order documents arrive in.
    func testTheSameDocumentsInEitherOrderGiveTheSamePeopleEachOnce() throws {
        let one = "Mrs Jane Whitfield complains about her son, Tom. Mr Paul Whitfield agreed."
        let two = "Mr Paul Whitfield complains. His daughter, Mrs Jane Whitfield, visited. Tom Whitfield wrote. J. Whitfield called."
        var names: [[String]] = []
        for (position, order) in [[one, two], [two, one]].enumerated() {
            let store = try CaseStore(url: scratch.appendingPathComponent("order-\(position)/cases.sqlite"))
            for draft in order { try redact(draft, case: "12", store: store) }
            names.append(try store.details(of: "12").people.map(\.name).sorted())
        }
        XCTAssertEqual(names[0], ["Jane Whitfield", "Paul Whitfield", "Tom Whitfield"])
        XCTAssertEqual(names[0], names[1])
    }

    func testASecondRunOnTheSameDraftGivesIdenticalOutput() throws {
        let store = try CaseStore(url: storeURL)
        let draft = try String(contentsOf: Fixtures.samples.appendingPathComponent("drafts/01-damp-flat-whitfield.txt"), encoding: .utf8)
        let once = try redact(draft, case: "24 013 403", store: store)
        let twice = try redact(draft, case: "24 013 403", store: store)
        XCTAssertEqual(once.output, twice.output)
        XCTAssertEqual(twice.outcome.new, 0)
        // The same draft again is the same document, not a second one.
        XCTAssertEqual(try store.details(of: "24 013 403").documents.count, 1)
        // And the store changes nothing a one-off redaction would produce for a new case.
        XCTAssertEqual(once.output, try Fixtures.output(draft))
    }

    func testLettersNeverCollideWithinACase() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant"), inCase: "1")
        _ = try store.register(Party(name: "Ian Owen", title: "Mr", pseudonym: "Mr B"), inCase: "1")
        // Every document introduces people the case has not seen; none may take a used letter.
        let drafts = [
            "Mrs Jane Whitfield complains. Her friend, Mrs Amy Adams, helped. Mr Ian Owen agreed.",
            "Mrs Whitfield complains. Her neighbour, Ms Ola Quinn, saw it. Her cousin, Mr Ali Ozturk, too.",
            "Mrs Whitfield wrote. Her sister, Mrs Ida Irwin, came. Mrs Adams left.",
        ]
        for draft in drafts { try redact(draft, case: "1", store: store) }
        let people = try store.details(of: "1").people
        let letters = people.compactMap(\.letter)
        XCTAssertEqual(letters.count, 6)
        XCTAssertEqual(Set(letters).count, letters.count, "a letter given twice in one case: \(letters)")
        XCTAssertEqual(letters, ["X", "B", "Y", "Z", "C", "D"])
    }

    func testTheRealInitialRuleConsidersEveryPersonOfTheCase() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Beth Moss", title: "Mrs", role: "complainant"), inCase: "2")
        _ = try store.register(Party(name: "Zara Young", title: "Ms"), inCase: "2")
        // Zara Young is not in this document, but her initials still rule out Y and Z.
        let result = try redact("Mrs Beth Moss complains. Her neighbour, Mr Ali Ozturk, gave evidence.", case: "2", store: store)
        XCTAssertEqual(result.output, "Mrs X complains. Her neighbour, Mr D, gave evidence.")
    }

    func testTwoDifferentCasesNeverShareAPerson() throws {
        let store = try CaseStore(url: storeURL)
        let one = try redact(first, case: "24 013 403", store: store)
        let two = try redact(first, case: "25 000 001", store: store)
        XCTAssertEqual(one.output, two.output)
        XCTAssertEqual(two.outcome.new, 2, "the second case knows nobody from the first")
        let ids = try Set(store.details(of: "24 013 403").people.map(\.id))
        let otherIDs = try Set(store.details(of: "25 000 001").people.map(\.id))
        XCTAssertTrue(ids.isDisjoint(with: otherIDs))
        // Registering a pseudonym in one case does not reserve it in the other.
        _ = try store.register(Party(name: "Ruth Green", title: "Ms", pseudonym: "Ms Z"), inCase: "24 013 403")
        XCTAssertEqual(try store.register(Party(name: "Ruth Green", title: "Ms", pseudonym: "Ms Z"), inCase: "25 000 001").isNew, true)
    }

    func testARegisteredAliasIsReplaced() throws {
        let store = try CaseStore(url: storeURL)
        // A nickname that is in no name list ("Janey" is: lone first names are found anyway).
        _ = try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant", aliases: ["Jinxie"]), inCase: "3")
        let draft = "Mrs Jane Whitfield complains. Her landlord called her Jinxie. JINXIE signed the form."
        XCTAssertTrue(try Fixtures.output(draft).contains("Jinxie"), "without the registry the nickname is not known")
        let result = try redact(draft, case: "3", store: store)
        XCTAssertEqual(result.output, "Mrs X complains. Her landlord called her Mrs X. Mrs X signed the form.")
    }

    func testKnownNamesAreAlwaysFound() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Grace Whitfield", title: "Mrs", role: "complainant"), inCase: "4")
        // Nothing here names a person the patterns would find alone (a word-like first name, a surname in
        // capitals); the registry's names are a deny list.
        let draft = "The Council wrote to WHITFIELD twice. Grace did not reply."
        XCTAssertFalse(try Fixtures.output(draft).contains("X"), "the one-off redaction should not know these names")
        XCTAssertEqual(try redact(draft, case: "4", store: store).output, "The Council wrote to Mrs X twice. Mrs X did not reply.")
    }

    // MARK: - Registering

    func testRegisteringAssignsHouseStyleLettersAndRefusesConflicts() throws {
        let store = try CaseStore(url: storeURL)
        XCTAssertEqual(try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant"), inCase: "5").pseudonym, "Mrs X")
        XCTAssertEqual(try store.register(Party(name: "Tom Whitfield", role: "son", kind: .child), inCase: "5").pseudonym, "Y")
        XCTAssertEqual(try store.register(Party(name: "Priya Shah", title: "Ms", role: "the social worker", kind: .staff), inCase: "5").pseudonym,
                       "the social worker")
        // A spouse may share the letter; anyone else may not.
        XCTAssertEqual(try store.register(Party(name: "Dan Whitfield", title: "Mr", pseudonym: "Mr X"), inCase: "5").pseudonym, "Mr X")
        XCTAssertThrowsError(try store.register(Party(name: "Ruth Green", title: "Ms", pseudonym: "Ms X"), inCase: "5")) { error in
            XCTAssertTrue("\(error)".contains("already used in this case"), "\(error)")
        }
        XCTAssertThrowsError(try store.register(Party(name: "Ruth Green", title: "Ms", pseudonym: "Ms A"), inCase: "5"))
        // A real initial of anyone in the case is never a pseudonym (house style).
        XCTAssertThrowsError(try store.register(Party(name: "Ruth Green", title: "Ms", pseudonym: "Ms W"), inCase: "5")) { error in
            XCTAssertTrue("\(error)".contains("real initial"), "\(error)")
        }
        // The same person again adds aliases, keeps the letter; a different pseudonym for them is refused.
        let again = try store.register(Party(name: "Jane Whitfield", title: "Mrs", aliases: ["Janey"]), inCase: "5")
        XCTAssertEqual(again, Registration(reference: "5", pseudonym: "Mrs X", isNew: false, addedVariants: 1))
        XCTAssertThrowsError(try store.register(Party(name: "Jane Whitfield", title: "Mrs", pseudonym: "Mrs Z"), inCase: "5"))
        XCTAssertThrowsError(try store.register(Party(name: "Sam Reid", role: "the caseworker", pseudonym: "Z", kind: .staff), inCase: "5"))
        XCTAssertEqual(try store.details(of: "5").people.map(\.pseudonym), ["Mrs X", "Y", "the social worker", "Mr X"])
    }

    func testImportIsAllOrNothing() throws {
        let store = try CaseStore(url: storeURL)
        let good = try PartyFile.parse("""
            parties:
              - name: Tom Whitfield
                child: true
                role: son
              - name: Jane Whitfield
                title: Mrs
                role: complainant
                aliases: [Janey]
              - name: Priya Shah
                title: Ms
                staff: true
                role: the social worker
            """, source: "parties.yaml")
        XCTAssertEqual(good[1], Party(name: "Jane Whitfield", title: "Mrs", role: "complainant", aliases: ["Janey"]))
        // The complainant is registered first, whatever the file's order.
        XCTAssertEqual(try store.register(good, inCase: "6", source: "parties.yaml").map(\.pseudonym), ["Y", "Mrs X", "the social worker"])

        let bad = try PartyFile.parse("""
            - name: Ann Cole
              title: Mrs
            - name: Ruth Green
              title: Ms
              pseudonym: Ms X
            """, source: "more.yaml")
        XCTAssertThrowsError(try store.register(bad, inCase: "6", source: "more.yaml")) { error in
            XCTAssertEqual("\(error)", "more.yaml: party 2: case 6: the pseudonym Ms X is already used in this case (by Mrs X); choose another letter")
        }
        XCTAssertEqual(try store.details(of: "6").people.count, 3, "nothing of a refused import is stored")

        XCTAssertThrowsError(try PartyFile.parse("- name: Ann Cole\n  alais: Annie\n", source: "typo.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("typo.yaml: party 1 (line 1): unknown field \"alais\""), "\(error)")
        }
    }

    func testReferencesAndNamesAreNormalised() throws {
        XCTAssertEqual(try CaseReference.canonical("24013403"), "24 013 403")
        XCTAssertEqual(try CaseReference.canonical(" 24 013  403 "), "24 013 403")
        XCTAssertEqual(try CaseReference.canonical("17002402B"), "17 002 402b")
        XCTAssertEqual(try CaseReference.canonical("TEST  case"), "TEST case")
        XCTAssertThrowsError(try CaseReference.canonical("  "))
        XCTAssertTrue(NameVariants.split("Pieter van der Berg", surname: nil, hasTitle: true) == (["Pieter"], "van der Berg"))
        XCTAssertTrue(NameVariants.split("Ana De Souza", surname: nil, hasTitle: true) == (["Ana"], "De Souza"))
        XCTAssertTrue(NameVariants.split("Whitfield", surname: nil, hasTitle: true) == ([], "Whitfield"))
        XCTAssertTrue(NameVariants.split("Mary Jane Whitfield Smith", surname: "Whitfield Smith", hasTitle: false) == (["Mary", "Jane"], "Whitfield Smith"))
        XCTAssertEqual(NameVariants.forms(given: ["Mary", "Jane"], surname: "Whitfield", aliases: ["Molly"]).map(\.normalised),
                       ["mary jane whitfield", "mary whitfield", "mary", "jane", "whitfield", "m whitfield", "molly"])
    }

    // MARK: - Forgetting, fingerprints

    func testForgetRemovesEverythingOfThatCaseAndNothingElse() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant", aliases: ["Janey"]), inCase: "7")
        try redact(first, case: "7", store: store)
        try redact(second, case: "8", store: store)
        let forgotten = try store.forget("7")
        XCTAssertEqual(forgotten, Forgotten(reference: "7", people: 2, variants: 9, documents: 1))
        XCTAssertEqual(try store.cases().map(\.reference), ["8"])
        // Mrs Whitfield, Mrs Cole, Mr Nowak, and "Jane" alone: case 8 does not know whose name it is.
        XCTAssertEqual(try store.details(of: "8").people.count, 4)
        XCTAssertEqual(try store.details(of: "8").documents.count, 1)
        XCTAssertThrowsError(try store.details(of: "7"))
        XCTAssertThrowsError(try store.forget("7"))
        try store.queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM people WHERE case_id NOT IN (SELECT id FROM cases)"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM name_variants WHERE person_id NOT IN (SELECT id FROM people)"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE case_id NOT IN (SELECT id FROM cases)"), 0)
        }
        // Names only case 7 had are gone from the bytes on disk, not just from the tables.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: storeURL.path + suffix))) ?? Data()
            XCTAssertNil(bytes.range(of: Data("Janey".utf8)), "a forgotten alias is still in cases.sqlite\(suffix)")
            XCTAssertNil(bytes.range(of: Data("tomasz".utf8)), "a forgotten name is still in cases.sqlite\(suffix)")
        }
    }

    func testFingerprintsCoverEveryVariantOfTheCases() throws {
        let store = try CaseStore(url: storeURL)
        _ = try store.register(Party(name: "Jane Whitfield", title: "Mrs", role: "complainant", aliases: ["Janey"]), inCase: "9")
        _ = try store.register(Party(name: "Ann Cole", title: "Mrs"), inCase: "10")
        let key = FingerprintKey(bytes: Array(repeating: 7, count: 32))
        let prints = try store.fingerprints(ofCases: ["9"], key: key)
        XCTAssertEqual(prints.cases, ["9"])
        XCTAssertEqual(Set(prints.fingerprints),
                       Set(["jane whitfield", "jane", "whitfield", "j whitfield", "janey"].map(key.fingerprint)))
        XCTAssertFalse(prints.fingerprints.contains(key.fingerprint("ann cole")))
        XCTAssertThrowsError(try store.fingerprints(ofCases: ["9", "11"], key: key))
    }

    // MARK: - The store itself

    func testPermissionsAreOwnerOnly() throws {
        let store = try CaseStore(url: storeURL)
        try redact(first, case: "12", store: store)
        func mode(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int }
        XCTAssertEqual(try mode(storeURL.deletingLastPathComponent().path), 0o700)
        XCTAssertEqual(try mode(storeURL.path), 0o600)
        // While open, SQLite's own files exist and are owner-only too.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: storeURL.path + suffix) {
            XCTAssertEqual(try mode(storeURL.path + suffix), 0o600, suffix)
        }
        try store.queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
        }
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    func testMigrationsRunOnAnEmptyStore() throws {
        let store = try CaseStore(url: storeURL)
        XCTAssertEqual(try store.appliedMigrations(), ["v1-cases-people-variants", "v2-documents", "v3-review-decisions"])
        XCTAssertEqual(try store.cases(), [])
        // An empty file (touched by hand) is an empty store too.
        let empty = scratch.appendingPathComponent("empty.sqlite")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        XCTAssertEqual(try CaseStore(url: empty).appliedMigrations().count, 3)
    }

    func testMigrationsRunOnAnExistingStore() throws {
        // A store written before the documents table existed, with a person in it.
        try FileManager.default.createDirectory(at: storeURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: storeURL.path)
            try CaseSchema.migrator.migrate(old, upTo: "v1-cases-people-variants")
            try old.write { db in
                try db.execute(sql: "INSERT INTO cases (reference, created, updated) VALUES ('24 013 403', '2024-01-01 00:00:00', '2024-01-01 00:00:00')")
                try db.execute(sql: """
                    INSERT INTO people (case_id, letter, title, kind, complainant, given_names, surname, real_initials, source, created)
                    VALUES (1, 'X', 'Mrs', 'adult', 1, 'jane', 'whitfield', 'JW', 'registered', '2024-01-01 00:00:00')
                    """)
                try db.execute(sql: "INSERT INTO name_variants (person_id, normalised, original, form, source) VALUES (1, 'jane whitfield', 'Jane Whitfield', 'full', 'registered')")
            }
            try old.close()
        }
        let store = try CaseStore(url: storeURL)
        XCTAssertEqual(try store.appliedMigrations(), ["v1-cases-people-variants", "v2-documents", "v3-review-decisions"])
        let result = try redact("Mrs Whitfield complains. Her neighbour, Mr Ali Ozturk, saw it.", case: "24013403", store: store)
        XCTAssertEqual(result.output, "Mrs X complains. Her neighbour, Mr Y, saw it.")
        XCTAssertEqual(try store.details(of: "24 013 403").documents.count, 1)
        // Opening again migrates nothing and loses nothing.
        XCTAssertEqual(try CaseStore(url: storeURL).details(of: "24 013 403").people.count, 2)
    }

    func testANonSQLiteFileIsRefusedAndLeftUnchanged() throws {
        let url = scratch.appendingPathComponent("notes.sqlite")
        let content = Data("Mrs Whitfield's case notes, not a database\n".utf8)
        try content.write(to: url)
        XCTAssertThrowsError(try CaseStore(url: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): is not a case store (not an SQLite database); it was left unchanged")
        }
        XCTAssertEqual(try Data(contentsOf: url), content)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    func testACorruptedStoreIsRefusedAndLeftUnchanged() throws {
        do {
            let store = try CaseStore(url: storeURL)
            try redact(first, case: "13", store: store)
            try store.checkpoint()
        }
        var bytes = try Data(contentsOf: storeURL)
        // Damage the first page's schema, after SQLite's 100-byte header.
        bytes.replaceSubrange(100..<1024, with: Data(repeating: 0xA5, count: 924))
        try bytes.write(to: storeURL)
        XCTAssertThrowsError(try CaseStore(url: storeURL)) { error in
            XCTAssertTrue(error is InputError, "\(error)")
            XCTAssertTrue("\(error)".contains("is damaged"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: storeURL), bytes)
    }

    func testAnotherProgramsDatabaseIsRefused() throws {
        let url = scratch.appendingPathComponent("other.sqlite")
        do {
            let other = try DatabaseQueue(path: url.path)
            try other.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)") }
            try other.close()
        }
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try CaseStore(url: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): is an SQLite database but not a case store; it was left unchanged")
        }
        XCTAssertEqual(try Data(contentsOf: url), before)
    }

    func testAMissingStoreIsNotCreatedForReading() throws {
        XCTAssertThrowsError(try CaseStore(url: storeURL, create: false))
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.deletingLastPathComponent().path))
    }
}
