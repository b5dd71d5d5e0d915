import Anonymiser
import ArgumentParser
import Foundation

struct Case: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The case registry: the same person keeps the same pseudonym in every document of a case.",
        discussion: """
        The registry is an SQLite file (--store FILE, else $ANONYMISE_STORE, else ./.anonymise/cases.sqlite),
        owner-only: it holds the real names behind the pseudonyms. `redact --case REF` (or a draft's own
        Ombudsman reference) uses it.
        """,
        subcommands: [Add.self, Import.self, List.self, Show.self, Forget.self, Fingerprints.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a person in a case before redacting its documents.",
            discussion: "Example: anonymise case add 24013403 --name \"Jane Whitfield\" --title Mrs --role complainant --alias Janey")

        @Argument(help: "The case reference, e.g. 24013403.")
        var reference: String

        @Option(help: ArgumentHelp("The real name, e.g. \"Jane Whitfield\".", valueName: "NAME"))
        var name: String

        @Option(help: ArgumentHelp("The surname, when the name alone does not make it clear.", valueName: "SURNAME"))
        var surname: String?

        @Option(help: "Mr, Mrs, Miss, Ms, Mx, Dr…")
        var title: String?

        @Option(help: ArgumentHelp("complainant; for --staff the role the text names them by (\"the social worker\"); else a description (\"mother\").", valueName: "ROLE"))
        var role: String?

        @Option(help: ArgumentHelp("A pseudonym chosen in advance, e.g. \"Mrs X\" (default: the next free letter).", valueName: "PSEUDONYM"))
        var pseudonym: String?

        @Option(name: .customLong("alias"), help: ArgumentHelp("Another name they go by (repeatable), e.g. a nickname or maiden name.", valueName: "NAME"))
        var aliases: [String] = []

        @Flag(help: "A child: a bare letter, no title.")
        var child = false

        @Flag(help: "Staff or a representative: named by --role, never by a letter.")
        var staff = false

        @Option(help: "A note for staff (never published).")
        var note: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            if child && staff { throw UsageError("--child and --staff cannot be combined") }
            let party = Party(name: name, surname: surname, title: title, role: role, pseudonym: pseudonym, aliases: aliases,
                              kind: child ? .child : staff ? .staff : .adult, note: note)
            let registration = try store.open(create: true).register(party, inCase: reference)
            Console.output(Case.describe(registration) + "\n")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a YAML list of parties in a case (all or none).",
            discussion: """
            FILE.yaml lists the parties under `parties:`, each with name (required), title, role, pseudonym,
            aliases, child: true or staff: true, surname, note. See README.md, "Cases".
            """)

        @Argument(help: "The case reference.")
        var reference: String

        @Argument(help: ArgumentHelp("The parties file.", valueName: "FILE.yaml"))
        var file: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let parties = try PartyFile.load(URL(fileURLWithPath: file))
            let registrations = try store.open(create: true).register(parties, inCase: reference, source: file)
            for registration in registrations { Console.output(Case.describe(registration) + "\n") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the cases in the registry (counts only, no names).")

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        @OptionGroup var store: StoreOptions

        func run() throws {
            let location = store.location
            guard FileManager.default.fileExists(atPath: location.path) else {
                if format == .json { Console.output("[]\n") } else { Console.error("no cases: \(location.path) does not exist yet") }
                return
            }
            let cases = try CaseStore(url: location, create: false).cases()
            if format == .json { return Console.output(Case.json(cases)) }
            for summary in cases {
                Console.output("\(summary.reference)\t\(summary.people) \(summary.people == 1 ? "person" : "people")\t"
                    + "\(summary.documents) \(summary.documents == 1 ? "document" : "documents")\tupdated \(Case.date(summary.updated))\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a case's people: real names beside their pseudonyms (staff eyes only).")

        @Argument(help: "The case reference.")
        var reference: String

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        @OptionGroup var store: StoreOptions

        func run() throws {
            let details = try store.open(create: false).details(of: reference)
            if format == .json { return Console.output(Case.json(details)) }
            var lines = ["Case \(details.reference) — real names: keep this away from published text",
                         "created \(Case.date(details.created)), updated \(Case.date(details.updated))", ""]
            let width = max(10, details.people.map(\.pseudonym.count).max() ?? 0)
            for person in details.people {
                var facts = [person.kind]
                if let role = person.role, person.kind != "staff" { facts.append(role) }
                if let title = person.title, person.kind == "staff" { facts.append(title) }
                facts.append(person.source)
                // A reviewer's marks, so they can be seen (and undone with a later decisions file).
                if person.notAPerson { facts.append("marked not a person by a reviewer: mentions kept as written") }
                if person.titleDecided { facts.append("title \(person.title ?? "none") chosen by a reviewer") }
                lines.append(person.pseudonym.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(person.name)  (\(facts.joined(separator: ", ")))")
                let others = person.variants.filter { $0.original != person.name }.map(\.original)
                if !others.isEmpty { lines.append(String(repeating: " ", count: width) + "  also: " + others.joined(separator: ", ")) }
                if let note = person.note { lines.append(String(repeating: " ", count: width) + "  note: " + note) }
            }
            if details.people.isEmpty { lines.append("(no people yet)") }
            lines.append("")
            lines.append("\(details.documents.count) \(details.documents.count == 1 ? "document" : "documents")"
                + (details.documents.last.map { ", last \(Case.date($0.time))" } ?? ""))
            Console.output(lines.joined(separator: "\n") + "\n")
        }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a case's people, name variants and documents from the registry, for good.")

        @Argument(help: "The case reference.")
        var reference: String

        @Flag(help: "Confirm: without it nothing is deleted (exit 2).")
        var yes = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.open(create: false)
            guard yes else {
                let details = try opened.details(of: reference)
                throw UsageError("forgetting case \(details.reference) deletes its \(details.people.count) people and their pseudonyms for good "
                    + "(its documents could no longer be redacted consistently); run again with --yes to confirm")
            }
            let forgotten = try opened.forget(reference)
            Console.error("forgot case \(forgotten.reference): \(forgotten.people) people, \(forgotten.variants) name variants, \(forgotten.documents) documents")
        }
    }

    struct Fingerprints: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write HMAC-SHA256 fingerprints of every name variant of these cases, for `anonymise check`.")

        @Argument(help: "Case references.")
        var references: [String]

        @Option(name: .customLong("key-file"), help: ArgumentHelp("The secret key (64 hex characters).", valueName: "KEY"))
        var keyFile: String

        @Flag(name: .customLong("new-key"), help: "Create KEY (0600) with a new random key; never overwrites.")
        var newKey = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the fingerprints to FILE (default: standard output).", valueName: "FILE"))
        var output: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            guard !references.isEmpty else { throw UsageError("name at least one case") }
            let opened = try store.open(create: false)
            let keyURL = URL(fileURLWithPath: keyFile)
            // Check the cases before creating a key.
            _ = try opened.nameVariants(ofCases: references)
            let key = newKey ? try FingerprintKey.create(at: keyURL) : try FingerprintKey.load(keyURL)
            let fingerprints = try opened.fingerprints(ofCases: references, key: key)
            if let output, output != "-" {
                try AtomicFile.write(fingerprints.encoded() + Data("\n".utf8), to: URL(fileURLWithPath: output))
                Console.error("\(fingerprints.fingerprints.count) fingerprints of \(fingerprints.cases.count) \(fingerprints.cases.count == 1 ? "case" : "cases") → \(output)")
            } else {
                Console.output(String(decoding: fingerprints.encoded(), as: UTF8.self) + "\n")
            }
        }
    }

    static func describe(_ registration: Registration) -> String {
        if registration.isNew { return "case \(registration.reference): registered \(registration.pseudonym)" }
        let added = registration.addedVariants
        return "case \(registration.reference): \(registration.pseudonym) was already registered"
            + (added > 0 ? "; added \(added) name \(added == 1 ? "form" : "forms")" : "")
    }

    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--store FILE`, for every `case` command.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The case registry (default: $ANONYMISE_STORE, else ./.anonymise/cases.sqlite).", valueName: "FILE"))
    var store: String?

    var location: URL { CaseStore.location(store) }

    func open(create: Bool) throws -> CaseStore {
        try CaseStore(url: location, create: create)
    }
}
