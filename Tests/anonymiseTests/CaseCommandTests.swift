import Anonymiser
import Foundation
import XCTest

/// `anonymise case …` and `redact --case`, through the real binary: the registry on disk,
/// two processes at once, a process killed mid-transaction, a broken store.
final class CaseCommandTests: CommandLineTestCase {
    var store: URL { scratch.appendingPathComponent(".anonymise/cases.sqlite") }

    func read(_ name: String) throws -> String {
        try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }

    /// `case show REF --format json`, decoded.
    func show(_ reference: String, store: String? = nil) throws -> [String: Any] {
        let result = try run(["case", "show", reference, "--format", "json"] + (store.map { ["--store", $0] } ?? []))
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func people(_ details: [String: Any]) -> [[String: Any]] { details["people"] as? [[String: Any]] ?? [] }

    // MARK: - The staff workflow

    func testRegisterRedactShowAndForget() throws {
        XCTAssertEqual(try run(["case", "add", "24013403", "--name", "Jane Whitfield", "--title", "Mrs", "--role", "complainant", "--alias", "Janey"]).stdout,
                       "case 24 013 403: registered Mrs X\n")
        let conflict = try run(["case", "add", "24013403", "--name", "Ruth Green", "--title", "Ms", "--pseudonym", "Ms X"])
        XCTAssertEqual(conflict.status, 2)
        XCTAssertEqual(conflict.stderr, "anonymise: case 24 013 403: the pseudonym Ms X is already used in this case (by Mrs X); choose another letter\n")

        // The draft's own Ombudsman reference puts it in the case; no --case needed.
        let draft = try write("Brackenfield City Council (24 013 403)\n\nMrs Jane Whitfield complains. Her son, Tom, was ill. Janey phoned twice.\n", to: "draft.txt")
        let redacted = try run(["redact", draft.path, "-o", "out/one.txt"])
        XCTAssertEqual(redacted.status, 0, redacted.stderr)
        XCTAssertEqual(try read("out/one.txt"), "Brackenfield City Council (24 013 403)\n\nMrs X complains. Her son, Y, was ill. Mrs X phoned twice.\n")
        XCTAssertTrue(redacted.stderr.hasSuffix("; case 24 013 403 (1 known, 1 new)\n"), redacted.stderr)
        XCTAssertFalse(redacted.stderr.contains("Whitfield") || redacted.stderr.contains("Tom"), "no real name in the summary")
        let audit = try read("out/one.audit.jsonl")
        XCTAssertTrue(audit.hasPrefix("{\"type\":\"run\""))
        XCTAssertTrue(audit.contains("\"case\":\"24 013 403\""))
        XCTAssertTrue(audit.contains("{\"person\":\"X\",\"title\":\"Mrs\",\"kind\":\"adult\",\"role\":null,\"complainant\":true,\"known\":true}"), audit)
        XCTAssertTrue(audit.contains("\"person\":\"Y\",\"title\":null,\"kind\":\"child\",\"role\":null,\"complainant\":false,\"known\":false"), audit)

        let list = try run(["case", "list"])
        XCTAssertTrue(list.stdout.hasPrefix("24 013 403\t2 people\t1 document\tupdated "), list.stdout)
        let text = try run(["case", "show", "24 013 403"])
        XCTAssertTrue(text.stdout.contains("\nMrs X       Jane Whitfield  (adult, complainant, registered)\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\n            also: Jane, Whitfield, J Whitfield, Janey\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\nY           Tom  (child, son, detected)\n"), text.stdout)
        let details = try show("24013403")
        XCTAssertEqual(people(details).map { $0["pseudonym"] as? String }, ["Mrs X", "Y"])
        XCTAssertEqual(people(details).map { $0["name"] as? String }, ["Jane Whitfield", "Tom"])

        let refused = try run(["case", "forget", "24013403"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("run again with --yes to confirm"), refused.stderr)
        XCTAssertEqual(people(try show("24013403")).count, 2, "nothing is deleted without --yes")
        let forgot = try run(["case", "forget", "24013403", "--yes"])
        XCTAssertEqual(forgot.status, 0, forgot.stderr)
        XCTAssertEqual(forgot.stderr, "forgot case 24 013 403: 2 people, 6 name variants, 1 documents\n")
        XCTAssertEqual(try run(["case", "list"]).stdout, "")
        XCTAssertEqual(try run(["case", "show", "24013403"]).status, 2)
    }

    func testImportFileAndStoreLocation() throws {
        let parties = try write("""
            parties:
              - name: Jane Whitfield
                title: Mrs
                role: complainant
              - name: Priya Shah
                title: Ms
                staff: true
                role: the social worker
            """, to: "parties.yaml")
        // ANONYMISE_STORE, then --store, choose the file.
        let environment = [CaseStore.environmentVariable: scratch.appendingPathComponent("env/cases.sqlite").path]
        let imported = try run(["case", "import", "TEST-1", parties.path], environment: environment)
        XCTAssertEqual(imported.stdout, "case TEST-1: registered Mrs X\ncase TEST-1: registered the social worker\n", imported.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("env/cases.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))

        let draft = try write("Ms Priya Shah visited. Mrs Whitfield was out. Priya left a card.\n", to: "d.txt")
        let result = try run(["redact", draft.path, "--case", "TEST-1"], environment: environment)
        XCTAssertEqual(result.stdout, "The social worker visited. Mrs X was out. The social worker left a card.\n", result.stderr)
        let elsewhere = try run(["redact", draft.path, "--case", "TEST-1", "--store", "other.sqlite"], environment: environment)
        XCTAssertEqual(elsewhere.stdout, "Ms X visited. Mrs Y was out. Ms X left a card.\n", "a new store knows nobody")

        let typo = try write("- name: Ann Cole\n  tittle: Mrs\n", to: "typo.yaml")
        let refused = try run(["case", "import", "TEST-1", typo.path], environment: environment)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("anonymise: \(typo.path): party 1 (line 1): unknown field \"tittle\""), refused.stderr)
    }

    func testAOneOffDocumentStoresNothing() throws {
        let draft = try write("Mrs Jane Whitfield complains.\n", to: "draft.txt")
        XCTAssertEqual(try run(["redact", draft.path]).stdout, "Mrs X complains.\n")
        let referenced = try write("Council (24 013 403)\nMrs Jane Whitfield complains.\n", to: "ref.txt")
        XCTAssertEqual(try run(["redact", referenced.path, "--no-store"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent(".anonymise").path))
        XCTAssertEqual(try run(["redact", referenced.path, "--no-store", "--store", "x.sqlite"]).status, 2)
    }

    func testFingerprintsForTheGate() throws {
        try run(["case", "add", "1", "--name", "Jane Whitfield", "--title", "Mrs", "--alias", "Janey"])
        try run(["case", "add", "2", "--name", "Ann Cole", "--title", "Mrs"])
        let made = try run(["case", "fingerprints", "1", "2", "--key-file", "gate.key", "--new-key", "-o", "prints.json"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stderr, "9 fingerprints of 2 cases → prints.json\n")
        let keyURL = scratch.appendingPathComponent("gate.key")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: keyURL.path)[.posixPermissions] as? Int, 0o600)
        let key = try FingerprintKey.load(keyURL)
        let prints = try NameFingerprints.load(scratch.appendingPathComponent("prints.json"))
        XCTAssertEqual(prints.cases, ["1", "2"])
        XCTAssertTrue(prints.fingerprints.contains(key.fingerprint("janey")))
        XCTAssertTrue(prints.fingerprints.contains(key.fingerprint("ann cole")))
        XCTAssertFalse(try read("prints.json").lowercased().contains("whitfield"))
        // --new-key never overwrites a key; an unknown case is an input error.
        XCTAssertEqual(try run(["case", "fingerprints", "1", "--key-file", "gate.key", "--new-key"]).status, 2)
        XCTAssertEqual(try FingerprintKey.load(keyURL), key)
        XCTAssertEqual(try run(["case", "fingerprints", "3", "--key-file", "gate.key"]).status, 2)
    }

    // MARK: - Two processes, a killed process, a broken store

    func testTwoProcessesRedactingOneCaseAtOnceAgreeOnTheLetters() throws {
        // Each draft brings the complainant and one new person; none of their initials is a letter.
        let neighbours = ["Amy Adams", "Oscar Owen", "Ida Irwin", "Quinn Ayres", "Olga Oakes", "Ivan Orr", "Ada Ashby", "Otto Ingram"]
        for (number, name) in neighbours.enumerated() {
            let title = ["Amy", "Ida", "Olga", "Ada"].contains(name.split(separator: " ")[0]) ? "Mrs" : "Mr"
            _ = try write("Mrs Jane Whitfield complains. Her neighbour, \(title) \(name), saw the leak. \(title) \(name.split(separator: " ")[1]) wrote.\n",
                          to: "\(number < 4 ? "a" : "b")/draft\(number).txt")
        }
        let first = process(["redact", "a", "--out-dir", "out", "--case", "24013403", "--quiet"])
        let second = process(["redact", "b", "--out-dir", "out", "--case", "24013403", "--quiet"])
        try first.0.run()
        try second.0.run()
        let results = [finish(first.0, first.1, first.2), finish(second.0, second.1, second.2)]
        for result in results { XCTAssertEqual(result.status, 0, result.stderr) }

        let details = try show("24013403")
        XCTAssertEqual((details["documents"] as? [Any])?.count, neighbours.count, "a document was lost")
        let everyone = people(details)
        XCTAssertEqual(everyone.count, 1 + neighbours.count, "a person was lost or stored twice")
        let letters = everyone.compactMap { $0["letter"] as? String }
        XCTAssertEqual(Set(letters).count, letters.count, "two people share a letter: \(letters)")
        XCTAssertEqual(everyone.first { $0["complainant"] as? Bool == true }?["letter"] as? String, "X")
        // Every output uses the letters the registry holds.
        for (number, name) in neighbours.enumerated() {
            let letter = everyone.first { ($0["name"] as? String) == name }?["letter"] as? String
            XCTAssertNotNil(letter, name)
            let text = try read("out/draft\(number).txt")
            XCTAssertTrue(text.hasPrefix("Mrs X complains. Her neighbour, "), text)
            XCTAssertTrue(text.contains(" \(letter ?? "?"), saw the leak. "), "\(name): \(text)")
        }
    }

    func testAProcessKilledMidTransactionLeavesTheStoreIntact() throws {
        let one = try write("Mrs Jane Whitfield complains. Her neighbour, Mr Tomasz Nowak, saw the leak.\n", to: "one.txt")
        let two = try write("Mrs Jane Whitfield complains. Her mother, Mrs Ann Cole, visited.\n", to: "two.txt")
        XCTAssertEqual(try run(["redact", one.path, "--case", "5", "-o", "one.out.txt"]).status, 0)

        let marker = scratch.appendingPathComponent("inside-transaction")
        let (victim, out, err) = process(["redact", two.path, "--case", "5", "-o", "two.out.txt"],
                                         environment: [TransactionStop.environmentVariable: marker.path])
        try victim.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path) && Date() < deadline && victim.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the process never reached its transaction")
        kill(victim.processIdentifier, SIGKILL)
        let killed = finish(victim, out, err)
        XCTAssertEqual(killed.status, SIGKILL)

        let store = try CaseStore(url: self.store, create: false)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        let details = try store.details(of: "5")
        XCTAssertEqual(details.documents.count, 1, "the killed document was recorded")
        XCTAssertEqual(details.people.map(\.name), ["Jane Whitfield", "Tomasz Nowak"], "the killed document's people were stored")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("two.out.txt").path))
        // The next run does the document properly.
        XCTAssertEqual(try run(["redact", two.path, "--case", "5", "-o", "two.out.txt"]).status, 0)
        XCTAssertEqual(try read("two.out.txt"), "Mrs X complains. Her mother, Mrs Z, visited.\n")
    }

