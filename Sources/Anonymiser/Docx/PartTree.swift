/// A parsed XML part that writes back exactly the bytes it read, except where the tool
/// changed it: every element, attribute, namespace declaration, comment and piece of
/// whitespace it does not touch keeps its spelling. (Foundation's `XMLDocument` on Linux
/// never frees a parsed document, so a batch of .docx would grow without end; and it
/// rewrites every tag it prints.)
///
/// Reads only parts a strict parser has already found well-formed (`XMLPart`).
final class PartTree {
    /// What comes before the root element (declaration, comments), as written.
    let prolog: String
    let root: PartNode
    /// What comes after the root element, as written.
    let epilog: String

    init(prolog: String, root: PartNode, epilog: String) {
        self.prolog = prolog
        self.root = root
        self.epilog = epilog
    }

    func rootElement() -> PartNode? { root }

    /// The part as written back.
    var bytes: [UInt8] {
        var output = Array(prolog.utf8)
        root.write(into: &output)
        output += epilog.utf8
        return output
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}

/// One attribute of an element: its name as written, its namespace, and its value.
final class PartAttribute {
    let name: String
    let localName: String
    let namespace: String?
    /// The value as written between the quotes (entities not decoded).
    fileprivate(set) var raw: String
    fileprivate var quote: Character

    init(name: String, namespace: String?, raw: String, quote: Character) {
        self.name = name
        localName = name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
        self.namespace = namespace
        self.raw = raw
        self.quote = quote
    }

    var stringValue: String? { XMLText.unescape(raw) }
}

/// A node of a part: an element, a run of text (CDATA included), or anything else kept as
/// written (a comment, a processing instruction).
final class PartNode {
    enum Kind { case element, text, other }

    let kind: Kind
    /// Element: its name as written ("w:t"); otherwise empty.
    let name: String
    let localName: String
    /// Element: the namespace its prefix (or the default) stands for.
    let uri: String?
    private(set) var attributes: [PartAttribute]
    private(set) var children: [PartNode] = []
    private(set) weak var parent: PartNode?
    /// Element: the start tag as written, while its attributes are unchanged.
    private var rawStartTag: String?
    /// Text and other nodes: the node as written.
    private var raw: String
    private let isCDATA: Bool

    init(element name: String, uri: String?, attributes: [PartAttribute], rawStartTag: String?) {
        kind = .element
        self.name = name
        localName = name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
        self.uri = uri
        self.attributes = attributes
        self.rawStartTag = rawStartTag
        raw = ""
        isCDATA = false
    }

    init(text raw: String, isCDATA: Bool = false) {
        kind = .text
        name = ""
        localName = ""
        uri = nil
        attributes = []
        self.raw = raw
        self.isCDATA = isCDATA
    }

    init(other raw: String) {
        kind = .other
        name = ""
        localName = ""
        uri = nil
        attributes = []
        self.raw = raw
        isCDATA = false
    }

    // MARK: Reading

    /// Text: its characters. Element: the text of everything below it.
    var stringValue: String? {
        get {
            switch kind {
            case .text: return isCDATA ? String(raw.dropFirst(9).dropLast(3)) : XMLText.unescape(raw)
            case .element: return children.map { $0.stringValue ?? "" }.joined()
            case .other: return nil
            }
        }
        set {
            let value = newValue ?? ""
            switch kind {
            case .text:
                raw = XMLText.escape(value, inAttribute: false)
            case .element:
                for child in children { child.parent = nil }
                children = value.isEmpty ? [] : [PartNode(text: XMLText.escape(value, inAttribute: false))]
                children.first?.parent = self
            case .other:
                break
            }
        }
    }

    /// The position among its parent's children.
    var index: Int { parent?.children.firstIndex { $0 === self } ?? 0 }

    func attribute(named name: String) -> PartAttribute? { attributes.first { $0.name == name } }

    func attributeValue(_ namespace: String, _ localName: String) -> String? {
        attributes.first { $0.localName == localName && $0.namespace == namespace }?.stringValue
    }

    // MARK: Changing

    func setValue(_ value: String, of attribute: PartAttribute) {
        attribute.raw = XMLText.escape(value, inAttribute: true)
        attribute.quote = "\""
        rawStartTag = nil
    }

    func removeAttribute(_ attribute: PartAttribute) {
        attributes.removeAll { $0 === attribute }
        rawStartTag = nil
    }

    func addAttribute(name: String, namespace: String?, value: String) {
        attributes.append(PartAttribute(name: name, namespace: namespace, raw: XMLText.escape(value, inAttribute: true), quote: "\""))
        rawStartTag = nil
    }

    /// Takes the node out of its parent.
    func detach() {
        guard let parent else { return }
        parent.children.removeAll { $0 === self }
        self.parent = nil
    }

    func insertChildren(_ nodes: [PartNode], at position: Int) {
        for node in nodes {
            node.detach()
            node.parent = self
        }
        children.insert(contentsOf: nodes, at: min(position, children.count))
    }

    func appendChild(_ node: PartNode) { insertChildren([node], at: children.count) }

    // MARK: Writing

