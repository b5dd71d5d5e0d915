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
            var rows = try PersonRecord.filter(PersonRecord.Columns.caseID == found.id!).order(PersonRecord.Columns.id).fetchAll(db)
            var matched: [(Decisions.PersonDecision, String)] = []
            var changed = false
            for position in rows.indices {
                let row = rows[position]
                let fingerprint = decisions.fingerprinter.fingerprint(givenNames: row.givenNameList, surname: row.surname)
                guard decisions.decisions.contains(where: { $0.fingerprint == fingerprint }) else { continue }
                let others = Set(rows.enumerated().filter { $0.offset != position }.compactMap(\.element.letterCharacter))
                let initials = rows.enumerated().filter { $0.offset != position }.reduce(into: Set<Character>()) { $0.formUnion($1.element.initialSet) }
                let current = PersonDecisions.Change(
                    letter: row.letterCharacter, title: row.title.flatMap { Title($0) }, titleDecided: row.titleDecided, role: row.role,
                    kind: row.personKind, notAPerson: row.notAPerson)
                let (state, applied) = try decisions.change(current, fingerprint: fingerprint, othersLetters: others, realInitials: initials)
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
            if changed { try CaseStore.touch(found.id!, at: Date(), db) }
            return matched
        }
    }
}