    func testACorruptedOrForeignStoreIsExit2AndNotOverwritten() throws {
        let draft = try write("Council (24 013 403)\nMrs Jane Whitfield complains.\n", to: "draft.txt")
        let bogus = try write("this is not a database\n", to: "bogus.sqlite")
        for arguments in [["redact", draft.path, "--store", bogus.path, "-o", "out.txt"], ["case", "list", "--store", bogus.path],
                          ["case", "add", "1", "--name", "Ann Cole", "--store", bogus.path]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, "anonymise: \(bogus.path): is not a case store (not an SQLite database); it was left unchanged\n")
        }
        XCTAssertEqual(try read("bogus.sqlite"), "this is not a database\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out.txt").path), "nothing is written")

        XCTAssertEqual(try run(["redact", draft.path, "-o", "first.txt"]).status, 0)
        var bytes = try Data(contentsOf: store)
        bytes.replaceSubrange(100..<1024, with: Data(repeating: 0xA5, count: 924))
        try bytes.write(to: store)
        let damaged = try run(["redact", draft.path, "-o", "out.txt"])
        XCTAssertEqual(damaged.status, 2)
        XCTAssertTrue(damaged.stderr.hasPrefix("anonymise: \(store.path): is damaged"), damaged.stderr)
        XCTAssertEqual(try Data(contentsOf: store), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out.txt").path))
    }

    func testTheStoreIsOwnerOnly() throws {
        XCTAssertEqual(try run(["case", "add", "1", "--name", "Jane Whitfield", "--title", "Mrs"]).status, 0)
        let attributes = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        XCTAssertEqual(try attributes(store.deletingLastPathComponent().path), 0o700)
        XCTAssertEqual(try attributes(store.path), 0o600)
    }
}
