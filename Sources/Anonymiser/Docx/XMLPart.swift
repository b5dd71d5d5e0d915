import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of a package, read strictly and kept as a tree that writes back every
/// element, attribute and namespace the tool does not understand, as written.
///
/// Each part is first read by Foundation's strict parser (which also finds undeclared
/// prefixes), with a count of open elements, since it does not always report an element left
/// open; only a part that is well-formed, namespace-valid and free of a document type is
/// loaded as a `PartTree`.
enum XMLPart {
    /// Why a part cannot be read, in words that never quote its text.
    struct Malformed: Error {
        let problem: String
    }

    static func read(_ data: Data) throws -> PartTree {
        try checkWellFormed(data)
        return try PartParser.parse([UInt8](data))
    }

    /// The part as written back.
    static func write(_ document: PartTree) -> Data {
        Data(document.bytes)
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
