import Foundation

/// A reviewer's decisions for one document: the file the review page saves and
/// `redact --decisions` / `check --decisions` read.
///
/// JSON, schema `anonymise-decisions/1`:
///
/// ```
/// {
///   "schema": "anonymise-decisions/1",
///   "key": "3f9c…",                  // ReviewKey.identifier: which key made the fingerprints
///   "case": "24 013 403",            // informative; only a real case reference, never a file name
///   "reviewer": "J Bloggs", "saved": "2026-12-06T15:00:00Z",
///   "items": [
///     {"fingerprint": "…", "decision": "accept", "item": "replacement"},
///     {"fingerprint": "…", "decision": "accept", "item": "flag", "detail": "…"},
///     {"fingerprint": "…", "decision": "reject", "reason": "public-role", "detail": "…"},
///     {"fingerprint": "…", "decision": "reject", "reason": "other", "note": "named in the press release"},
///     {"fingerprint": "…", "decision": "edit", "replacement": "a town in the county"}
///   ],
///   "people": [
///     {"fingerprint": "…", "decision": "letter", "letter": "K"},
///     {"fingerprint": "…", "decision": "title", "title": "Ms"},
///     {"fingerprint": "…", "decision": "staff", "role": "the housing officer"},
///     {"fingerprint": "…", "decision": "not-a-person"},
///     {"fingerprint": "…", "decision": "person"}   // undoes an earlier not-a-person
///   ]
/// }
/// ```
///
/// Items and people are keyed by content fingerprints (`Fingerprinter`), never offsets; a
/// flagged item also carries its `detail` fingerprint (rule and text), which `check` of the
/// published text matches kept flags by, and `item` says whether the item was a replacement or
/// a flag only. The
/// file holds no text of the draft: only fingerprints, decisions, reason codes, the
/// reviewer's own words (an edited replacement, a role, a note) and who decided when. Every
/// entry may carry its own `reviewer` and `time`; the file's apply to the rest.
public struct Decisions: Codable, Sendable, Equatable {
    public static let currentSchema = "anonymise-decisions/1"

    public var schema: String
    public var key: String
    public var `case`: String?
    public var reviewer: String?
    public var saved: String?
    public var items: [ItemDecision]
    public var people: [PersonDecision]

    public init(key: String, case reference: String? = nil, reviewer: String? = nil, saved: String? = nil,
                items: [ItemDecision] = [], people: [PersonDecision] = []) {
        schema = Decisions.currentSchema
        self.key = key
        self.case = reference
        self.reviewer = reviewer
        self.saved = saved
        self.items = items
        self.people = people
    }

