import Foundation

/// The relationships of one part (`word/_rels/document.xml.rels` for `word/document.xml`):
/// what other parts and external targets it points at.
struct DocxRelationships {
    struct Relationship {
        let id: String
        /// The last part of the type URI: "header", "hyperlink", "customXml"…
        let kind: String
        /// The part name inside the package, or the external target as written.
        let target: String
        let isExternal: Bool
        let element: PartNode
    }

    let relationships: [Relationship]

    /// The relationships part of a part: "word/document.xml" → "word/_rels/document.xml.rels"; "" (the package) → "_rels/.rels".
    static func partName(for source: String) -> String {
        let directory = (source as NSString).deletingLastPathComponent
        let file = (source as NSString).lastPathComponent
        return (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
    }

    /// The part a relationships part belongs to: "word/_rels/document.xml.rels" → "word/document.xml".
    static func source(ofRelationshipsPart name: String) -> String {
        let directory = ((name as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let file = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        return directory.isEmpty ? file : directory + "/" + file
    }

    init(_ tree: PartTree, source: String) {
        let base = (source as NSString).deletingLastPathComponent
        relationships = (tree.rootElement()?.children ?? []).compactMap { element in
            guard element.isElement(OOXML.packageRelationships, "Relationship"),
                  let id = element.attribute(named: "Id")?.stringValue,
                  let type = element.attribute(named: "Type")?.stringValue,
                  let target = element.attribute(named: "Target")?.stringValue else { return nil }
            let external = element.attribute(named: "TargetMode")?.stringValue == "External"
            let kind = String(type.split(separator: "/").last ?? "")
            return Relationship(id: id, kind: kind, target: external ? target : DocxRelationships.resolve(target, from: base),
                                isExternal: external, element: element)
        }
    }

    func first(_ kind: String) -> Relationship? { relationships.first { $0.kind == kind } }
    func all(_ kind: String) -> [Relationship] { relationships.filter { $0.kind == kind } }
    func byID(_ id: String) -> Relationship? { relationships.first { $0.id == id } }

    /// A target relative to its source's folder, as a part name ("../media/a.png" from "word/" → "media/a.png").
    static func resolve(_ target: String, from base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
