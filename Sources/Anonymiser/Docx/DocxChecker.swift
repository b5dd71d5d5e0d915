import Foundation

/// `check` on a .docx: the joined text of every story — deleted text of tracked changes and
/// field codes included — every attribute that can hold a name, every external target and
/// the text of the side parts, through the same gate as a text draft; then what the
/// package itself must not carry into publication (tracked changes, comments, the people
/// list, custom properties, a thumbnail, author fields, a template path, `mailto:` links,
/// embedded objects, macros, fields that read a name, parts that cannot be read).
/// Every finding's message names its place ("in footnote (word/footnotes.xml), paragraph 1").
public struct DocxChecker: Sendable {
    public let checker: Checker

    public init(checker: Checker) {
        self.checker = checker
    }

    /// Fields whose result is read from the file, its author or a data source.
    static let nameReadingFields: Set<String> = [
        "AUTHOR", "LASTSAVEDBY", "USERNAME", "USERINITIALS", "USERADDRESS", "MERGEFIELD", "DOCPROPERTY", "DOCVARIABLE", "FILENAME",
        "TEMPLATE", "INCLUDETEXT", "INFO", "COMMENTS", "KEYWORDS", "SUBJECT", "TITLE", "FILLIN", "ASK", "DATABASE", "MERGEREC",
    ]

    /// The joined text that was checked (positions of text findings point into it) and the findings.
    public func check(bytes: [UInt8], name: String) throws -> (document: Document, findings: [Finding]) {
        let source = try DocxDocument(bytes: bytes, name: name)
        let reader = StoryReader(reading: .everything)
        let stories = source.storyParts.map { reader.paragraphs(of: source.trees[$0.part]!, part: $0.part, story: $0.story) }
        let text = DocxText(stories: stories + [AttributeReader(reading: .everything).paragraphs(of: source),
                                                SidePartReader().paragraphs(of: source)], name: name)
        let document = text.document
        let locator = text.locator
        var findings = try checker.check(document).map { finding in
            Finding(rule: finding.rule, level: finding.level, document: document, range: finding.range,
                    message: "in \(locator.describe(ofByte: finding.range.lowerBound)): \(finding.message)", category: finding.category)
        }
        for (rule, message) in structuralProblems(of: source) {
            findings.append(Finding(rule: rule, level: .error, document: document, range: 0..<0, message: message, category: "document"))
        }
        return (document, findings)
    }

