import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A very long draft (an archive saved as one file, a transcript of years) is analysed in
/// segments of about a megabyte, cut at paragraph breaks, so that memory stays a small
/// multiple of the text however long it is (the tokens and candidates of one segment at a
/// time, never of the whole file).
///
/// Each segment is read as a further document of the same case: the people of earlier
/// segments are handed on like registered people, so a person keeps one letter throughout,
/// and a name form seen in one segment is found in the next. A draft shorter than a segment
/// is one segment, analysed exactly as before.
public struct Segments: Sendable {
    /// Bytes a segment holds at least before it may end (at the next paragraph break).
    let size: Int

    /// One megabyte: far longer than any decision, small enough that one segment's analysis
    /// costs little beside the text itself.
    public static let defaultSize = 1 << 20

    /// The segments of a text: consecutive ranges covering all of it. Each (but the last)
    /// ends after a blank line — two line breaks, with an optional carriage return — at or
    /// after `size` bytes; failing that, after the next line break, so no line is cut.
    func ranges(of bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while bytes.count - start > size {
            guard let end = Segments.breakAfter(start + size, in: bytes) else { break }
            result.append(start..<end)
            start = end
        }
        result.append(start..<bytes.count)
        return result
    }

    /// Prepares the segments of a draft on every core (the stages that do not depend on the
    /// case) and hands each to `finish` in text order, with its range in the draft, on the
    /// calling thread; at most a few prepared segments wait, so memory stays flat.
    func forEach<Prepared>(
        of draft: Document, _ prepare: @escaping @Sendable (Document) throws -> Prepared,
        finish: (Prepared, Range<Int>) throws -> Void
    ) throws {
        var pending = ranges(of: draft.bytes)[...]
        let workers = ProcessInfo.processInfo.activeProcessorCount
        try OrderedParallel.forEach(workers: workers, ahead: workers, next: { pending.popFirst() }, { range in
            (try prepare(Document(name: draft.name, utf8: Array(draft.bytes[range]), encoding: .utf8)), range)
        }, each: { prepared, range in
            try finish(prepared, range)
            Segments.returnFreedMemory()
        })
    }

    /// Hands the memory of finished segments back to the system. The allocator keeps what a
    /// segment's analysis freed in the arenas of the threads that made it, where the next
    /// segments only partly reuse it: a 100 MB draft's peak grew by a third from it.
    private static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// glibc's `malloc_trim`, which Swift's Glibc module does not export; nil elsewhere.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// The end of the first paragraph break at or after `offset` (looked for within a
    /// megabyte), else of the first line break; nil when the rest is one line.
    private static func breakAfter(_ offset: Int, in bytes: [UInt8]) -> Int? {
        let searchEnd = min(bytes.count, offset + defaultSize)
        var firstLineEnd: Int?
        var index = offset
        while index < searchEnd {
            if bytes[index] == 0x0A {
                if firstLineEnd == nil { firstLineEnd = index + 1 }
                var next = index + 1
                if next < bytes.count && bytes[next] == 0x0D { next += 1 }
                if next < bytes.count && bytes[next] == 0x0A { return next + 1 }
            }
            index += 1
        }
        if let firstLineEnd { return firstLineEnd < bytes.count ? firstLineEnd : nil }
        guard let line = bytes[searchEnd...].firstIndex(of: 0x0A), line + 1 < bytes.count else { return nil }
        return line + 1
    }
}

/// The people of a segmented draft, gathered segment by segment: the case as the next segment
/// must see it, and every person once for the whole draft.
///
/// The next segment is handed the registry's people and the people of this draft mentioned
/// most recently — at most `recentLimit` of them (500 by default). A document names a few dozen people; only an
/// archive saved as one file names thousands, and linking every segment against all of them
/// would cost time in proportion to the square of its length. Letters and real initials of
/// everyone stay taken, so a person left out is never given someone else's letter.
struct SegmentPeople {
    static let defaultRecentLimit = 500

    private let recentLimit: Int
    private var registered: CaseContext
    private(set) var people: [Person] = []
    /// Where each gathered person is in `people`, by the id the context gave them.
    private var positionOfID: [Int64: Int] = [:]
    /// The segment in which each gathered person was last mentioned.
    private var lastSegment: [Int64: Int] = [:]
    private var segment = 0
    /// Ids for people first met in a segment; negative, so they never meet a registry id.
    private var nextID: Int64 = -1

