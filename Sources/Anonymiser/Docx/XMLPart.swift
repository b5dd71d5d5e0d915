import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of a package, read strictly and kept as a tree that writes back every
/// element, attribute and namespace the tool does not understand.
///
/// Foundation's `XMLDocument` (libxml2) reads in recover mode: a broken part would be
/// quietly repaired (and libxml2 prints the broken text on standard error). So each part is
/// first read by a strict parser that also counts open elements, and only a part that is
/// well-formed, namespace-valid and free of a document type is loaded as a tree.
enum XMLPart {
    /// Why a part cannot be read, in words that never quote its text.
    struct Malformed: Error {
        let problem: String
    }

    static func read(_ data: Data) throws -> XMLDocument {
        try checkWellFormed(data)
        return try XMLDocument(data: data, options: [.nodePreserveWhitespace, .nodeLoadExternalEntitiesNever])
    }

    /// The part as written back: empty elements compact, whitespace as read.
    static func write(_ document: XMLDocument) -> Data {
        document.xmlData(options: [.nodeCompactEmptyElement])
    }

    static func checkWellFormed(_ data: Data) throws {
        // A document type could declare entities (or fetch them): OOXML parts never have one.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil { throw Malformed(problem: "declares a document type") }
        let parser = XMLParser(data: data)
        let balance = ElementBalance()
        parser.delegate = balance
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if !parsed || parser.parserError != nil {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw Malformed(problem: "is not well-formed XML (parser error \(code))")
        }
        // The parser does not always report an element left open at the end of the data.
        guard balance.roots == 1, balance.depth == 0 else { throw Malformed(problem: "is not well-formed XML (unbalanced elements)") }
    }

    private final class ElementBalance: NSObject, XMLParserDelegate {
        var depth = 0
        var roots = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if depth == 0 { roots += 1 }
            depth += 1
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }
    }
}