    enum CodingKeys: String, CodingKey { case schema, key, `case`, reviewer, saved, items, people }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        key = try container.decode(String.self, forKey: .key)
        self.case = try container.decodeIfPresent(String.self, forKey: .case)
        reviewer = try container.decodeIfPresent(String.self, forKey: .reviewer)
        saved = try container.decodeIfPresent(String.self, forKey: .saved)
        items = try container.decodeIfPresent([ItemDecision].self, forKey: .items) ?? []
        people = try container.decodeIfPresent([PersonDecision].self, forKey: .people) ?? []
    }

    /// Why a reviewer kept the original wording.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case notIdentifying = "not-identifying"
        case publicRole = "public-role"
        case neededForMeaning = "needed-for-meaning"
        case alreadyAnonymous = "already-anonymous"
        case other
    }

    public struct ItemDecision: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// The tool's proposal stands (a flag: the text stays, looked at).
            case accept
            /// The original wording is kept, for a reason.
            case reject
            /// The reviewer's own replacement text.
            case edit
        }

        public var fingerprint: String
        public var decision: Kind
        public var reason: Reason?
        public var note: String?
        public var replacement: String?
        /// A flagged item's detail fingerprint (rule and text only), for `check --decisions`.
        public var detail: String?
        /// Whether the item was a replacement or a flag only: `check --decisions` counts an
        /// accepted flag as kept as written, an accepted replacement never.
        public var item: ReviewItem.Kind?
        public var reviewer: String?
        public var time: String?

        public init(fingerprint: String, decision: Kind, reason: Reason? = nil, note: String? = nil, replacement: String? = nil,
                    detail: String? = nil, item: ReviewItem.Kind? = nil, reviewer: String? = nil, time: String? = nil) {
            self.fingerprint = fingerprint
            self.detail = detail
            self.item = item
            self.decision = decision
            self.reason = reason
            self.note = note
            self.replacement = replacement
            self.reviewer = reviewer
            self.time = time
        }
    }

    public struct PersonDecision: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case letter, title, staff
            case notAPerson = "not-a-person"
            /// Undoes "not a person": the name is a person after all.
            case person
        }

        public var fingerprint: String
        public var decision: Kind
        public var letter: String?
        public var title: String?
        public var role: String?
        public var reviewer: String?
        public var time: String?

        public init(fingerprint: String, decision: Kind, letter: String? = nil, title: String? = nil, role: String? = nil,
                    reviewer: String? = nil, time: String? = nil) {
            self.fingerprint = fingerprint
            self.decision = decision
            self.letter = letter
            self.title = title
            self.role = role
            self.reviewer = reviewer
            self.time = time
        }
    }

    // MARK: - Reading and writing

    /// Reads and checks a decisions file; every problem is an `InputError` naming it (exit 2).
    public static func load(_ url: URL, name: String? = nil) throws -> Decisions {
        let name = name ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(path: name, problem: InputError.describe(error, reading: url))
        }
        return try decode(data, name: name)
    }

    public static func decode(_ data: Data, name: String) throws -> Decisions {
        let decisions: Decisions
        do {
            decisions = try JSONDecoder().decode(Decisions.self, from: data)
        } catch let error as DecodingError {
            throw InputError(path: name, problem: "is not a decisions file (\(describe(error)))")
        } catch {
            throw InputError(path: name, problem: "is not a decisions file (not JSON)")
        }
        try decisions.validate(name: name)
        return decisions
    }

    /// Sorted keys, one entry a line: the same decisions give the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    func validate(name: String) throws {
        func fail(_ problem: String) -> InputError { InputError(path: name, problem: problem) }
        guard schema == Decisions.currentSchema else {
            throw fail("has schema \(schema.debugDescription); this tool reads \(Decisions.currentSchema.debugDescription)")
        }
        var seen = Set<String>()
        for (number, item) in items.enumerated() {
            let at = "items[\(number)]"
            guard Decisions.isFingerprint(item.fingerprint) else { throw fail("\(at): the fingerprint is not 64 hexadecimal characters") }
            guard seen.insert(item.fingerprint).inserted else { throw fail("\(at): a second decision for the same item") }
            if let detail = item.detail, !Decisions.isFingerprint(detail) { throw fail("\(at): the detail is not 64 hexadecimal characters") }
            switch item.decision {
            case .accept: break
            case .reject:
                guard let reason = item.reason else { throw fail("\(at): a rejection needs a reason (\(Reason.allCases.map(\.rawValue).joined(separator: ", ")))") }
                if reason == .other && (item.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    throw fail("\(at): the reason \"other\" needs a note saying why")
                }
            case .edit:
                guard item.replacement != nil else { throw fail("\(at): an edit needs its replacement text") }
            }
        }
        seen = []
        for (number, person) in people.enumerated() {
            let at = "people[\(number)]"
            guard Decisions.isFingerprint(person.fingerprint) else { throw fail("\(at): the fingerprint is not 64 hexadecimal characters") }
            guard seen.insert(person.fingerprint + person.decision.rawValue).inserted else { throw fail("\(at): a second \(person.decision.rawValue) decision for the same person") }
            switch person.decision {
            case .letter:
                guard let letter = person.letter, letter.count == 1, let character = letter.first, LetterSequence.houseStyle.letters.contains(character) else {
                    throw fail("\(at): the letter must be one of \(String(LetterSequence.houseStyle.letters))")
                }
            case .title:
                guard let title = person.title, Title(title) != nil else { throw fail("\(at): \((person.title ?? "").debugDescription) is not a title (Mr, Mrs, Ms, Miss, Mx, Dr…)") }
            case .staff:
                guard let role = person.role, !role.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("\(at): staff needs the role they are named by (\"the housing officer\")") }
            case .notAPerson, .person: break
            }
        }
        for person in people where person.decision == .notAPerson {
            if let number = people.firstIndex(where: { $0.fingerprint == person.fingerprint && $0.decision == .person }) {
                throw fail("people[\(number)]: the same person is decided both \"person\" and \"not-a-person\"")
            }
        }
    }

    static func isFingerprint(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context).isEmpty ? "" : path(context) + ": ")missing \(key.stringValue.debugDescription)"
        case let .typeMismatch(_, context), let .valueNotFound(_, context): return "\(path(context)): wrong type"
        case let .dataCorrupted(context): return path(context).isEmpty ? "not JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "unreadable"
        }
    }
}
