import Foundation
import GRDB

extension CaseStore {
    /// Stores a reviewer's person-level decisions in a case, in one transaction, so every later
    /// document of the case follows them. Returns the decisions that matched a person of the
    /// case, with the pseudonym they now have; the rest match nobody the case knows (yet).
    /// Applying the same decisions twice changes nothing the second time.
    public func apply(_ decisions: PersonDecisions, inCase reference: String) throws -> [(decision: Decisions.PersonDecision, pseudonym: String)] {
        guard !decisions.isEmpty else { return [] }
        let reference = try CaseReference.canonical(reference)
        return try transaction { db in
            guard let found = try CaseStore.findCase(reference, db) else { return [] }
            return try CaseStore.apply(decisions, caseID: found.id!, at: Date(), db)
        }
    }

    /// Redacts one document of a case with a reviewer's decisions, all in one transaction:
    /// person decisions are stored, the document redacted against the case they make (again,
    /// when the redaction met people the decisions are about), its people and hashes stored,
    /// and `review` applies the item decisions. If `review` throws (`--require-decisions`
    /// refused), nothing of it is stored: the registry is as it was.
    /// Returns the redaction before item decisions, the reviewed one, the case outcome and the
    /// person decisions that matched.
    public func redact(
        inCase reference: String, inputSHA256: String, decisions: PersonDecisions?,
        _ redact: (CaseContext) throws -> Redaction,
        review: (_ proposed: Redaction, _ context: CaseContext, _ people: [(decision: Decisions.PersonDecision, pseudonym: String)]) throws -> Redaction
    ) throws -> (proposed: Redaction, reviewed: Redaction, outcome: CaseOutcome, people: [(decision: Decisions.PersonDecision, pseudonym: String)]) {
        let reference = try CaseReference.canonical(reference)
        return try transaction { db in
            let now = Date()
            let caseID = try CaseStore.fetchOrCreateCase(reference, at: now, db).id!
            var matched = try decisions.map { try CaseStore.apply($0, caseID: caseID, at: now, db) } ?? []
            var context = try CaseStore.context(caseID: caseID, reference: reference, db)
            var proposed = try redact(context)
            let (known, new) = try CaseStore.store(proposed, caseID: caseID, at: now, db)
            // People the registry met only now (stored by that redaction) may be decided about too.
            if let decisions, matched.count < decisions.decisions.count {
                let again = try CaseStore.apply(decisions, caseID: caseID, at: now, db)
                if again.count > matched.count {
                    matched = again
                    context = try CaseStore.context(caseID: caseID, reference: reference, db)
                    proposed = try redact(context)
                    _ = try CaseStore.store(proposed, caseID: caseID, at: now, db)
                }
            }
            let reviewed = try review(proposed, context, matched)
            try CaseStore.recordDocument(caseID: caseID, inputSHA256: inputSHA256, outputSHA256: reviewed.outputSHA256, at: now, db)
            insideTransaction?()
            return (proposed, reviewed, CaseOutcome(reference: reference, known: known, new: new), matched)
        }
    }

    /// Applies person decisions to the people of one case, inside a transaction.
    static func apply(_ decisions: PersonDecisions, caseID: Int64, at now: Date, _ db: Database) throws
        -> [(decision: Decisions.PersonDecision, pseudonym: String)] {
        guard !decisions.isEmpty else { return [] }
        var rows = try PersonRecord.filter(PersonRecord.Columns.caseID == caseID).order(PersonRecord.Columns.id).fetchAll(db)
        // Every real initial of the case, the decided person's own included: a letter that is
        // anyone's real initial would point at them.
        let initials = rows.reduce(into: Set<Character>()) { $0.formUnion($1.initialSet) }
        var matched: [(Decisions.PersonDecision, String)] = []
        var changed = false
        for position in rows.indices {
            let row = rows[position]
            let fingerprint = decisions.fingerprinter.fingerprint(givenNames: row.givenNameList, surname: row.surname)
            guard decisions.decisions.contains(where: { $0.fingerprint == fingerprint }) else { continue }
            let others = rows.enumerated().filter { $0.offset != position }
            let current = PersonDecisions.Change(
                letter: row.letterCharacter, title: row.title.flatMap { Title($0) }, titleDecided: row.titleDecided, role: row.role,
                kind: row.personKind, notAPerson: row.notAPerson)
            let (state, applied) = try decisions.change(
                current, fingerprint: fingerprint, othersLetters: Set(others.compactMap(\.element.letterCharacter)), realInitials: initials,
                othersRoles: Set(others.filter { $0.element.personKind == .staff }.compactMap { $0.element.role.map(PersonDecisions.roleKey) }))
            var updated = row
            updated.letter = state.letter.map(String.init)
            updated.title = state.title?.text
            updated.titleDecided = state.titleDecided
            updated.kind = state.kind.rawValue
            if state.kind == .staff || row.personKind == .staff { updated.role = state.role }
            updated.notAPerson = state.notAPerson
            if !updated.equalsStored(row) {
                try updated.update(db)
                changed = true
            }
            rows[position] = updated
            let pseudonym = updated.notAPerson ? "(not a person)" : CaseStore.pseudonym(updated)
            for decision in applied { matched.append((decision, pseudonym)) }
        }
        if changed { try CaseStore.touch(caseID, at: now, db) }
        return matched
    }
}
