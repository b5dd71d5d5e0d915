import Foundation
import GRDB

// What the registry does: redact a document within its case, register parties, list,
// show, forget, and collect name variants for fingerprints. Every operation that changes
// the store is one IMMEDIATE transaction.

/// A case as `case list` shows it: counts only, never a name.
public struct CaseSummary: Codable, Sendable, Equatable {
    public let reference: String
    public let created: Date
    public let updated: Date
    public let people: Int
    public let documents: Int
}

/// A case in full, for `case show` (staff eyes only: it holds the real names).
public struct CaseDetails: Codable, Sendable {
    public struct Variant: Codable, Sendable, Equatable {
        public let normalised: String
        public let original: String
        public let form: String
        public let source: String
    }

    public struct PersonEntry: Codable, Sendable {
        public let id: Int64
        /// As published: "Mrs X", "Y" (a child), "the social worker" (staff).
        public let pseudonym: String
        public let letter: String?
        /// The real name, as registered or first written.
        public let name: String
        public let title: String?
        public let kind: String
        public let role: String?
        public let complainant: Bool
        public let realInitials: String
        public let note: String?
        public let source: String
        public let variants: [Variant]
        /// A reviewer's marks (`redact --decisions`): the title was chosen; the name is no person.
        public var titleDecided = false
        public var notAPerson = false
    }

    public struct DocumentEntry: Codable, Sendable, Equatable {
        public let inputSHA256: String
        public let outputSHA256: String
        public let time: Date
        public let toolVersion: String
    }

    public let reference: String
    public let created: Date
    public let updated: Date
    public let people: [PersonEntry]
    public let documents: [DocumentEntry]
}

/// What redacting a document in a case did to the registry.
public struct CaseOutcome: Sendable, Equatable {
    public let reference: String
    /// People of the document the registry knew before it.
    public let known: Int
    /// People it met for the first time (now stored).
    public let new: Int
}

/// What `case add` did.
public struct Registration: Sendable, Equatable {
    public let reference: String
    /// "Mrs X", "Y", "the social worker".
    public let pseudonym: String
    /// False when the person was already registered (new aliases were added to them).
    public let isNew: Bool
    public let addedVariants: Int
}

/// What `case forget` deleted.
public struct Forgotten: Sendable, Equatable {
    public let reference: String
    public let people: Int
    public let variants: Int
    public let documents: Int
}

extension CaseStore {
    // MARK: - Redacting a document of a case

    /// Redacts one document of a case in one transaction: loads the case's people (the
    /// context), runs `redact`, stores the new people and name variants and the document's
    /// hashes, commits. If anything fails, or the process dies, nothing of it is stored.
    public func redact(inCase reference: String, inputSHA256: String,
                       _ redact: (CaseContext) throws -> Redaction) throws -> (Redaction, CaseOutcome) {
        let reference = try CaseReference.canonical(reference)
        // Optimistic: redact against the case as it is now, outside the write lock, so documents
        // of other cases proceed in parallel; inside the transaction, redo it only if the case
        // changed meanwhile. The result is the same either way: it depends on document and case.
        let before = try self.context(for: reference) ?? CaseContext(reference: reference)
        let early = try redact(before)
        return try transaction { db in
            let now = Date()
            let caseRecord = try CaseStore.fetchOrCreateCase(reference, at: now, db)
            let caseID = caseRecord.id!
            let context = try CaseStore.context(caseID: caseID, reference: reference, db)
            let redaction = context == before ? early : try redact(context)
            let (known, new) = try CaseStore.store(redaction, caseID: caseID, at: now, db)
            try CaseStore.recordDocument(caseID: caseID, inputSHA256: inputSHA256, outputSHA256: redaction.outputSHA256, at: now, db)
            insideTransaction?()
            return (redaction, CaseOutcome(reference: reference, known: known, new: new))
        }
    }

