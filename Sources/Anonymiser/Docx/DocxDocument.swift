import Foundation

/// A .docx package read for cleaning or checking: every XML part parsed strictly into a tree
/// (a part that does not parse is listed, never repaired), the stories found through the
/// relationships, and the parts changed so far (only those are written anew; every other
/// part keeps its bytes).
final class DocxDocument {
    let name: String
    private(set) var package: DocxPackage
    private(set) var trees: [String: PartTree] = [:]
    /// XML parts that are not well-formed, with the reason.
    private(set) var unreadable: [(part: String, problem: String)] = []
    private var changed: Set<String> = []

    /// The kinds of story Word keeps in parts of their own, in the order they are read.
    static let storyKinds: [(relationship: String, story: String)] = [
        ("header", "header"), ("footer", "footer"), ("footnotes", "footnote"), ("endnotes", "endnote"), ("comments", "comment"),
    ]

    init(bytes: [UInt8], name: String) throws {
        self.name = name
        package = try DocxPackage(bytes: bytes, name: name)
        for part in package.parts where DocxDocument.isXML(part.name) {
            do { trees[part.name] = try XMLPart.read(part.data) } catch let error as XMLPart.Malformed {
                unreadable.append((part.name, error.problem))
            } catch {
                unreadable.append((part.name, "cannot be read as XML"))
            }
        }
    }

    static func isXML(_ part: String) -> Bool {
        let lowered = part.lowercased()
        return lowered.hasSuffix(".xml") || lowered.hasSuffix(".rels")
    }

    /// The main document part ("word/document.xml"), from the package relationships.
    var mainPart: String {
        relationships(of: "")?.first("officeDocument")?.target ?? "word/document.xml"
    }

    func relationships(of part: String) -> DocxRelationships? {
        trees[DocxRelationships.partName(for: part)].map { DocxRelationships($0, source: part) }
    }

    /// Every story part with the kind of story it holds: the body first, then headers,
    /// footers, footnotes, endnotes and comments, each kind in part-name order.
    var storyParts: [(part: String, story: String)] {
        var result: [(part: String, story: String)] = [(mainPart, "body")]
        let relationships = relationships(of: mainPart)
        for (kind, story) in DocxDocument.storyKinds {
            let parts = Set((relationships?.all(kind) ?? []).filter { !$0.isExternal }.map(\.target)).sorted {
                $0.localizedStandardCompare($1) == .orderedAscending
            }
            result += parts.filter { trees[$0] != nil }.map { ($0, story) }
        }
        return result.filter { trees[$0.part] != nil }
    }

    /// Replaces a part that is not XML (a picture) with new bytes.
    func replace(_ part: String, with data: Data) {
        package.set(part, data)
    }

    /// Records that a part's tree was changed, so it is written anew.
    func markChanged(_ part: String) { changed.insert(part) }

    /// Removes a part with everything that points at it: its relationships part, the
    /// relationships of other parts that target it, and its content-type override.
    func removePart(_ part: String) {
        guard package.contains(part) else { return }
        package.remove(part)
        trees[part] = nil
        let ownRelationships = DocxRelationships.partName(for: part)
        package.remove(ownRelationships)
        trees[ownRelationships] = nil
        for (relationshipsPart, tree) in trees where relationshipsPart.hasSuffix(".rels") {
            let source = DocxRelationships.source(ofRelationshipsPart: relationshipsPart)
            for relationship in DocxRelationships(tree, source: source).relationships where !relationship.isExternal && relationship.target == part {
                relationship.element.detach()
                changed.insert(relationshipsPart)
            }
        }
        if let types = trees["[Content_Types].xml"]?.rootElement() {
            for override in types.children where override.isElement(OOXML.contentTypes, "Override") {
                if override.attribute(named: "PartName")?.stringValue == "/" + part {
                    override.detach()
                    changed.insert("[Content_Types].xml")
                }
            }
        }
    }

    /// Removes one relationship (an external target no part may keep).
    func removeRelationship(_ relationship: DocxRelationships.Relationship, of source: String) {
        relationship.element.detach()
        changed.insert(DocxRelationships.partName(for: source))
    }

    /// The package as bytes: changed parts serialised, the rest as read.
    func zipped() throws -> Data {
        for part in changed {
            guard let tree = trees[part] else { continue }
            package.set(part, XMLPart.write(tree))
        }
        return try package.zipped()
    }

    /// Parts whose names match, in package order (e.g. every part below "customXml/").
    func parts(where matches: (String) -> Bool) -> [String] {
        package.names.filter(matches)
    }
}
