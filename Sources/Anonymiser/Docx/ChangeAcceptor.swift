import Foundation

/// `--accept-changes`: every tracked change of every story applied as Word's "Accept All"
/// does: insertions and moved-to text kept (unwrapped), deletions and moved-from text
/// removed, the records of formatting changes and move ranges dropped. The author and
/// date of each change go with its record.
enum ChangeAcceptor {
    static func acceptAll(in document: DocxDocument) {
        for (part, _) in document.storyParts {
            guard let root = document.trees[part]?.rootElement() else { continue }
            var changed = false
            for element in root.descendantElements() where element.uri == OOXML.w {
                switch element.localName {
                case "ins", "moveTo":
                    // A paragraph mark's own record (in its run properties) carries no text.
                    if element.parent?.isW("rPr") == true || element.parent?.isW("trPr") == true { element.detach() } else { element.unwrap() }
                case "del", "moveFrom":
                    if element.parent?.isW("trPr") == true, let row = element.parent?.parent { row.detach() } else { element.detach() }
                case "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd":
                    element.detach()
                case let name where DocxInventory.formattingChangeNames.contains(name):
                    element.detach()
                default:
                    continue
                }
                changed = true
            }
            if changed { document.markChanged(part) }
        }
    }
}

/// `--drop-comments`: comments removed with their ranges and references from every story,
/// and their parts (comments, extended comments, comment ids, people) from the package.
enum CommentRemover {
    static let partKinds = ["comments", "commentsExtended", "commentsIds", "commentsExtensible"]

    static func dropAll(in document: DocxDocument) {
        for (part, story) in document.storyParts where story != "comment" {
            guard let root = document.trees[part]?.rootElement() else { continue }
            var changed = false
            for element in root.descendantElements() where element.isW("commentRangeStart") || element.isW("commentRangeEnd")
                || element.isW("commentReference") {
                // A reference sits in a run of its own: the run goes with it.
                if element.isW("commentReference"), let run = element.parent, run.isW("r"),
                   run.children.allSatisfy({ $0.isW("rPr") || $0 === element }) {
                    run.detach()
                } else {
                    element.detach()
                }
                changed = true
            }
            if changed { document.markChanged(part) }
        }
        let relationships = document.relationships(of: document.mainPart)?.relationships ?? []
        for relationship in relationships where partKinds.contains(relationship.kind) && !relationship.isExternal {
            document.removePart(relationship.target)
        }
    }
}