    /// The case as the pipeline needs it: every person with letter and names, and the
    /// letters and real initials of everyone in the case.
    public func context(for reference: String) throws -> CaseContext? {
        let reference = try CaseReference.canonical(reference)
        return try read { db in
            guard let found = try CaseStore.findCase(reference, db) else { return nil }
            return try CaseStore.context(caseID: found.id!, reference: reference, db)
        }
    }

    static func context(caseID: Int64, reference: String, _ db: Database) throws -> CaseContext {
        let rows = try PersonRecord.filter(PersonRecord.Columns.caseID == caseID).order(PersonRecord.Columns.id).fetchAll(db)
        let variants = try variantsByPerson(rows.compactMap(\.id), db)
        let people = rows.map { row -> KnownPerson in
            let given = row.givenNameList
            let native = NameVariants.native(givenNames: given, surname: row.surname)
            let aliases = (variants[row.id!] ?? []).map(\.normalised).filter { !native.contains($0) }
            return KnownPerson(
                id: row.id!, letter: row.letterCharacter, title: row.title.flatMap { Title($0) }, kind: row.personKind,
                role: row.personKind == .staff ? row.role : nil, isComplainant: row.complainant,
                givenNames: given, surname: row.surname, aliases: aliases)
                .decided(title: row.titleDecided, notAPerson: row.notAPerson)
        }
        return CaseContext(
            reference: reference, people: people,
            usedLetters: Set(rows.compactMap(\.letterCharacter)),
            realInitials: rows.reduce(into: Set<Character>()) { $0.formUnion($1.initialSet) })
    }

    /// Stores the document's people: new ones with their letters and variants, and for
    /// known ones any name form the registry did not have. Returns (known, new) counts.
    static func store(_ redaction: Redaction, caseID: Int64, at now: Date, _ db: Database) throws -> (Int, Int) {
        let names = redaction.mentioned.flatMap { $0.givenNames + [$0.surname].compactMap { $0 } }
        let spelling = Spelling(redaction.document, wanted: Set(names.flatMap { $0.split(separator: " ").map(String.init) }))
        var known = 0, new = 0
        for person in redaction.mentioned where !person.givenNames.isEmpty || person.surname != nil {
            let given = person.givenNames.map(spelling.original)
            let surname = person.surname.map(spelling.original)
            let forms = NameVariants.forms(given: given, surname: surname, initials: person.initials.sorted())
            let personID: Int64
            if let id = person.registryID, var row = try PersonRecord.fetchOne(db, key: id) {
                known += 1
                let before = row
                let merged = row.givenNameList + person.givenNames.filter { !row.givenNameList.contains($0) }
                row.givenNames = merged.joined(separator: " ")
                if row.surname == nil { row.surname = person.surname }
                if row.title == nil { row.title = person.title?.text }
                if row.letter == nil, let letter = person.letter { row.letter = String(letter) }
                row.realInitials = String(row.initialSet.union(person.realInitials).sorted())
                if !row.equalsStored(before) { try row.update(db) }
                personID = id
            } else {
                new += 1
                var row = PersonRecord(
                    id: nil, caseID: caseID, letter: person.letter.map(String.init), title: person.title?.text,
                    role: person.role ?? (person.isComplainant ? "complainant" : person.relation),
                    kind: person.kind.rawValue, complainant: person.isComplainant,
                    givenNames: person.givenNames.joined(separator: " "), surname: person.surname,
                    realInitials: String(person.realInitials.sorted()), note: nil, source: .detected, created: now)
                try row.insert(db)
                personID = row.id!
            }
            try insertVariants(forms, personID: personID, source: .detected, db)
        }
        return (known, new)
    }

    /// Inserts the variants a person does not have yet; returns how many were new.
    @discardableResult
    static func insertVariants(_ forms: [NameVariant], personID: Int64, source: PersonRecord.Source, _ db: Database) throws -> Int {
        let existing = Set(try String.fetchAll(db, NameVariantRecord.select(NameVariantRecord.Columns.normalised)
            .filter(NameVariantRecord.Columns.personID == personID)))
        var added = 0
        for form in forms where !existing.contains(form.normalised) {
            var record = NameVariantRecord(id: nil, personID: personID, normalised: form.normalised, original: form.original,
                                           form: form.form.rawValue, source: source)
            try record.insert(db)
            added += 1
        }
        return added
    }

