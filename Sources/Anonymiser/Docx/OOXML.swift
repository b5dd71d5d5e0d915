import Foundation

/// The namespaces of WordprocessingML parts the tool reads, and element matching by
/// namespace URI and local name (prefixes are the writer's choice, never the meaning).
enum OOXML {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let v = "urn:schemas-microsoft-com:vml"
    static let o = "urn:schemas-microsoft-com:office:office"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}

extension PartNode {
    /// True for an element with this namespace and local name.
    func isElement(_ namespace: String, _ localName: String) -> Bool {
        kind == .element && self.localName == localName && uri == namespace
    }

    /// True for a WordprocessingML element with this local name.
    func isW(_ localName: String) -> Bool { isElement(OOXML.w, localName) }

    /// Every element below this node in document order (pre-order), this node excluded.
    /// `descend` decides whether the walk enters an element's children.
    func descendantElements(descend: (PartNode) -> Bool = { _ in true }) -> [PartNode] {
        var found: [PartNode] = []
        func walk(_ node: PartNode) {
            for child in node.children where child.kind == .element {
                found.append(child)
                if descend(child) { walk(child) }
            }
        }
        walk(self)
        return found
    }

    /// The element children.
    var elementChildren: [PartNode] { children.filter { $0.kind == .element } }

    /// A WordprocessingML attribute (`w:val`).
    func wAttribute(_ localName: String) -> String? { attributeValue(OOXML.w, localName) }

    /// Replaces this element by its children (unwraps it), keeping their order.
    func unwrap() {
        guard let parent else { return }
        let position = index
        let children = self.children
        detach()
        parent.insertChildren(children, at: position)
    }

    /// The node as written.
    var xmlString: String {
        var output: [UInt8] = []
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
