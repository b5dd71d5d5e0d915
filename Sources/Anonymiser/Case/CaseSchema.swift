import GRDB

/// The case registry's schema, as migrations (DESIGN.md, "Case registry"). A migration,
/// once released, is never edited: a change to the schema is a new migration appended
/// here, so every store, however old, reaches the same schema.
///
/// ```
/// cases          id, reference (unique), created, updated
/// people         id, case_id → cases, letter, title, role, kind (adult | child | staff),
///                complainant, given_names, surname, real_initials, note, source, created,
///                title_decided, not_a_person (v3: a reviewer's decisions)
/// name_variants  id, person_id → people, normalised, original, form, source (detected | registered),
///                unique (person_id, normalised)
/// documents      id, case_id → cases, input_sha256, output_sha256, time, tool_version,
///                unique (case_id, input_sha256)
/// ```
/// Deleting a case deletes its people, their variants and its documents (ON DELETE CASCADE).
enum CaseSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-cases-people-variants") { db in
            try db.create(table: "cases") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reference", .text).notNull().unique()
                t.column("created", .datetime).notNull()
                t.column("updated", .datetime).notNull()
            }
            try db.create(table: "people") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("cases", onDelete: .cascade)
                // One capital letter; NULL for staff (named by role) or when the sequence ran out.
                t.column("letter", .text).check(sql: "length(letter) = 1")
                t.column("title", .text)
                t.column("role", .text)
                t.column("kind", .text).notNull().check(sql: "kind IN ('adult', 'child', 'staff')")
                t.column("complainant", .boolean).notNull().defaults(to: false)
                // Normalised (NameKey) given names, separated by one space.
                t.column("given_names", .text).notNull().defaults(to: "")
                // Normalised surname ("van der berg").
                t.column("surname", .text)
                // Every real initial of the person, e.g. "JW": never a pseudonym in this case.
                t.column("real_initials", .text).notNull().defaults(to: "")
                t.column("note", .text)
                t.column("source", .text).notNull().check(sql: "source IN ('detected', 'registered')")
                t.column("created", .datetime).notNull()
            }
            try db.create(table: "name_variants") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("person_id", .integer).notNull().indexed().references("people", onDelete: .cascade)
                // NameFingerprints.normalise: "jane whitfield".
                t.column("normalised", .text).notNull()
                // As written: "Jane Whitfield".
                t.column("original", .text).notNull()
                // full | given | surname | given-surname | initial-surname | alias
                t.column("form", .text).notNull()
                t.column("source", .text).notNull().check(sql: "source IN ('detected', 'registered')")
                t.uniqueKey(["person_id", "normalised"])
            }
        }

        migrator.registerMigration("v2-documents") { db in
            try db.create(table: "documents") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("case_id", .integer).notNull().indexed().references("cases", onDelete: .cascade)
                t.column("input_sha256", .text).notNull()
                t.column("output_sha256", .text).notNull()
                t.column("time", .datetime).notNull()
                t.column("tool_version", .text).notNull()
                t.uniqueKey(["case_id", "input_sha256"])
            }
        }
        // A reviewer's person-level decisions (Review/PersonDecisions): a title they chose wins
        // over the drafts'; a name they said is no person is left as written.
        migrator.registerMigration("v3-review-decisions") { db in
            try db.alter(table: "people") { t in
                t.add(column: "title_decided", .boolean).notNull().defaults(to: false)
                t.add(column: "not_a_person", .boolean).notNull().defaults(to: false)
            }
        }
        return migrator
    }()

    /// The tables a store of ours has; a database with other tables and none of these is not ours.
    static let tables: Set<String> = ["cases", "people", "name_variants", "documents"]
}