    func write(into output: inout [UInt8]) {
        guard kind == .element else {
            output += raw.utf8
            return
        }
        if let rawStartTag {
            let selfClosing = rawStartTag.hasSuffix("/>")
            if selfClosing && children.isEmpty {
                output += rawStartTag.utf8
                return
            }
            output += (selfClosing ? String(rawStartTag.dropLast(2)) + ">" : rawStartTag).utf8
        } else {
            output += "<\(name)".utf8
            for attribute in attributes { output += " \(attribute.name)=\(attribute.quote)\(attribute.raw)\(attribute.quote)".utf8 }
            guard !children.isEmpty else {
                output += "/>".utf8
                return
            }
            output.append(UInt8(ascii: ">"))
        }
        for child in children { child.write(into: &output) }
        output += "</\(name)>".utf8
    }
}

/// Reads a well-formed part into a `PartTree`: start tags, end tags, text, CDATA, comments
/// and processing instructions, each kept as written; namespaces resolved by scope.
struct PartParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parse(_ bytes: [UInt8]) throws -> PartTree {
        var parser = PartParser(bytes)
        return try parser.parse()
    }

    private mutating func parse() throws -> PartTree {
        var stack: [(node: PartNode, scope: [String: String])] = []
        var root: PartNode?
        var prolog = ""
        var rootEnd = 0
        func add(_ node: PartNode) {
            if let top = stack.last { top.node.appendChild(node) }
        }
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let end = bytes[position...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if !stack.isEmpty { add(PartNode(text: text(position, end))) }
                position = end
                continue
            }
            if starts("<!--") || starts("<?") {
                let end = try find(starts("<!--") ? "-->" : "?>")
                if stack.isEmpty { position = end; continue }  // prolog or epilog: kept with them
                add(PartNode(other: text(position, end)))
                position = end
            } else if starts("<![CDATA[") {
                let end = try find("]]>")
                add(PartNode(text: text(position, end), isCDATA: true))
                position = end
            } else if starts("</") {
                let end = try find(">")
                guard let closed = stack.popLast() else { throw XMLPart.Malformed(problem: "is not well-formed XML (an end tag without a start)") }
                position = end
                if stack.isEmpty { root = closed.node; rootEnd = end; break }
            } else if starts("<!") {
                throw XMLPart.Malformed(problem: "declares a document type")
            } else {
                if stack.isEmpty && root == nil { prolog = text(0, position) }
                let (node, scope, selfClosing) = try startTag(scope: stack.last?.scope ?? [:])
                if stack.isEmpty && selfClosing { root = node; rootEnd = position; break }
                add(node)
                if !selfClosing { stack.append((node, scope)) }
            }
        }
        guard let root, stack.isEmpty else { throw XMLPart.Malformed(problem: "is not well-formed XML (unbalanced elements)") }
        return PartTree(prolog: prolog, root: root, epilog: text(rootEnd, bytes.count))
    }

    private func starts(_ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return position + prefix.count <= bytes.count && Array(bytes[position..<position + prefix.count]) == prefix
    }

    /// The offset just after the next `terminator`.
    private func find(_ terminator: String) throws -> Int {
        let pattern = Array(terminator.utf8)
        var index = position
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0] && Array(bytes[index..<index + pattern.count]) == pattern { return index + pattern.count }
            index += 1
        }
        throw XMLPart.Malformed(problem: "is not well-formed XML (unterminated markup)")
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A start tag at `position`: the element, its namespace scope, and whether it closes itself.
    private mutating func startTag(scope inherited: [String: String]) throws -> (PartNode, [String: String], Bool) {
        let start = position
        position += 1
        let name = readName()
        var pairs: [(name: String, raw: String, quote: Character)] = []
        while true {
            skipSpace()
            guard position < bytes.count else { throw XMLPart.Malformed(problem: "is not well-formed XML (unterminated start tag)") }
            if bytes[position] == UInt8(ascii: "/") || bytes[position] == UInt8(ascii: ">") { break }
            let attribute = readName()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw XMLPart.Malformed(problem: "is not well-formed XML (an attribute without a value)") }
            position += 1
            skipSpace()
            guard position < bytes.count else { throw XMLPart.Malformed(problem: "is not well-formed XML") }
            let quote = bytes[position]
            let valueStart = position + 1
            guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { throw XMLPart.Malformed(problem: "is not well-formed XML (unterminated attribute)") }
            pairs.append((attribute, text(valueStart, valueEnd), Character(Unicode.Scalar(quote))))
            position = valueEnd + 1
        }
        let selfClosing = bytes[position] == UInt8(ascii: "/")
        position = try find(">")
        var scope = inherited
        for pair in pairs {
            if pair.name == "xmlns" { scope[""] = XMLText.unescape(pair.raw) }
            if pair.name.hasPrefix("xmlns:") { scope[String(pair.name.dropFirst(6))] = XMLText.unescape(pair.raw) }
        }
        func namespace(of name: String, isAttribute: Bool) -> String? {
            guard let colon = name.firstIndex(of: ":") else { return isAttribute ? nil : scope[""] }
            let prefix = String(name[..<colon])
            return prefix == "xml" ? PartTree.xmlNamespace : scope[prefix]
        }
        let attributes = pairs.map { PartAttribute(name: $0.name, namespace: namespace(of: $0.name, isAttribute: true), raw: $0.raw, quote: $0.quote) }
        let node = PartNode(element: name, uri: namespace(of: name, isAttribute: false), attributes: attributes, rawStartTag: text(start, position))
        return (node, scope, selfClosing)
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "=") { break }
            position += 1
        }
        return text(start, position)
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }
}
