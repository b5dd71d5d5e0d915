import Crypto
import Foundation
import PCRE2

/// The whole redaction pipeline for one document: the analysis (detect → resolve → link),
/// then pseudonymise → flag → render.
/// Holds only compiled, read-only state, so one instance serves concurrent documents.
public struct Anonymiser: Sendable {
    public static let version = "0.1.0"

    public let patterns: PatternSet
    public let pseudonymiser: Pseudonymiser
    /// Whether residual details with a house-style rewording are reworded (and still flagged),
    /// or only flagged.
    public let generalisesResidualDetail: Bool
    private let analyser: Analyser
    private let flagger: Flagger
    private let afterRender: AfterRender
    private let segments: Segments

    /// - Parameter segmentSize: a draft longer than this is analysed in segments (see `Segments`).
    public init(patterns: PatternSet, letters: LetterSequence = .houseStyle, generalisesResidualDetail: Bool = true,
                segmentSize: Int = Segments.defaultSize) {
        self.patterns = patterns
        segments = Segments(size: segmentSize)
        self.generalisesResidualDetail = generalisesResidualDetail
        pseudonymiser = Pseudonymiser(sequence: letters)
        analyser = Analyser(patterns: patterns)
        flagger = Flagger(patterns: patterns)
        afterRender = AfterRender(analyser: analyser, patterns: patterns, placeholders: Placeholders(patterns: patterns))
    }

    /// Redacts one document; with a case, known people keep their pseudonyms and new
    /// people get letters the case has not used.
    public func redact(_ draft: Document, case context: CaseContext? = nil) throws -> Redaction {
        guard draft.bytes.count > segments.size else { return try redactSegment(analyser.prepare(draft), case: context) }
        var gathered = SegmentPeople(case: context)
        var edits: [Edit] = [], flags: [ReviewFlag] = []
        var caseReference: String?
        let analyser = analyser
        try segments.forEach(of: draft, { try analyser.prepare($0) }) { prepared, range in
            let redaction = try redactSegment(prepared, case: gathered.context)
            edits.appendInProportion(redaction.edits.lazy.map { $0.shifted(by: range.lowerBound) }, through: range.upperBound, of: draft.bytes.count)
            flags.appendInProportion(redaction.flags.lazy.map { $0.shifted(by: range.lowerBound) }, through: range.upperBound, of: draft.bytes.count)
            gathered.include(redaction.people, offset: range.lowerBound)
            caseReference = caseReference ?? redaction.caseReference
        }
        return Redaction(document: draft, edits: edits, flags: flags, people: gathered.allPeople, caseReference: caseReference)
    }

