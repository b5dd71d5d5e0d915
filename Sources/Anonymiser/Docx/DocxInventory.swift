import Foundation

/// What a .docx holds that text alone does not show: tracked changes and comments by kind,
/// macros, embedded objects. `redact` refuses on these; `check` reports them.
struct DocxInventory {
    var insertions = 0
    var deletions = 0
    var moves = 0
    var formattingChanges = 0
    var comments = 0
    /// Parts holding macros (`vbaProject.bin`).
    var macros: [String] = []
    /// Parts or elements that embed another document or program (OLE objects, packages, altChunk).
    var embeddedObjects: [String] = []

    static let formattingChangeNames: Set<String> = [
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange", "tcPrChange", "tblPrExChange",
        "numberingChange",
    ]

    init(_ document: DocxDocument) {
        var embeddedParts: [String] = []
        for part in document.package.names {
            let lowered = part.lowercased()
            if lowered.hasSuffix("vbaproject.bin") || lowered.hasSuffix("vbadata.xml") { macros.append(part) }
            if lowered.contains("/embeddings/") || lowered.hasPrefix("embeddings/") { embeddedParts.append(part) }
        }
        for (part, story) in document.storyParts {
            guard let root = document.trees[part]?.rootElement() else { continue }
            for element in root.descendantElements() where element.uri == OOXML.w {
                switch (element.uri, element.localName) {
                case (OOXML.w, "ins"): insertions += 1
                case (OOXML.w, "del"): deletions += 1
                case (OOXML.w, "moveFrom"): moves += 1
                case (OOXML.w, let name) where DocxInventory.formattingChangeNames.contains(name): formattingChanges += 1
                case (OOXML.w, "comment") where story == "comment": comments += 1
                case (OOXML.w, "object"), (OOXML.w, "altChunk"):
                    embeddedObjects.append("\(part) (\(element.name))")
                default: continue
                }
            }
        }
        // An object is named by its place in a story; parts no story points at, by their own name.
        if embeddedObjects.isEmpty { embeddedObjects = embeddedParts }
    }

    var trackedChanges: Int { insertions + deletions + moves + formattingChanges }

    /// "3 insertions, 2 deletions, 4 comments" (kinds with none left out).
    var changesAndComments: String {
        func count(_ number: Int, _ singular: String, _ plural: String) -> String? {
            number == 0 ? nil : "\(number) \(number == 1 ? singular : plural)"
        }
        return [count(insertions, "insertion", "insertions"), count(deletions, "deletion", "deletions"), count(moves, "move", "moves"),
                count(formattingChanges, "formatting change", "formatting changes"), count(comments, "comment", "comments")]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

/// What `redact` asks of a .docx beyond text: how tracked changes and comments are handled.
public struct DocxOptions: Sendable {
    /// `--accept-changes`: apply every tracked change (accept all) before redacting.
    public var acceptsChanges: Bool
    /// `--drop-comments`: remove comments, their ranges, references and parts.
    public var dropsComments: Bool

    public init(acceptsChanges: Bool = false, dropsComments: Bool = false) {
        self.acceptsChanges = acceptsChanges
        self.dropsComments = dropsComments
    }
}

/// The refusals of `redact` on a .docx: what cannot be cleaned, or must not be published
/// unseen. Each is an input error (exit 2) naming the file; nothing is written.
enum DocxRefusal {
    static func check(_ document: DocxDocument, inventory: DocxInventory, options: DocxOptions) throws {
        if let first = document.unreadable.first {
            throw InputError(path: document.name, problem: "has a part that does not parse strictly (\(first.part) \(first.problem)); "
                + "open and save it again in Word")
        }
        guard document.trees[document.mainPart]?.rootElement()?.uri == OOXML.w else {
            throw InputError(path: document.name, problem: "is not a Word document the tool can read (no WordprocessingML body; "
                + "a Strict Open XML document must be saved as a Word Document .docx)")
        }
        if !inventory.macros.isEmpty {
            throw InputError(path: document.name, problem: "contains macros (\(inventory.macros[0])): save it as a .docx without macros")
        }
        if !inventory.embeddedObjects.isEmpty {
            throw InputError(path: document.name, problem: "contains \(inventory.embeddedObjects.count) embedded object"
                + "\(inventory.embeddedObjects.count == 1 ? "" : "s") (\(inventory.embeddedObjects[0])), which cannot be cleaned: "
                + "remove them or paste them as pictures")
        }
        let pendingChanges = options.acceptsChanges ? 0 : inventory.trackedChanges
        let pendingComments = options.dropsComments ? 0 : inventory.comments
        if pendingChanges > 0 || pendingComments > 0 {
            var pending = inventory
            if options.acceptsChanges { (pending.insertions, pending.deletions, pending.moves, pending.formattingChanges) = (0, 0, 0, 0) }
            if options.dropsComments { pending.comments = 0 }
            throw InputError(path: document.name, problem: "has \(pending.changesAndComments): accept or reject them in Word, "
                + "or pass --accept-changes / --drop-comments")
        }
    }
}