    // MARK: - Registering parties

    /// Registers one person in a case before any document is redacted (`case add`).
    public func register(_ party: Party, inCase reference: String) throws -> Registration {
        try register([party], inCase: reference, source: nil)[0]
    }

    /// Registers a list of parties in one transaction: all or none (`case import`).
    /// `source` names the file in messages.
    public func register(_ parties: [Party], inCase reference: String, source: String?) throws -> [Registration] {
        let reference = try CaseReference.canonical(reference)
        // Validate everything before touching the store.
        var resolved: [ResolvedParty] = []
        for (number, party) in parties.enumerated() {
            do { resolved.append(try ResolvedParty(party)) } catch let error as UsageError {
                guard let source else { throw error }
                throw InputError(path: source, problem: "party \(number + 1): \(error.description)")
            }
        }
        // Complainants first: by house style they get the first letter.
        let order = resolved.indices.sorted { (resolved[$0].complainant ? 0 : 1, $0) < (resolved[$1].complainant ? 0 : 1, $1) }
        return try transaction { db in
            let now = Date()
            let caseRecord = try CaseStore.fetchOrCreateCase(reference, at: now, db)
            var results: [Int: Registration] = [:]
            for position in order {
                do {
                    results[position] = try CaseStore.register(resolved[position], caseID: caseRecord.id!, reference: reference, at: now, db)
                } catch let error as UsageError {
                    guard let source else { throw error }
                    throw InputError(path: source, problem: "party \(position + 1): \(error.description)")
                }
            }
            try CaseStore.touch(caseRecord.id!, at: now, db)
            return resolved.indices.map { results[$0]! }
        }
    }

    private static func register(_ party: ResolvedParty, caseID: Int64, reference: String, at now: Date, _ db: Database) throws -> Registration {
        let people = try PersonRecord.filter(PersonRecord.Columns.caseID == caseID).order(PersonRecord.Columns.id).fetchAll(db)
        let given = party.given.map(NameKey.normalise)
        let surname = party.surname.map(NameKey.normalise)
        let forms = NameVariants.forms(given: party.given, surname: party.surname, aliases: party.aliases)

        if var existing = people.first(where: { party.sameAs($0, given: given, surname: surname) }) {
            if let letter = party.letter, existing.letterCharacter != letter {
                throw UsageError("case \(reference): this person is already registered as \(pseudonym(existing)); a second pseudonym (\(party.pseudonymText ?? String(letter))) is refused")
            }
            let before = existing
            if existing.title == nil { existing.title = party.title?.text }
            if let note = party.note { existing.note = note }
            if existing.givenNames.isEmpty, !given.isEmpty { existing.givenNames = given.joined(separator: " ") }
            if existing.surname == nil { existing.surname = surname }
            existing.realInitials = String(existing.initialSet.union(party.realInitials).sorted())
            if !existing.equalsStored(before) { try existing.update(db) }
            let added = try insertVariants(forms, personID: existing.id!, source: .registered, db)
            return Registration(reference: reference, pseudonym: pseudonym(existing), isNew: false, addedVariants: added)
        }

        let realInitials = people.reduce(into: party.realInitials) { $0.formUnion($1.initialSet) }
        var letter: Character?
        if let requested = party.letter {
            let holders = people.filter { $0.letterCharacter == requested }
            if !holders.isEmpty && !party.canShare(with: holders, surname: surname) {
                throw UsageError("case \(reference): the pseudonym \(party.pseudonymText ?? String(requested)) is already used in this case (by \(pseudonym(holders[0]))); choose another letter")
            }
            if holders.isEmpty && realInitials.contains(requested) {
                throw UsageError("case \(reference): \(requested) is a real initial of someone in the case, so it cannot be a pseudonym (house style)")
            }
            letter = requested
        } else if party.kind != .staff {
            let spouse = party.isSpouse ? people.first { holder in
                party.canShare(with: [holder], surname: surname) && people.filter { $0.letter == holder.letter }.count == 1
            } : nil
            letter = spouse?.letterCharacter
                ?? LetterSequence.houseStyle.next(used: Set(people.compactMap(\.letterCharacter)), realInitials: realInitials)
        }
        var row = PersonRecord(
            id: nil, caseID: caseID, letter: letter.map(String.init), title: party.title?.text, role: party.role,
            kind: party.kind.rawValue, complainant: party.complainant, givenNames: given.joined(separator: " "),
            surname: surname, realInitials: String(party.realInitials.sorted()), note: party.note, source: .registered, created: now)
        try row.insert(db)
        let added = try insertVariants(forms, personID: row.id!, source: .registered, db)
        return Registration(reference: reference, pseudonym: pseudonym(row), isNew: true, addedVariants: added)
    }

