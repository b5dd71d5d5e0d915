import Foundation

/// Fields are unlinked to their result, so a field that reads a name (AUTHOR, MERGEFIELD,
/// DOCPROPERTY, USERNAME…) cannot bring it back when the reader's Word updates fields: the
/// field's code and markers go, its current (redacted) result stays as plain text. Page
/// numbers, tables of contents and cross-references that only point inside the document
/// stay fields.
enum FieldUnlinker {
    static let kept: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "TOC", "TOA", "PAGEREF", "NOTEREF", "SEQ", "STYLEREF"]

    /// The field's kind: the first word of its code, upper-cased ("AUTHOR", "MERGEFIELD").
    static func kind(of instruction: String) -> String {
        instruction.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map { String($0).uppercased() } ?? ""
    }

    static func isKept(_ instruction: String) -> Bool { kept.contains(kind(of: instruction)) }

    static func unlink(in document: DocxDocument) {
        for (part, _) in document.storyParts {
            guard let root = document.trees[part]?.rootElement() else { continue }
            if unlinkFields(below: root) { document.markChanged(part) }
        }
    }

    /// Returns true when something changed.
    static func unlinkFields(below root: PartNode) -> Bool {
        var changed = false
        // Simple fields: the element is replaced by its result runs.
        for element in root.descendantElements() where element.isW("fldSimple") {
            guard !isKept(element.wAttribute("instr") ?? "") else { continue }
            element.unwrap()
            changed = true
        }
        // Complex fields: begin, code, separate, result, end, possibly over several runs and paragraphs.
        struct OpenField {
            var markers: [PartNode]
            var code = ""
            var inCode = true
        }
        var open: [OpenField] = []
        for element in root.descendantElements() where element.isW("fldChar") || element.isW("instrText") {
            if element.isW("instrText") {
                guard !open.isEmpty else { continue }
                if open[open.count - 1].inCode {
                    open[open.count - 1].code += element.stringValue ?? ""
                    open[open.count - 1].markers.append(element)
                }
                continue
            }
            switch element.wAttribute("fldCharType") {
            case "begin":
                open.append(OpenField(markers: [element]))
            case "separate":
                guard !open.isEmpty else { continue }
                open[open.count - 1].markers.append(element)
                open[open.count - 1].inCode = false
            case "end":
                guard var field = open.popLast() else { continue }
                field.markers.append(element)
                guard !isKept(field.code) else { continue }
                for marker in field.markers { marker.detach() }
                changed = true
            default:
                continue
            }
        }
        return changed
    }
}