    init(case context: CaseContext?, recentLimit: Int = SegmentPeople.defaultRecentLimit) {
        registered = context ?? CaseContext(reference: "")
        self.recentLimit = recentLimit
    }

    /// The case as the next segment sees it.
    var context: CaseContext {
        var context = registered
        let registeredIDs = Set(registered.people.map(\.id))
        for (position, known) in context.people.enumerated() {
            if let gathered = positionOfID[known.id] { context.people[position] = KnownPerson(gathered: people[gathered], id: known.id) }
        }
        let recent = positionOfID.keys.filter { !registeredIDs.contains($0) }
            .sorted { (lastSegment[$0]!, positionOfID[$1]!) > (lastSegment[$1]!, positionOfID[$0]!) }
            .prefix(recentLimit)
            .sorted { positionOfID[$0]! < positionOfID[$1]! }
        context.people += recent.map { KnownPerson(gathered: people[positionOfID[$0]!], id: $0) }
        return context
    }

    /// Takes in the people of one segment, whose byte offsets start at `offset` in the draft.
    mutating func include(_ segmentPeople: [Person], offset: Int) {
        segment += 1
        for var person in segmentPeople where person.isMentioned {
            if person.firstOffset != Int.max { person.firstOffset += offset }
            let id: Int64
            if let known = person.registryID {
                id = known
            } else {
                id = nextID
                nextID -= 1
                person.registryID = id
            }
            if let position = positionOfID[id] {
                people[position].merge(person)
            } else {
                positionOfID[id] = people.count
                people.append(person)
            }
            lastSegment[id] = segment
            let merged = people[positionOfID[id]!]
            if let letter = merged.letter { registered.usedLetters.insert(letter) }
            registered.realInitials.formUnion(merged.realInitials)
        }
    }

    /// Every person of the draft; people first met in this draft are not "known" to a registry.
    var allPeople: [Person] {
        people.map { person in
            var person = person
            if let id = person.registryID, id < 0 { person.registryID = nil }
            return person
        }
    }
}

extension Array {
    /// Appends what a segment found, first making room for what the whole draft will likely
    /// need (the count so far scaled to the whole text, and a tenth more), instead of letting
    /// the array double: a long draft's edits would otherwise hold up to twice their memory.
    mutating func appendInProportion<S: Collection>(_ more: S, through done: Int, of total: Int) where S.Element == Element {
        let needed = count + more.count
        if needed > capacity {
            let expected = Int(Double(needed) * Double(total) / Double(Swift.max(done, 1)) * 1.1)
            reserveCapacity(Swift.max(needed, expected))
        }
        append(contentsOf: more)
    }
}

extension Person {
    /// What a later segment adds to what an earlier one knew of the same person.
    mutating func merge(_ later: Person) {
        givenNames += later.givenNames.filter { !givenNames.contains($0) }
        titles += later.titles.filter { !titles.contains($0) }
        initials.formUnion(later.initials)
        aliases += later.aliases.filter { !aliases.contains($0) }
        surname = surname ?? later.surname
        relation = relation ?? later.relation
        role = role ?? later.role
        letter = letter ?? later.letter
        isComplainant = isComplainant || later.isComplainant
        firstOffset = min(firstOffset, later.firstOffset)
    }
}

extension KnownPerson {
    /// A person as the next document of the case must know them: every name form the linker
    /// would not find by itself from given names and surname is an alias.
    init(gathered person: Person, id: Int64) {
        let forms = NameVariants.forms(given: person.givenNames, surname: person.surname, initials: person.initials.sorted(),
                                       aliases: person.aliases)
        let native = NameVariants.native(givenNames: person.givenNames, surname: person.surname)
        self.init(
            id: id, letter: person.letter, title: person.title, kind: person.kind, role: person.kind == .staff ? person.role : nil,
            isComplainant: person.isComplainant, givenNames: person.givenNames, surname: person.surname,
            aliases: forms.map(\.normalised).filter { !native.contains($0) })
    }
}