    // MARK: - Inspecting and forgetting

    /// Every case, by reference.
    public func cases() throws -> [CaseSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.reference, c.created, c.updated,
                       (SELECT COUNT(*) FROM people p WHERE p.case_id = c.id) AS people,
                       (SELECT COUNT(*) FROM documents d WHERE d.case_id = c.id) AS documents
                FROM cases c ORDER BY c.reference
                """)
            return rows.map { row in
                CaseSummary(reference: row["reference"], created: row["created"], updated: row["updated"],
                            people: row["people"], documents: row["documents"])
            }
        }
    }

    /// One case in full; an `InputError` if the store has no such case.
    public func details(of reference: String) throws -> CaseDetails {
        let reference = try CaseReference.canonical(reference)
        return try read { db in
            guard let found = try CaseStore.findCase(reference, db) else { throw missingCase(reference) }
            let rows = try PersonRecord.filter(PersonRecord.Columns.caseID == found.id!).order(PersonRecord.Columns.id).fetchAll(db)
            let variants = try CaseStore.variantsByPerson(rows.compactMap(\.id), db)
            let documents = try DocumentRecord.filter(DocumentRecord.Columns.caseID == found.id!).order(DocumentRecord.Columns.time).fetchAll(db)
            return CaseDetails(
                reference: found.reference, created: found.created, updated: found.updated,
                people: rows.map { row in
                    let forms = variants[row.id!] ?? []
                    let name = forms.first { $0.form == NameVariant.Form.full.rawValue }?.original
                        ?? forms.first { $0.form != NameVariant.Form.alias.rawValue }?.original ?? "?"
                    var entry = CaseDetails.PersonEntry(
                        id: row.id!, pseudonym: row.notAPerson ? "(not a person)" : CaseStore.pseudonym(row), letter: row.letter, name: name,
                        title: row.title, kind: row.kind, role: row.role, complainant: row.complainant, realInitials: row.realInitials,
                        note: row.note, source: row.source.rawValue,
                        variants: forms.map { .init(normalised: $0.normalised, original: $0.original, form: $0.form, source: $0.source.rawValue) })
                    entry.titleDecided = row.titleDecided
                    entry.notAPerson = row.notAPerson
                    return entry
                },
                documents: documents.map { .init(inputSHA256: $0.inputSHA256, outputSHA256: $0.outputSHA256, time: $0.time, toolVersion: $0.toolVersion) })
        }
    }

    /// Deletes a case with its people, name variants and documents, and flushes the
    /// write-ahead log so the deleted names are gone from disk (with `secure_delete`).
    public func forget(_ reference: String) throws -> Forgotten {
        let reference = try CaseReference.canonical(reference)
        let forgotten = try transaction { db -> Forgotten in
            guard let found = try CaseStore.findCase(reference, db) else { throw missingCase(reference) }
            let caseID = found.id!
            let people = try PersonRecord.filter(PersonRecord.Columns.caseID == caseID).fetchCount(db)
            let variants = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM name_variants v JOIN people p ON p.id = v.person_id WHERE p.case_id = ?
                """, arguments: [caseID]) ?? 0
            let documents = try DocumentRecord.filter(DocumentRecord.Columns.caseID == caseID).fetchCount(db)
            _ = try CaseRecord.deleteOne(db, key: caseID)
            return Forgotten(reference: reference, people: people, variants: variants, documents: documents)
        }
        try checkpoint()
        return forgotten
    }

    /// Every normalised name variant of these cases (for fingerprints); an `InputError`
    /// naming the first reference the store does not have.
    public func nameVariants(ofCases references: [String]) throws -> (cases: [String], variants: [String]) {
        let references = try references.map(CaseReference.canonical)
        return try read { db in
            var variants: [String] = []
            for reference in references {
                guard let found = try CaseStore.findCase(reference, db) else { throw missingCase(reference) }
                variants += try String.fetchAll(db, sql: """
                    SELECT v.normalised FROM name_variants v JOIN people p ON p.id = v.person_id WHERE p.case_id = ?
                    """, arguments: [found.id!])
            }
            return (references, variants)
        }
    }

    // MARK: - Helpers

    private func missingCase(_ reference: String) -> InputError {
        InputError(path: path, problem: "has no case \(reference) (see `anonymise case list`)")
    }

    static func findCase(_ reference: String, _ db: Database) throws -> CaseRecord? {
        try CaseRecord.filter(CaseRecord.Columns.reference == reference).fetchOne(db)
    }

    static func fetchOrCreateCase(_ reference: String, at now: Date, _ db: Database) throws -> CaseRecord {
        if let found = try findCase(reference, db) { return found }
        var record = CaseRecord(id: nil, reference: reference, created: now, updated: now)
        try record.insert(db)
        return record
    }

    /// Records that a document of the case was redacted (again, for the same input) to this
    /// output, and marks the case updated.
    static func recordDocument(caseID: Int64, inputSHA256: String, outputSHA256: String, at now: Date, _ db: Database) throws {
        if var existing = try DocumentRecord
            .filter(DocumentRecord.Columns.caseID == caseID && Column("input_sha256") == inputSHA256).fetchOne(db) {
            existing.outputSHA256 = outputSHA256
            existing.time = now
            existing.toolVersion = Anonymiser.version
            try existing.update(db)
        } else {
            var document = DocumentRecord(id: nil, caseID: caseID, inputSHA256: inputSHA256, outputSHA256: outputSHA256,
                                          time: now, toolVersion: Anonymiser.version)
            try document.insert(db)
        }
        try touch(caseID, at: now, db)
    }

    static func touch(_ caseID: Int64, at now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE cases SET updated = ? WHERE id = ?", arguments: [now, caseID])
    }

    static func variantsByPerson(_ ids: [Int64], _ db: Database) throws -> [Int64: [NameVariantRecord]] {
        guard !ids.isEmpty else { return [:] }
        let records = try NameVariantRecord.filter(ids.contains(NameVariantRecord.Columns.personID))
            .order(Column("id")).fetchAll(db)
        return Dictionary(grouping: records, by: \.personID)
    }

    /// The person as the published text names them.
    static func pseudonym(_ row: PersonRecord) -> String {
        if row.personKind == .staff { return row.role ?? "(by role)" }
        guard let letter = row.letterCharacter else { return "(no letter)" }
        return PseudonymText.lettered(letter, kind: row.personKind, title: row.title.flatMap { Title($0) })
    }
}

extension PersonRecord {
    /// Whether nothing stored differs (so no UPDATE is needed).
    func equalsStored(_ other: PersonRecord) -> Bool {
        letter == other.letter && title == other.title && role == other.role && kind == other.kind
            && complainant == other.complainant && givenNames == other.givenNames && surname == other.surname
            && realInitials == other.realInitials && note == other.note
            && titleDecided == other.titleDecided && notAPerson == other.notAPerson
    }
}
