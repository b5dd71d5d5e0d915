import Foundation

/// Text a reader of the page never sees but the file carries: alt text and shape names,
/// hyperlink tooltips and targets, content-control names, bookmark names, the authors of
/// changes and comments, document variables. Each value is a paragraph of its own, read by
/// the same analysis as the stories (and rewritten by `redact` like them).
struct AttributeReader {
    let reading: DocxReading

    func paragraphs(of document: DocxDocument) -> [DocxParagraph] {
        var result: [DocxParagraph] = []
        func add(_ attribute: PartAttribute, of element: PartNode, part: String, story: String) {
            let value = attribute.stringValue ?? ""
            guard !value.isEmpty else { return }
            result.append(DocxParagraph(part: part, story: story, number: result.count + 1,
                                        segments: [TextSegment(slot: .attribute(attribute, of: element), range: 0..<value.utf8.count)], text: value))
        }
        let settings = DocxRelationships.resolve("settings.xml", from: (document.mainPart as NSString).deletingLastPathComponent)
        for (part, _) in document.storyParts + [(settings, "settings")] {
            guard let root = document.trees[part]?.rootElement() else { continue }
            for element in root.descendantElements() {
                for attribute in element.attributes {
                    if let story = story(of: attribute, on: element) { add(attribute, of: element, part: part, story: story) }
                }
            }
        }
        // External targets (web links); `mailto:` targets are removed by `redact`, reported by `check`.
        for relationshipsPart in document.trees.keys.sorted() where relationshipsPart.hasSuffix(".rels") {
            let source = DocxRelationships.source(ofRelationshipsPart: relationshipsPart)
            guard let tree = document.trees[relationshipsPart] else { continue }
            for relationship in DocxRelationships(tree, source: source).relationships where relationship.isExternal {
                if let target = relationship.element.attribute(named: "Target") {
                    add(target, of: relationship.element, part: relationshipsPart, story: "link target")
                }
            }
        }
        return result
    }

    /// What an attribute is, if it is one that can hold a name.
    private func story(of attribute: PartAttribute, on element: PartNode) -> String? {
        let (name, namespace) = (attribute.localName, attribute.namespace)
        switch (element.localName, name) {
        case ("docPr", "descr"), ("cNvPr", "descr"), ("docPr", "title"), ("cNvPr", "title"): return "alt text"
        case ("docPr", "name"), ("cNvPr", "name"): return "shape name"
        case (_, "alt") where element.uri == OOXML.v, (_, "title") where namespace == OOXML.o: return "alt text"
        case ("hyperlink", "tooltip") where element.uri == OOXML.w: return "hyperlink tooltip"
        case ("alias", "val") where element.uri == OOXML.w, ("tag", "val") where element.uri == OOXML.w: return "content control"
        case ("bookmarkStart", "name") where element.uri == OOXML.w: return "bookmark"
        case ("docVar", "val") where element.uri == OOXML.w, ("docVar", "name") where element.uri == OOXML.w: return "document variable"
        case (_, "author") where reading == .everything, (_, "initials") where reading == .everything: return "author"
        default: return nil
        }
    }
}

/// The text of every part outside the stories that can hold a name: document properties
/// (core, app, custom), the people list, custom XML, charts and diagrams. Each text node is a
/// paragraph, and every attribute value of the people list. `check` reads them all; `redact`
/// rewrites what is left after the metadata is cleaned.
struct SidePartReader {
    /// Parts whose text is formatting, not content.
    static let formattingParts: Set<String> = [
        "styles.xml", "stylesWithEffects.xml", "fontTable.xml", "numbering.xml", "webSettings.xml", "settings.xml",
    ]

    func paragraphs(of document: DocxDocument) -> [DocxParagraph] {
        let stories = Set(document.storyParts.map(\.part))
        var result: [DocxParagraph] = []
        for part in document.package.names where document.trees[part] != nil && !stories.contains(part) {
            let file = (part as NSString).lastPathComponent
            guard !part.hasSuffix(".rels"), part != "[Content_Types].xml", !SidePartReader.formattingParts.contains(file),
                  !part.contains("/theme/"), let root = document.trees[part]?.rootElement() else { continue }
            var number = 0
            for node in [root] + root.descendantElements() {
                var values: [(slot: TextSlot, text: String)] = node.children.filter { $0.kind == .text }.map { (.text($0), $0.stringValue ?? "") }
                if file == "people.xml" { values += node.attributes.map { (.attribute($0, of: node), $0.stringValue ?? "") } }
                for (slot, text) in values {
                    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                    number += 1
                    result.append(DocxParagraph(part: part, story: SidePartReader.story(of: part), number: number,
                                                segments: [TextSegment(slot: slot, range: 0..<text.utf8.count)], text: text))
                }
            }
        }
        return result
    }

    static func story(of part: String) -> String {
        switch part {
        case "docProps/core.xml": return "document properties"
        case "docProps/app.xml": return "application properties"
        case "docProps/custom.xml": return "custom properties"
        default:
            if part.hasPrefix("customXml/") { return "custom XML" }
            if part.hasSuffix("people.xml") { return "people list" }
            return "part"
        }
    }
}
