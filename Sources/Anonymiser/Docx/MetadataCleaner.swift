import Foundation

/// What a .docx says about who wrote it, removed or emptied: the author fields of the
/// document properties, the company, manager and template; custom properties, custom XML,
/// the thumbnail and the list of people; revision ids, the attached template, mail-merge
/// sources and document variables; `mailto:` hyperlinks (their text stays, as text).
enum MetadataCleaner {
    /// Emptied in `docProps/core.xml` (Dublin Core and core-properties names alike).
    static let coreFields: Set<String> = [
        "creator", "lastModifiedBy", "title", "subject", "keywords", "description", "category", "contentStatus", "identifier",
    ]
    /// Emptied in `docProps/app.xml`.
    static let appFields: Set<String> = ["Company", "Manager", "Template", "HyperlinkBase"]
    /// Word's own template, which tells nothing about who wrote the document: kept.
    static let defaultTemplates: Set<String> = ["Normal.dotm", "Normal.dotx", "Normal.dot", "Normal"]
    /// Package parts removed whole, by relationship kind.
    static let removedKinds: Set<String> = ["custom-properties", "thumbnail", "people", "customXml"]
    /// Removed from `word/settings.xml`, with the relationships they use.
    static let removedSettings: Set<String> = ["rsids", "attachedTemplate", "mailMerge", "docVars"]

    static func clean(_ document: DocxDocument) {
        emptyFields(in: "docProps/core.xml", named: coreFields, document: document)
        emptyFields(in: "docProps/app.xml", named: appFields, document: document)
        for source in ["", document.mainPart] {
            for relationship in document.relationships(of: source)?.relationships ?? []
            where removedKinds.contains(relationship.kind) && !relationship.isExternal {
                document.removePart(relationship.target)
            }
        }
        for part in document.parts(where: { $0.hasPrefix("customXml/") }) { document.removePart(part) }
        cleanSettings(document)
        for (part, _) in document.storyParts {
            guard let root = document.trees[part]?.rootElement() else { continue }
            var changed = removeRevisionIDs(below: root)
            changed = removeMailtoLinks(below: root, of: part, document: document) || changed
            if changed { document.markChanged(part) }
        }
    }

    private static func emptyFields(in part: String, named names: Set<String>, document: DocxDocument) {
        guard let root = document.trees[part]?.rootElement() else { return }
        var changed = false
        for element in root.elementChildren where names.contains(element.localName) {
            let value = element.stringValue ?? ""
            if !value.isEmpty && !(element.localName == "Template" && defaultTemplates.contains(value)) {
                element.stringValue = ""
                changed = true
            }
        }
        if changed { document.markChanged(part) }
    }

    private static func cleanSettings(_ document: DocxDocument) {
        let part = DocxRelationships.resolve("settings.xml", from: (document.mainPart as NSString).deletingLastPathComponent)
        guard let root = document.trees[part]?.rootElement() else { return }
        let relationships = document.relationships(of: part)
        var changed = removeRevisionIDs(below: root)
        for element in root.descendantElements() where element.uri == OOXML.w && removedSettings.contains(element.localName) {
            // The attached template's path and the mail-merge sources are relationships of the settings part.
            for child in [element] + element.descendantElements() {
                for attribute in child.attributes where attribute.namespace == OOXML.r {
                    if let id = attribute.stringValue, let relationship = relationships?.byID(id) {
                        document.removeRelationship(relationship, of: part)
                    }
                }
            }
            element.detach()
            changed = true
        }
        if changed { document.markChanged(part) }
    }

    /// Revision-session ids (`w:rsidR`, `w:rsidRPr`…) tie edits to editing sessions.
    private static func removeRevisionIDs(below root: PartNode) -> Bool {
        var changed = false
        for element in root.descendantElements() {
            let revisionIDs = element.attributes.filter { $0.localName.hasPrefix("rsid") && $0.namespace == OOXML.w }
            for attribute in revisionIDs { element.removeAttribute(attribute) }
            changed = changed || !revisionIDs.isEmpty
        }
        return changed
    }

    /// A `mailto:` hyperlink becomes its text: the address would survive in the relationship.
    private static func removeMailtoLinks(below root: PartNode, of part: String, document: DocxDocument) -> Bool {
        guard let relationships = document.relationships(of: part) else { return false }
        var changed = false
        for element in root.descendantElements() where element.isW("hyperlink") {
            guard let id = element.attributeValue(OOXML.r, "id"), let relationship = relationships.byID(id),
                  DocxMetadata.isMailto(relationship.target) else { continue }
            element.unwrap()
            document.removeRelationship(relationship, of: part)
            changed = true
        }
        return changed
    }
}

/// Small facts about metadata shared by the cleaner and the checker.
enum DocxMetadata {
    static func isMailto(_ target: String) -> Bool {
        target.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("mailto:")
    }
}