    /// Redacts one segment (all of a draft of ordinary length).
    private func redactSegment(_ prepared: PreparedAnalysis, case context: CaseContext?) throws -> Redaction {
        let draft = prepared.draft
        let analysis = try analyser.link(prepared, case: context)
        let (view, index, resolution) = (analysis.view, analysis.index, analysis.resolution)
        var linked = analysis.linked
        pseudonymiser.assignLetters(to: &linked.people, case: context)

        var edits = resolution.identifiers.map { candidate -> Edit in
            let rule = patterns.rules[candidate.ruleIndex]
            return Edit(range: candidate.range, replacement: rule.placeholder ?? Placeholders.redacted, category: rule.category, rule: rule.id)
        }
        for mention in linked.mentions {
            guard let personIndex = mention.person else { continue }
            let person = linked.people[personIndex]
            // A reviewer said this name is an organisation or a place (`PersonDecisions`).
            if person.isNotAPerson { continue }
            let text = pseudonymiser.replacement(
                for: mention, people: linked.people, atSentenceStart: index.isSentenceStart(mention.range.lowerBound))
            edits.append(Edit(
                range: mention.range, replacement: text, category: Rule.personCategory, rule: mention.ruleID,
                person: person.letter.map(String.init), role: person.role))
        }
        // Residual details with a house-style rewording: reworded, and still flagged below.
        var generalised: [Range<Int>: Edit] = [:]
        if generalisesResidualDetail {
            let generaliser = Generaliser(index: index, lexicon: patterns.lexicon)
            var taken = DisjointRanges()
            for edit in edits { taken.insert(edit.range) }
            for candidate in resolution.flags {
                let rule = patterns.rules[candidate.ruleIndex]
                guard let rewording = generaliser.rewording(for: rule, range: candidate.range, mentions: linked.mentions, people: linked.people),
                      taken.insert(rewording.range) else { continue }
                let edit = Edit(range: rewording.range, replacement: rewording.text, category: rule.category, rule: rule.id)
                edits.append(edit)
                generalised[candidate.range] = edit
            }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var flags = flagger.flags(from: resolution.flags, people: linked.people, mentions: linked.mentions, edits: edits,
                                  generalised: generalised)
        // Every edit and flag is mapped back, so the output keeps the draft's own bytes.
        if !view.isIdentity {
            edits = edits.map { $0.mapped(by: view) }
            flags = flags.map { $0.mapped(by: view) }
        }
        edits = Edit.disjoint(edits)
        // A replacement glued to a word can make its neighbours read as something else: read the
        // published text again there, at most a few times, until nothing new is found.
        for _ in 0..<3 where AfterRender.isNeeded(edits, in: draft) {
            let extra = try afterRender.extraEdits(for: edits, in: draft)
            if extra.isEmpty { break }
            edits = Edit.disjoint(edits + extra)
        }
        return Redaction(document: draft, edits: edits, flags: flags, people: linked.people,
                         caseReference: Anonymiser.ombudsmanReference(inMatching: analysis.document))
    }

    private static let referencePattern = try! Regex(#"\b(?<ref>[0-9]{2} [0-9]{3} [0-9]{3}[a-z]?)\b"#)

    /// The Ombudsman's own reference ("24 013 403"), which names the case, if the document has one.
    public static func ombudsmanReference(in draft: Document) -> String? {
        ombudsmanReference(inMatching: MatchingView(draft).matching)
    }

    /// The same, in a text already read as the rules read it.
    static func ombudsmanReference(inMatching document: Document) -> String? {
        var found: String?
        document.bytes.withUnsafeBufferPointer { buffer in
            try? referencePattern.forEachMatch(in: buffer) { match in
                found = match.range(named: "ref").map(document.string)
                return false
            }
        }
        return found
    }
}

/// The result of redacting one document: the draft and every change to it. The publishable
/// text is made from them when asked for (or streamed to its file), never kept beside them.
public struct Redaction: Sendable {
    public let document: Document
    /// Every change, in text order.
    public let edits: [Edit]
    /// Every residual detail to review, in text order.
    public let flags: [ReviewFlag]
    public let people: [Person]
    /// The Ombudsman reference found in the document, if any.
    public let caseReference: String?
    /// SHA-256 of the publishable text as written.
    public let outputSHA256: String

    init(document: Document, edits: [Edit], flags: [ReviewFlag], people: [Person], caseReference: String?) {
        self.document = document
        self.edits = edits
        self.flags = flags
        self.people = people
        self.caseReference = caseReference
        outputSHA256 = Renderer.sha256(edits, of: document)
    }

    /// The people this document mentions.
    public var mentioned: [Person] { people.filter(\.isMentioned) }

    /// The publishable text as written: UTF-8, beginning with the byte-order mark the draft
    /// began with, if any (so it is the draft byte for byte outside the replacements).
    public var outputBytes: [UInt8] { Renderer.apply(edits, to: document) }

    /// The publishable text as a string.
    public var output: String { String(decoding: outputBytes, as: UTF8.self) }

    /// Writes the publishable text a megabyte at a time.
    func writeOutput(into write: (Data) throws -> Void) throws {
        try Renderer.write(edits, of: document, into: write)
    }
}

/// SHA-256 as lower-case hex.
public enum Digest {
    public static func sha256<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex, two digits a byte (without `String(format:)`, which costs more than
    /// the hash itself when every finding of an archive is fingerprinted).
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
