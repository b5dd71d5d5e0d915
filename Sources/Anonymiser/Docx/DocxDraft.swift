import Foundation

/// A .docx made ready for the redaction pipeline: refused if it cannot be cleaned, tracked
/// changes accepted and comments dropped when asked, fields unlinked, metadata cleaned; then
/// every story's text (and every attribute and side part that can hold a name) joined into
/// one text for one analysis. `published(_:)` writes the analysis's edits back into the runs.
///
/// Used once, by one thread: it owns the XML trees it changes.
public final class DocxDraft {
    /// The joined text the pipeline reads.
    public let document: Document
    public let locator: DocxLocator
    private let source: DocxDocument
    private let text: DocxText

    /// Whether a file name is a .docx (in any case).
    public static func isDocxName(_ name: String) -> Bool {
        name.utf8.count > 5 && name.lowercased().hasSuffix(".docx")
    }

    public init(bytes: [UInt8], name: String, options: DocxOptions) throws {
        let source = try DocxDocument(bytes: bytes, name: name)
        try DocxRefusal.check(source, inventory: DocxInventory(source), options: options)
        if options.acceptsChanges { ChangeAcceptor.acceptAll(in: source) }
        if options.dropsComments { CommentRemover.dropAll(in: source) }
        FieldUnlinker.unlink(in: source)
        MetadataCleaner.clean(source)
        ImageCleaner.clean(source)
        let reader = StoryReader(reading: .published)
        let stories = source.storyParts.map { reader.paragraphs(of: source.trees[$0.part]!, part: $0.part, story: $0.story) }
        // Side parts (what is left of the properties, such as the title in the list of parts;
        // charts and diagrams) are redacted as text too.
        text = DocxText(stories: stories + [AttributeReader(reading: .published).paragraphs(of: source),
                                            SidePartReader().paragraphs(of: source)], name: name)
        document = text.document
        locator = text.locator
        self.source = source
    }

    /// The redaction with what only a .docx has flagged for a person to look at: hidden text
    /// (redacted like the rest, but a reader can unhide it) and every picture.
    public func flaggingHiddenContent(_ redaction: Redaction) -> Redaction {
        var flags = redaction.flags
        for (index, paragraph) in text.paragraphs.enumerated() {
            let start = text.starts[index]
            for range in paragraph.hidden {
                flags.append(ReviewFlag(range: start + range.lowerBound..<start + range.upperBound, category: "hidden-text", rule: "docx.hidden-text",
                                        reason: "hidden text: Word does not show it, but a reader can", suggestion: "delete it, or unhide it and review it"))
            }
            for _ in 0..<paragraph.pictures {
                flags.append(ReviewFlag(range: start..<start, category: "picture", rule: "docx.picture",
                                        reason: "a picture (its metadata is removed): check that it shows no one and nothing identifying",
                                        suggestion: "remove or replace it if it identifies someone"))
            }
        }
        guard flags.count > redaction.flags.count else { return redaction }
        flags.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return Redaction(document: redaction.document, edits: redaction.edits, flags: flags, people: redaction.people,
                         caseReference: redaction.caseReference)
    }

    /// The published package: every edit written into its runs or attribute, then checked
    /// by the gate as `check` would check it; a package the gate fails is never returned.
    public func published(_ redaction: Redaction, gate: Checker) throws -> [UInt8] {
        for (index, edits) in text.localEdits(redaction.edits) {
            let paragraph = text.paragraphs[index]
            if RunSplicer.apply(edits, to: paragraph) { source.markChanged(paragraph.part) }
        }
        let bytes = [UInt8](try source.zipped())
        let (_, findings) = try DocxChecker(checker: gate).check(bytes: bytes, name: source.name)
        let blocking = findings.filter { $0.level == .error }
        if !blocking.isEmpty {
            let rules = Set(blocking.map(\.rule)).sorted().joined(separator: ", ")
            throw InputError(path: source.name, problem: "still fails check after redaction (\(blocking.count) finding"
                + "\(blocking.count == 1 ? "" : "s"): \(rules); first \(blocking[0].message.components(separatedBy: ":")[0])); nothing written")
        }
        return bytes
    }
}