    /// What the package carries besides its text, as (rule, message) pairs.
    func structuralProblems(of source: DocxDocument) -> [(String, String)] {
        var problems: [(String, String)] = []
        for (part, problem) in source.unreadable {
            problems.append((DocxRuleID.unreadablePart, "in \(part): the part \(problem), so it cannot be checked"))
        }
        let inventory = DocxInventory(source)
        if inventory.trackedChanges > 0 {
            problems.append((DocxRuleID.trackedChange, "in tracked changes: \(inventory.trackedChanges) unaccepted (deleted text and authors are in the file)"))
        }
        if inventory.comments > 0 {
            problems.append((DocxRuleID.comment, "in comments: \(inventory.comments) comment\(inventory.comments == 1 ? "" : "s") with their authors"))
        }
        for part in inventory.macros { problems.append((DocxRuleID.macro, "in \(part): macros")) }
        for place in inventory.embeddedObjects { problems.append((DocxRuleID.embeddedObject, "in \(place): an embedded object")) }
        for part in source.package.names {
            let lowered = part.lowercased()
            if lowered.hasSuffix("people.xml") { problems.append((DocxRuleID.people, "in \(part): the list of people who edited the document")) }
            if lowered.hasPrefix("docprops/thumbnail") { problems.append((DocxRuleID.thumbnail, "in \(part): a thumbnail picture of the first page")) }
            if lowered.hasPrefix("customxml/") && !lowered.contains("_rels/") {
                problems.append((DocxRuleID.hiddenData, "in \(part): custom XML data"))
            }
        }
        if let root = source.trees["docProps/custom.xml"]?.rootElement(), !root.elementChildren.isEmpty {
            problems.append((DocxRuleID.customProperty, "in custom properties (docProps/custom.xml): \(root.elementChildren.count) set"))
        }
        for (part, fields) in [("docProps/core.xml", MetadataCleaner.coreFields), ("docProps/app.xml", ["Company", "Manager"] as Set)] {
            for element in source.trees[part]?.rootElement()?.elementChildren ?? []
            where fields.contains(element.localName) && !(element.stringValue ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append((DocxRuleID.author, "in document properties (\(part)): \(element.localName) is not empty"))
            }
        }
        if let template = source.trees["docProps/app.xml"]?.rootElement()?.children.first(where: { $0.localName == "Template" })?.stringValue,
           template.contains("/") || template.contains("\\") {
            problems.append((DocxRuleID.template, "in application properties (docProps/app.xml): a template path"))
        }
        let settings = DocxRelationships.resolve("settings.xml", from: (source.mainPart as NSString).deletingLastPathComponent)
        for element in source.trees[settings]?.rootElement()?.descendantElements() ?? [] where element.uri == OOXML.w {
            switch element.localName {
            case "attachedTemplate": problems.append((DocxRuleID.template, "in settings (\(settings)): an attached template path"))
            case "mailMerge": problems.append((DocxRuleID.hiddenData, "in settings (\(settings)): a mail-merge data source"))
            case "docVars": problems.append((DocxRuleID.hiddenData, "in settings (\(settings)): document variables"))
            default: continue
            }
        }
        for relationshipsPart in source.trees.keys.sorted() where relationshipsPart.hasSuffix(".rels") {
            let relationships = DocxRelationships(source.trees[relationshipsPart]!, source: DocxRelationships.source(ofRelationshipsPart: relationshipsPart))
            for relationship in relationships.relationships where relationship.isExternal && DocxMetadata.isMailto(relationship.target) {
                problems.append((DocxRuleID.mailto, "in a hyperlink target (\(relationshipsPart)): a mailto: address"))
            }
        }
        for (part, story) in source.storyParts {
            for element in source.trees[part]?.rootElement()?.descendantElements() ?? [] {
                let code: String
                if element.isW("instrText") { code = element.stringValue ?? "" } else if element.isW("fldSimple") { code = element.wAttribute("instr") ?? "" } else { continue }
                let kind = FieldUnlinker.kind(of: code)
                if DocxChecker.nameReadingFields.contains(kind) {
                    problems.append((DocxRuleID.field, "in \(story) (\(part)): the field \(kind), which can bring a name back when fields are updated"))
                } else if kind == "HYPERLINK" && code.lowercased().contains("mailto:") {
                    problems.append((DocxRuleID.mailto, "in \(story) (\(part)): a HYPERLINK field to a mailto: address"))
                }
            }
        }
        return problems
    }
}

/// The rules of `check` that only a .docx can break.
public enum DocxRuleID {
    public static let trackedChange = "docx.tracked-change"
    public static let comment = "docx.comment"
    public static let people = "docx.people"
    public static let customProperty = "docx.custom-property"
    public static let thumbnail = "docx.thumbnail"
    public static let author = "docx.author"
    public static let template = "docx.template"
    public static let mailto = "docx.mailto"
    public static let embeddedObject = "docx.embedded-object"
    public static let macro = "docx.macro"
    public static let field = "docx.field"
    public static let hiddenData = "docx.hidden-data"
    public static let unreadablePart = "docx.unreadable-part"

    /// Their descriptions, for reports.
    public static let rules: [CheckRule] = [
        (trackedChange, "Unaccepted tracked changes: deleted text and the authors of changes stay in the file.",
         "Accept or reject every change in Word, or redact with --accept-changes."),
        (comment, "Comments, with their authors.", "Delete the comments in Word, or redact with --drop-comments."),
        (people, "The list of people who edited the document (word/people.xml).", "Redact the document: the list is removed."),
        (customProperty, "Custom document properties.", "Redact the document: custom properties are removed."),
        (thumbnail, "A thumbnail picture of the first page.", "Redact the document: the thumbnail is removed."),
        (author, "Author, last-modified-by, title or company fields in the document properties.", "Redact the document: they are emptied."),
        (template, "A path to the template the document was made from.", "Redact the document: the path is removed."),
        (mailto, "A mailto: hyperlink, whose address stays in the file behind the text.", "Remove the link, or redact the document."),
        (embeddedObject, "An embedded object (another document or program), which cannot be cleaned.", "Remove it, or paste it as a picture."),
        (macro, "Macros (vbaProject.bin).", "Save the document as a .docx without macros."),
        (field, "A field that reads a name from the file or a data source (AUTHOR, MERGEFIELD, DOCPROPERTY…).",
         "Unlink the field (Ctrl+Shift+F9 in Word), or redact the document."),
        (hiddenData, "Data no reader sees: custom XML, document variables, a mail-merge source.", "Redact the document: it is removed."),
        (unreadablePart, "A part of the package that is not well-formed XML, so it cannot be checked.", "Open and save the document again in Word."),
    ].map { CheckRule(id: $0.0, level: .error, summary: $0.1, help: $0.2, category: "document") }
}
