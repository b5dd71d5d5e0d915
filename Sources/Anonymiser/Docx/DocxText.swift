import Foundation

/// Where a piece of a paragraph's text lives in the XML tree.
enum TextSlot {
    /// A text element (`w:t`, `w:delText`, `w:instrText`) or a text node: its string value.
    case text(PartNode)
    /// An attribute (alt text, a hyperlink target…): its value.
    case attribute(PartAttribute, of: PartNode)
    /// An element a reader sees as one character (`w:tab` → tab, `w:br` → line break).
    case mark(PartNode)
}

/// A stretch of a paragraph's text and where it lives; `range` is in UTF-8 bytes of the paragraph.
struct TextSegment {
    let slot: TextSlot
    let range: Range<Int>
}

/// One paragraph of one story, as a reader sees it, with where each piece lives.
struct DocxParagraph {
    /// The part it is in ("word/header2.xml").
    let part: String
    /// What a caseworker calls that place: "body", "header", "footnote", "text box", "alt text"…
    let story: String
    /// 1-based, within its part (attribute values are numbered apart).
    let number: Int
    let segments: [TextSegment]
    let text: String
    /// Stretches of hidden text (`w:vanish`): redacted like the rest, and flagged.
    var hidden: [Range<Int>] = []
    /// Pictures in the paragraph: each is flagged for a person to look at.
    var pictures = 0
}

/// Which text a reading takes: what will be published, or everything a part holds.
enum DocxReading {
    /// Visible and hidden text, tabs and breaks: what `redact` rewrites.
    case published
    /// Also deleted text of tracked changes and field codes: what `check` reads.
    case everything
}

/// Reads the paragraphs of a story part: each `w:p` in document order; the paragraphs of a
/// text box inside a paragraph are paragraphs of their own (both copies Word writes in
/// `mc:AlternateContent` are read), so a paragraph's own text never includes them.
struct StoryReader {
    let reading: DocxReading

    func paragraphs(of tree: PartTree, part: String, story: String) -> [DocxParagraph] {
        guard let root = tree.rootElement() else { return [] }
        var result: [DocxParagraph] = []
        for element in [root] + root.descendantElements() where element.isW("p") {
            var segments: [TextSegment] = []
            var hidden: [Range<Int>] = []
            var text = ""
            for piece in ownPieces(of: element) {
                let (slot, value) = piece
                let start = text.utf8.count
                text += value
                segments.append(TextSegment(slot: slot, range: start..<text.utf8.count))
                if case .text(let node) = slot, StoryReader.isHidden(node), start < text.utf8.count { hidden.append(start..<text.utf8.count) }
            }
            let inTextBox = sequence(first: element as PartNode, next: { $0.parent }).contains { $0.isW("txbxContent") }
            var paragraph = DocxParagraph(part: part, story: inTextBox ? "text box" : story, number: result.count + 1, segments: segments, text: text)
            paragraph.hidden = hidden
            paragraph.pictures = element.descendantElements { !$0.isW("p") && !$0.isW("txbxContent") }.filter { picture in
                (picture.localName == "blip" || picture.localName == "imagedata") && picture.attributes.contains { $0.localName == "embed" || $0.localName == "id" }
            }.count
            result.append(paragraph)
        }
        return result
    }

    /// Whether a text element's run is hidden (`w:vanish`, not switched off).
    static func isHidden(_ text: PartNode) -> Bool {
        guard let run = text.parent, run.isW("r"),
              let properties = run.children.first(where: { $0.isW("rPr") }),
              let vanish = properties.children.first(where: { $0.isW("vanish") }) else { return false }
        return !["0", "false", "off"].contains(vanish.wAttribute("val") ?? "true")
    }

    /// The text pieces of a paragraph, not entering nested paragraphs (a text box's).
    private func ownPieces(of paragraph: PartNode) -> [(TextSlot, String)] {
        var pieces: [(TextSlot, String)] = []
        let elements = paragraph.descendantElements { !$0.isW("p") && !$0.isW("txbxContent") }
        for element in elements where element.uri == OOXML.w {
            let name = element.localName
            let inRun = element.parent?.isW("r") ?? false
            switch name {
            case "t":
                pieces.append((.text(element), element.stringValue ?? ""))
            case "delText" where reading == .everything, "instrText" where reading == .everything:
                pieces.append((.text(element), element.stringValue ?? ""))
            case "tab" where inRun, "ptab" where inRun:
                pieces.append((.mark(element), "\t"))
            case "br" where inRun, "cr" where inRun:
                pieces.append((.mark(element), "\n"))
            case "noBreakHyphen" where inRun:
                pieces.append((.mark(element), "-"))
            default:
                continue
            }
        }
        return pieces
    }
}

/// The text of every story of a document joined into one text for one analysis (one
/// consistent set of pseudonyms): each paragraph a line, stories apart by a blank line.
/// Knows where every byte of that text came from.
struct DocxText {
    let paragraphs: [DocxParagraph]
    /// Where each paragraph starts in the joined text (bytes).
    let starts: [Int]
    let document: Document

    init(stories: [[DocxParagraph]], name: String) {
        var paragraphs: [DocxParagraph] = []
        var starts: [Int] = []
        var text = ""
        for story in stories where !story.isEmpty {
            if !text.isEmpty { text += "\n" }
            for paragraph in story {
                starts.append(text.utf8.count)
                paragraphs.append(paragraph)
                text += paragraph.text
                text += "\n"
            }
        }
        self.paragraphs = paragraphs
        self.starts = starts
        document = Document(name: name, text: text)
    }

    /// The paragraph holding a byte offset of the joined text (the last one starting at or before it).
    func paragraphIndex(containing offset: Int) -> Int? {
        DocxLocator.lastStart(atOrBefore: offset, in: starts)
    }

    /// Where each byte of the joined text came from, without the XML trees (kept by the audit).
    var locator: DocxLocator {
        DocxLocator(starts: starts, paragraphs: paragraphs.map { .init(part: $0.part, story: $0.story, number: $0.number, text: $0.text) })
    }
}

/// Where a position of a .docx's joined text is in the document: part, story, paragraph
/// (1-based within its part) and code-point offset within the paragraph.
public struct DocxLocator: Sendable {
    public struct Location: Sendable, Equatable {
        public let part: String
        public let story: String
        public let paragraph: Int
        public let offset: Int
    }

    struct Paragraph: Sendable {
        let part: String
        let story: String
        let number: Int
        let text: String
    }

    let starts: [Int]
    let paragraphs: [Paragraph]

    public func location(ofByte offset: Int) -> Location? {
        guard let index = DocxLocator.lastStart(atOrBefore: offset, in: starts) else { return nil }
        let paragraph = paragraphs[index]
        let local = min(offset - starts[index], paragraph.text.utf8.count)
        let codePoints = String(decoding: paragraph.text.utf8.prefix(local), as: UTF8.self).unicodeScalars.count
        return Location(part: paragraph.part, story: paragraph.story, paragraph: paragraph.number, offset: codePoints)
    }

    /// The index of the last start at or before an offset (starts ascending).
    static func lastStart(atOrBefore offset: Int, in starts: [Int]) -> Int? {
        var low = 0, high = starts.count - 1
        guard high >= 0, offset >= starts[0] else { return nil }
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// "footnote (word/footnotes.xml), paragraph 2": how a finding names its place.
    public func describe(ofByte offset: Int) -> String {
        guard let location = location(ofByte: offset) else { return "the document" }
        return "\(location.story) (\(location.part)), paragraph \(location.paragraph)"
    }
}
