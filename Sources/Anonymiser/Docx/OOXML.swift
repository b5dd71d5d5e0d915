import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The namespaces of WordprocessingML parts the tool reads, and element matching by
/// namespace URI and local name (prefixes are the writer's choice, never the meaning).
enum OOXML {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let v = "urn:schemas-microsoft-com:vml"
    static let o = "urn:schemas-microsoft-com:office:office"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let strictW = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    /// Relationship types end with these names (transitional and strict share the last part).
    static let relationshipTypePrefix = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
}

extension XMLNode {
    /// True for an element with this namespace and local name.
    func isElement(_ namespace: String, _ localName: String) -> Bool {
        guard kind == .element, let element = self as? XMLElement else { return false }
        return element.localName == localName && element.uri == namespace
    }

    /// True for a WordprocessingML element with this local name.
    func isW(_ localName: String) -> Bool { isElement(OOXML.w, localName) }

    /// Every element below this node in document order (pre-order), this node excluded.
    /// `descend` decides whether the walk enters an element's children.
    func descendantElements(descend: (XMLElement) -> Bool = { _ in true }) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ node: XMLNode) {
            for child in node.children ?? [] {
                guard let element = child as? XMLElement, child.kind == .element else { continue }
                found.append(element)
                if descend(element) { walk(element) }
            }
        }
        walk(self)
        return found
    }
}

extension XMLElement {
    /// An attribute's value by namespace and local name.
    func attributeValue(_ namespace: String, _ localName: String) -> String? {
        attribute(forLocalName: localName, uri: namespace)?.stringValue
    }

    /// The namespace of one of this element's attributes, from its prefix (`uri` of an
    /// attribute node crashes in swift-corelibs-foundation, so it is never asked).
    func namespace(ofAttribute attribute: XMLNode) -> String? {
        guard let name = attribute.name, name.contains(":") else { return nil }
        if name.hasPrefix("xml:") { return "http://www.w3.org/XML/1998/namespace" }
        return resolveNamespace(forName: name)?.stringValue
    }

    /// An attribute by its name as written ("Id", "xml:space"). `attribute(forName:)` does not
    /// find an unprefixed attribute of an element in a default namespace on Linux.
    func attribute(named name: String) -> XMLNode? {
        attributes?.first { $0.name == name }
    }

    /// A WordprocessingML attribute (`w:val`).
    func wAttribute(_ localName: String) -> String? { attributeValue(OOXML.w, localName) }

    /// Replaces this element by its children (unwraps it), keeping their order.
    func unwrap() {
        guard let parent = parent as? XMLElement else { return }
        let position = index
        let children = self.children ?? []
        for child in children { child.detach() }
        detach()
        parent.insertChildren(children, at: position)
    }
}
