import Foundation
import GRDB

/// Rows of the case registry (CaseSchema). Internal: the rest of the tool sees
/// `CaseContext`, `CaseDetails` and `CaseSummary`.

struct CaseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "cases"

    var id: Int64?
    var reference: String
    var created: Date
    var updated: Date

    enum Columns {
        static let reference = Column(CodingKeys.reference)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PersonRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "people"

    enum Source: String, Codable { case detected, registered }

    var id: Int64?
    var caseID: Int64
    var letter: String?
    var title: String?
    var role: String?
    var kind: String
    var complainant: Bool
    var givenNames: String
    var surname: String?
    var realInitials: String
    var note: String?
    var source: Source
    var created: Date
    /// Set by a reviewer's decisions (`CaseStore.apply(_:inCase:fingerprinter:)`).
    var titleDecided = false
    var notAPerson = false

    enum CodingKeys: String, CodingKey {
        case id, letter, title, role, kind, complainant, surname, note, source, created
        case caseID = "case_id", givenNames = "given_names", realInitials = "real_initials"
        case titleDecided = "title_decided", notAPerson = "not_a_person"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let caseID = Column(CodingKeys.caseID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var letterCharacter: Character? { letter?.first }
    var personKind: Person.Kind { Person.Kind(rawValue: kind) ?? .adult }
    var givenNameList: [String] { givenNames.split(separator: " ").map(String.init) }
    var initialSet: Set<Character> { Set(realInitials) }
}

struct NameVariantRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "name_variants"

    var id: Int64?
    var personID: Int64
    var normalised: String
    var original: String
    var form: String
    var source: PersonRecord.Source

    enum CodingKeys: String, CodingKey {
        case id, normalised, original, form, source
        case personID = "person_id"
    }

    enum Columns {
        static let personID = Column(CodingKeys.personID)
        static let normalised = Column(CodingKeys.normalised)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "documents"

    var id: Int64?
    var caseID: Int64
    var inputSHA256: String
    var outputSHA256: String
    var time: Date
    var toolVersion: String

    enum CodingKeys: String, CodingKey {
        case id, time
        case caseID = "case_id", inputSHA256 = "input_sha256", outputSHA256 = "output_sha256", toolVersion = "tool_version"
    }

    enum Columns {
        static let caseID = Column(CodingKeys.caseID)
        static let time = Column(CodingKeys.time)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
