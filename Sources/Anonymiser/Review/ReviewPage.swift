import Crypto
import Foundation

/// The review page: one self-contained HTML file in which a caseworker decides every item of a
/// redaction and saves the decisions file `redact --decisions` applies.
///
/// Every replacement and every flag is an item, marked in the text (the original wording
/// struck through beside the proposal, never only on hover) and listed beside it, linked both
/// ways. Each can be accepted, rejected with a reason, or edited; each person can get another
/// letter or title, be named by a staff role, or be marked as no person. Keys: n/p next or
/// previous undecided, ]/[ next or previous item, a accept, r reject, e edit.
///
/// The page carries the fingerprints the tool computed (`ReviewItem`, `Fingerprinter`), so the
/// file it saves is keyed exactly as `--decisions` will compute. It loads nothing: inline CSS
/// and JavaScript only, allowed by their hashes in a Content-Security-Policy that forbids every
/// other source (no network). It shows real names: it is written owner-only and says so.
public struct ReviewPage: Sendable {
    public let redaction: Redaction
    public let items: [ReviewItem]
    public let title: String
    /// The case's reference (`--case` or the draft's Ombudsman number); nil for a one-off draft,
    /// whose file name must not reach the decisions file.
    public let caseReference: String?
    public let fingerprinter: Fingerprinter
    /// Decisions to start from (`redact --decisions FILE --report page.html`).
    public let decisions: Decisions?
    /// Every real initial of the case (and of the draft's people): never offered as a letter.
    public let realInitials: Set<Character>

    public init(redaction: Redaction, fingerprinter: Fingerprinter, title: String, caseReference: String?, decisions: Decisions? = nil,
                realInitials: Set<Character> = []) {
        self.redaction = redaction
        self.fingerprinter = fingerprinter
        self.title = title
        self.caseReference = caseReference
        self.decisions = decisions
        self.realInitials = redaction.people.reduce(into: realInitials) { $0.formUnion($1.realInitials) }
        items = ReviewItem.items(of: redaction, fingerprinter: fingerprinter)
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// The people the page offers decisions for: mentioned and with a name to key them by.
    var people: [Person] {
        redaction.mentioned.filter { !$0.givenNames.isEmpty || $0.surname != nil }.sorted { $0.firstOffset < $1.firstOffset }
    }

    public var html: String {
        let document = redaction.document
        let flagged = items.filter(\.isFlagged).count
        // The text, walked once: unchanged text, then each item (an item inside one before it is listed only).
        var text = ""
        var cursor = 0
        for (number, item) in items.enumerated() where item.range.lowerBound >= cursor {
            text += ReviewPage.escape(document.string(cursor..<item.range.lowerBound))
            let original = ReviewPage.escape(document.string(item.range))
            let classes = "t \(item.kind.rawValue) \(ReviewPage.cssClass(item))"
            text += "<a class=\"\(classes)\" id=\"t-\(number)\" href=\"#l-\(number)\" data-i=\"\(number)\">"
            if let edit = item.edit {
                text += "<del>\(original)</del><ins>\(ReviewPage.escape(edit.replacement))</ins>"
            } else {
                text += "<del class=\"flagonly\">\(original)</del><ins hidden></ins>"
            }
            text += "</a>"
            cursor = item.range.upperBound
        }
        text += ReviewPage.escape(document.string(cursor..<document.bytes.count))

        var list = ""
        for (number, item) in items.enumerated() {
            let position = document.position(ofByte: item.range.lowerBound)
            let original = ReviewPage.escape(document.string(item.range))
            list += "<li id=\"l-\(number)\" data-i=\"\(number)\" tabindex=\"-1\" class=\"\(item.kind.rawValue) \(ReviewPage.cssClass(item))\">\n"
            list += "<div class=\"head\"><a class=\"to-text\" href=\"#t-\(number)\">#\(number + 1) line \(position.line)</a> "
                + "<span class=\"cat\">\(ReviewPage.escape(item.category))</span> <code>\(ReviewPage.escape(item.rule))</code>"
                + (item.isFlagged ? " <span class=\"needs\">flag: needs a decision</span>" : "")
                + " <span class=\"status\">undecided</span></div>\n"
            list += "<div class=\"words\"><span class=\"label\">original</span> <q class=\"orig\">\(original)</q> "
            if let edit = item.edit {
                list += "<span class=\"label\">→ proposed</span> <q class=\"prop\">\(ReviewPage.escape(edit.replacement))</q>"
            } else {
                list += "<span class=\"label\">→ proposed</span> <q class=\"prop\">(kept as written; flagged)</q>"
            }
            list += "</div>\n"
            for flag in item.flags {
                list += "<div class=\"why\">\(ReviewPage.escape(flag.reason))"
                    + (flag.suggestion.isEmpty ? "" : " — <em>\(ReviewPage.escape(flag.suggestion))</em>") + "</div>\n"
            }
            list += """
            <div class="controls">
            <button type="button" class="accept" title="a">Accept</button>
            <label>Reject because <select class="reason">
            <option value="">(reason)</option>
            <option value="not-identifying">not identifying</option>
            <option value="public-role">public role</option>
            <option value="needed-for-meaning">needed for the meaning</option>
            <option value="already-anonymous">already anonymous</option>
            <option value="other">other…</option>
            </select></label>
            <input class="note" type="text" placeholder="why (for other)" aria-label="note">
            <button type="button" class="reject" title="r">Reject (keep original)</button>
            <input class="edit-text" type="text" placeholder="replacement text" aria-label="replacement text">
            <button type="button" class="edit" title="e">Edit</button>
            <button type="button" class="undo">Undo</button>
            </div>
            </li>

            """
        }

        var peopleRows = ""
        for (number, person) in people.enumerated() {
            let name = (person.givenNames + [person.surname].compactMap { $0 }).map { $0.capitalized }.joined(separator: " ")
            let pseudonym = person.isNotAPerson ? "(kept as written)"
                : person.role ?? person.letter.map { PseudonymText.lettered($0, kind: person.kind, title: person.title) } ?? "[name]"
            // A real initial of anyone in the case, theirs included, would point at someone.
            let letters = LetterSequence.houseStyle.letters.filter { $0 == person.letter || !realInitials.contains($0) }
                .map { "<option\($0 == person.letter ? " selected" : "")>\($0)</option>" }.joined()
            let titles = ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"].map { "<option\($0 == person.title?.text ? " selected" : "")>\($0)</option>" }.joined()
            peopleRows += """
            <tr id="p-\(number)" data-p="\(number)">
            <td class="pseudonym">\(ReviewPage.escape(pseudonym))</td><td>\(ReviewPage.escape(name))</td>
            <td>\(person.isNotAPerson ? "not a person (marked earlier)" : person.kind.rawValue)\(person.isComplainant ? ", complainant" : "")\(person.role.map { ", named by role: " + ReviewPage.escape($0) } ?? "")</td>
            <td class="pcontrols">
            <label>letter <select class="letter"><option value="">—</option>\(letters)</select></label>
            <label>title <select class="title"><option value="">—</option>\(titles)</select></label>
            <input class="role" type="text" placeholder="the housing officer" aria-label="staff role">
            <button type="button" class="staff">Staff (by role)</button>
            \(person.isNotAPerson ? "<button type=\"button\" class=\"isperson\">A person after all</button>"
                : "<button type=\"button\" class=\"notperson\">Not a person…</button>")
            <span class="confirm" hidden>Its mentions stay as written, here and in every later document of the case. <button type="button" class="confirm-yes">Yes, not a person</button> <button type="button" class="confirm-no">Cancel</button></span>
            <button type="button" class="pundo">Undo</button>
            <span class="pstatus"></span>
            </td></tr>

            """
        }

        let data = pageData()
        let script = ReviewPage.script
        let style = ReviewPage.style
        let policy = "default-src 'none'; script-src '\(ReviewPage.hash(script))'; style-src '\(ReviewPage.hash(style))'; "
            + "img-src data:; base-uri 'none'; form-action 'none'"
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="referrer" content="no-referrer">
        <title>Review: \(ReviewPage.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <p class="warning" role="alert"><strong>Contains real names.</strong> This page shows the original wording of a draft decision. Keep it with the case file; do not publish, e-mail or share it.</p>
        <h1>Review: \(ReviewPage.escape(title))</h1>
        <p>\(caseReference.map { "Case <strong id=\"case\">\(ReviewPage.escape($0))</strong>" } ?? "<strong id=\"case\">One-off draft</strong> (no case reference)") · \(items.count) items, \(flagged) flagged ·
        <span id="counts">0 decided, \(items.count) undecided (\(flagged) flags)</span></p>
        <p class="bar"><label>Reviewer <input id="reviewer" type="text" value="" autocomplete="name"></label>
        <button type="button" id="save">Save decisions</button>
        </p>
        <p class="keys">Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous undecided · <kbd>]</kbd>/<kbd>[</kbd> next/previous item · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>Esc</kbd> back to the list ·
        <span class="legend"><span class="t replacement person">person</span> <span class="t replacement identifier">identifier</span> <span class="t replacement reworded">reworded detail</span> <span class="t flag">flagged detail</span> — original wording <del>struck through</del>, proposal <ins>underlined</ins>.</span></p>
        </header>
        <main>
        <section id="text-pane" aria-label="Publishable text">
        <h2>Text</h2>
        <pre id="text">\(text)</pre>
        </section>
        <section id="list-pane" aria-label="Items to decide">
        <h2>Items</h2>
        <ol id="items">
        \(list)</ol>
        <h2>People</h2>
        <p class="hint">Person decisions apply to every mention when the draft is redacted again with the saved decisions, and are kept in the case registry for later documents.</p>
        <table id="people"><tr><th>published as</th><th>name</th><th>kind</th><th>decide</th></tr>
        \(peopleRows)</table>
        </section>
        </main>
        <script type="application/json" id="data">\(data)</script>
        <script>\(script)</script>
        </body>
        </html>

        """
    }

    static func cssClass(_ item: ReviewItem) -> String {
        if item.kind == .flag { return "flagged" }
        if item.isFlagged { return "reworded" }
        return item.category == Rule.personCategory ? "person" : "identifier"
    }

    /// What the script needs: fingerprints, the key's name, and the decisions to start from.
    func pageData() -> String {
        var data = JSONLine()
        data.add("schema", Decisions.currentSchema)
        data.add("key", fingerprinter.keyIdentifier)
        data.add("case", caseReference)
        data.add("items", .array(items.map { item in
            var entry = JSONLine()
            entry.add("fingerprint", item.fingerprint)
            entry.add("flagged", item.isFlagged)
            entry.add("kind", item.kind.rawValue)
            entry.add("proposal", item.edit?.replacement)
            if let detail = item.detail { entry.add("detail", detail) }
            return .object(entry)
        }))
        data.add("people", .array(people.map { .string(fingerprinter.fingerprint(of: $0)) }))
        var start = JSONLine()
        if let decisions {
            let itemFingerprints = Set(items.map(\.fingerprint))
            start.add("items", .array(decisions.items.filter { itemFingerprints.contains($0.fingerprint) }.map { decision in
                var entry = JSONLine()
                entry.add("fingerprint", decision.fingerprint)
                entry.add("decision", decision.decision.rawValue)
                if let reason = decision.reason { entry.add("reason", reason.rawValue) }
                if let note = decision.note { entry.add("note", note) }
                if let replacement = decision.replacement { entry.add("replacement", replacement) }
                if let detail = decision.detail { entry.add("detail", detail) }
                if let item = decision.item { entry.add("item", item.rawValue) }
                // Who decided stays with the decision: a later reviewer saving the page takes no credit for it.
                if let reviewer = decision.reviewer ?? decisions.reviewer { entry.add("reviewer", reviewer) }
                if let time = decision.time ?? decisions.saved { entry.add("time", time) }
                return .object(entry)
            }))
            start.add("people", .array(decisions.people.map { decision in
                var entry = JSONLine()
                entry.add("fingerprint", decision.fingerprint)
                entry.add("decision", decision.decision.rawValue)
                if let letter = decision.letter { entry.add("letter", letter) }
                if let title = decision.title { entry.add("title", title) }
                if let role = decision.role { entry.add("role", role) }
                if let reviewer = decision.reviewer ?? decisions.reviewer { entry.add("reviewer", reviewer) }
                if let time = decision.time ?? decisions.saved { entry.add("time", time) }
                return .object(entry)
            }))
        }
        data.add("start", .object(start))
        // Inside a <script> element nothing may read as a closing tag.
        return data.text.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A CSP source for an inline element: its SHA-256, base64.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    static let style = """

    body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1d; line-height: 1.45; }
    header { padding: .6rem 1.2rem; border-bottom: 1px solid #bbb; background: #fafafa; position: sticky; top: 0; z-index: 2; }
    header p { margin: .3rem 0; }
    h1 { font-size: 1.3rem; margin: .3rem 0; } h2 { font-size: 1.1rem; }
    .warning { background: #b00020; color: #fff; padding: .25rem .6rem; border-radius: 4px; font-size: .9rem; }
    .keys, .legend, .hint { font-size: .85rem; color: #444; }
    kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; background: #fff; }
    main { display: flex; gap: 1.2rem; padding: 0 1.2rem; }
    #text-pane { flex: 1 1 50%; min-width: 0; position: sticky; top: 9rem; align-self: flex-start; max-height: calc(100vh - 11rem); overflow: auto; }
    #list-pane { flex: 1 1 50%; min-width: 0; }
    pre#text { white-space: pre-wrap; font-family: Georgia, serif; font-size: 1rem; border: 1px solid #ccc; padding: 1rem; }
    a.t { color: inherit; text-decoration: none; border-radius: 3px; padding: 0 .1rem; }
    .t.person { background: #cfe8ff; } .t.identifier { background: #d9f2d9; } .t.reworded { background: #ffd2b3; } .t.flag, .t.flagged { background: #ffe08a; }
    a.t del { color: #8a1c1c; font-size: .85em; margin-right: .2rem; }
    a.t.flag del { text-decoration: none; color: inherit; font-size: 1em; }
    a.t ins { text-decoration: underline; font-weight: 600; }
    a.t.rejected ins { display: none; } a.t.rejected del { text-decoration: none; color: inherit; font-size: 1em; }
    a.t.edited.flag del { text-decoration: line-through; color: #8a1c1c; font-size: .85em; }
    a.t.current, li.current { outline: 3px solid #1a56db; }
    .decided { opacity: .75; } a.t.decided { opacity: 1; box-shadow: inset 0 -2px #2e7d32; }
    ol#items { padding-left: 1.4rem; } ol#items li { border: 1px solid #ddd; border-radius: 4px; padding: .4rem .6rem; margin: .4rem 0; }
    li.current { background: #f1f6ff; }
    .head { font-size: .85rem; } .cat { font-weight: 600; } .needs { color: #8a5300; font-weight: 600; }
    .status { margin-left: .4rem; font-weight: 600; } li.decided .status { color: #2e7d32; }
    .words q { font-weight: 600; } .label { font-size: .8rem; color: #555; }
    .why { font-size: .85rem; color: #444; }
    .controls { margin-top: .3rem; display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; font-size: .85rem; }
    .controls input.note { width: 9rem; } .controls input.edit-text { width: 11rem; }
    table#people { border-collapse: collapse; width: 100%; font-size: .9rem; } #people td, #people th { border: 1px solid #ccc; padding: .3rem; vertical-align: top; text-align: left; }
    .pcontrols { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; } .pcontrols input.role { width: 10rem; }
    .pstatus { font-weight: 600; color: #2e7d32; }
    @media print { header { position: static; } .controls, .pcontrols, .bar { display: none; } main { display: block; } }

    """

    static let script = #"""

    "use strict";
    (function () {
      const data = JSON.parse(document.getElementById("data").textContent);
      const items = data.items;
      const decisions = new Map();      // item index -> decision
      const personDecisions = new Map(); // person index -> Map(kind -> decision)
      let current = -1;
      const listItem = (i) => document.getElementById("l-" + i);
      const textItem = (i) => document.getElementById("t-" + i);
      const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

      function show(i) {
        const decision = decisions.get(i);
        const li = listItem(i), t = textItem(i);
        const status = li.querySelector(".status");
        for (const el of [li, t]) {
          if (!el) continue;
          el.classList.remove("decided", "accepted", "rejected", "edited");
          if (decision) el.classList.add("decided", decision.decision === "accept" ? "accepted" : decision.decision === "reject" ? "rejected" : "edited");
        }
        // A decision loaded from a file shows in its controls too.
        if (decision && decision.decision === "reject") {
          li.querySelector(".reason").value = decision.reason;
          li.querySelector(".note").value = decision.note || "";
        } else if (decision && decision.decision === "edit") {
          li.querySelector(".edit-text").value = decision.replacement;
        }
        if (!decision) status.textContent = "undecided";
        else if (decision.decision === "accept") status.textContent = "accepted";
        else if (decision.decision === "reject") status.textContent = "rejected: " + decision.reason + (decision.note ? " (" + decision.note + ")" : "");
        else status.textContent = "edited: \u201c" + decision.replacement + "\u201d";
        if (t) {
          const ins = t.querySelector("ins");
          const proposal = items[i].proposal;
          if (decision && decision.decision === "edit") { ins.textContent = decision.replacement; ins.hidden = false; }
          else if (proposal !== null && proposal !== undefined) { ins.textContent = proposal; ins.hidden = false; }
          else { ins.textContent = ""; ins.hidden = true; }
        }
        counts();
      }

      function counts() {
        let decided = 0, flagsOpen = 0;
        items.forEach((item, i) => { if (decisions.has(i)) decided++; else if (item.flagged) flagsOpen++; });
        document.getElementById("counts").textContent =
          decided + " decided, " + (items.length - decided) + " undecided (" + flagsOpen + " flags)";
      }

      function select(i, focusList) {
        if (i < 0 || i >= items.length) return;
        if (current >= 0) { listItem(current).classList.remove("current"); const t = textItem(current); if (t) t.classList.remove("current"); }
        current = i;
        const li = listItem(i), t = textItem(i);
        li.classList.add("current");
        if (t) { t.classList.add("current"); t.scrollIntoView({ block: "center" }); }
        li.scrollIntoView({ block: "nearest" });
        if (focusList !== false) li.focus({ preventScroll: true });
        document.body.dataset.current = String(i);
      }

      function step(direction, undecidedOnly) {
        for (let k = 1; k <= items.length; k++) {
          const i = ((current < 0 ? (direction > 0 ? -1 : 0) : current) + direction * k + items.length * 2) % items.length;
          if (!undecidedOnly || !decisions.has(i)) { select(i); return true; }
        }
        return false;
      }

      // The same decision again keeps who made it and when; a new or changed one is this
      // reviewer's (stamped when saved).
      const same = (a, b) => a && b && ["decision", "reason", "note", "replacement"].every((k) => a[k] === b[k]);
      function decide(i, decision) {
        decision.fingerprint = items[i].fingerprint;
        decision.item = items[i].kind;
        if (items[i].detail) decision.detail = items[i].detail;
        if (same(decisions.get(i), decision)) { show(i); return; }
        decision.time = now();
        decisions.set(i, decision);
        show(i);
      }

      function accept(i) { decide(i, { decision: "accept" }); }
      function reject(i) {
        const li = listItem(i);
        const reason = li.querySelector(".reason").value;
        const note = li.querySelector(".note").value.trim();
        if (!reason) { li.querySelector(".reason").focus(); return false; }
        if (reason === "other" && !note) { li.querySelector(".note").focus(); return false; }
        const decision = { decision: "reject", reason: reason };
        if (note) decision.note = note;
        decide(i, decision);
        return true;
      }
      function edit(i) {
        const li = listItem(i), input = li.querySelector(".edit-text");
        if (input.value === "" && document.activeElement !== input) { input.focus(); return false; }
        // The original wording again is no edit: that is a rejection, which needs its reason.
        if (input.value === li.querySelector(".orig").textContent) { li.querySelector(".reason").focus(); return false; }
        decide(i, { decision: "edit", replacement: input.value });
        return true;
      }

      document.querySelectorAll("#items li").forEach((li) => {
        const i = Number(li.dataset.i);
        li.querySelector(".accept").addEventListener("click", () => { accept(i); select(i); });
        li.querySelector(".reject").addEventListener("click", () => { if (reject(i)) select(i); });
        li.querySelector(".edit").addEventListener("click", () => { if (edit(i)) select(i); });
        li.querySelector(".undo").addEventListener("click", () => { decisions.delete(i); show(i); select(i); });
        li.querySelector(".note").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); if (reject(i)) select(i); } });
        li.querySelector(".reason").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); if (reject(i)) select(i); } });
        li.querySelector(".edit-text").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); if (edit(i)) select(i); } });
        li.addEventListener("click", (e) => { if (e.target === li) select(i, false); });
        li.querySelector(".to-text").addEventListener("click", (e) => { e.preventDefault(); select(i); });
      });
      document.querySelectorAll("a.t").forEach((t) => {
        t.addEventListener("click", (e) => { e.preventDefault(); select(Number(t.dataset.i)); });
      });

      document.addEventListener("keydown", (e) => {
        const inField = e.target.matches("input, select, textarea");
        if (e.key === "Escape") { if (current >= 0) select(current); return; }
        if (inField || e.altKey || e.ctrlKey || e.metaKey) return;
        let handled = true;
        switch (e.key) {
          case "n": case "j": step(1, true); break;
          case "p": case "k": step(-1, true); break;
          case "]": step(1, false); break;
          case "[": step(-1, false); break;
          case "a": if (current >= 0) { accept(current); step(1, true); } break;
          case "r": if (current >= 0) listItem(current).querySelector(".reason").focus(); break;
          case "e": if (current >= 0) listItem(current).querySelector(".edit-text").focus(); break;
          default: handled = false;
        }
        if (handled) e.preventDefault();
      });

      // People.
      function showPerson(p) {
        const row = document.getElementById("p-" + p);
        const mine = personDecisions.get(p) || new Map();
        const parts = [];
        for (const [kind, d] of mine) parts.push(kind === "letter" ? "letter " + d.letter : kind === "title" ? "title " + d.title : kind === "staff" ? "staff: " + d.role : kind === "person" ? "a person after all" : "not a person");
        row.querySelector(".pstatus").textContent = parts.join(", ");
      }
      function decidePerson(p, decision) {
        decision.fingerprint = data.people[p];
        if (!personDecisions.has(p)) personDecisions.set(p, new Map());
        const mine = personDecisions.get(p);
        const before = mine.get(decision.decision);
        if (before && ["letter", "title", "role"].every((k) => before[k] === decision[k])) { showPerson(p); return; }
        decision.time = now();
        if (decision.decision === "staff" || decision.decision === "not-a-person") { mine.delete("letter"); mine.delete("staff"); mine.delete("not-a-person"); }
        if (decision.decision === "letter") { mine.delete("staff"); mine.delete("not-a-person"); }
        if (decision.decision === "not-a-person") mine.delete("person");
        if (decision.decision === "person") mine.delete("not-a-person");
        mine.set(decision.decision, decision);
        showPerson(p);
      }
      document.querySelectorAll("#people tr[data-p]").forEach((row) => {
        const p = Number(row.dataset.p);
        const letter = row.querySelector(".letter"), title = row.querySelector(".title");
        const initialLetter = letter.value, initialTitle = title.value;
        letter.addEventListener("change", () => { if (letter.value && letter.value !== initialLetter) decidePerson(p, { decision: "letter", letter: letter.value }); });
        title.addEventListener("change", () => { if (title.value && title.value !== initialTitle) decidePerson(p, { decision: "title", title: title.value }); });
        row.querySelector(".staff").addEventListener("click", () => {
          const role = row.querySelector(".role").value.trim();
          if (!role) { row.querySelector(".role").focus(); return; }
          decidePerson(p, { decision: "staff", role: role });
        });
        // "Not a person" lasts (it is kept in the case registry): it is confirmed here, in the page.
        const confirm = row.querySelector(".confirm");
        const notPerson = row.querySelector(".notperson"), isPerson = row.querySelector(".isperson");
        if (notPerson) notPerson.addEventListener("click", () => { confirm.hidden = false; confirm.querySelector(".confirm-yes").focus(); });
        if (isPerson) isPerson.addEventListener("click", () => decidePerson(p, { decision: "person" }));
        confirm.querySelector(".confirm-yes").addEventListener("click", () => { confirm.hidden = true; decidePerson(p, { decision: "not-a-person" }); });
        confirm.querySelector(".confirm-no").addEventListener("click", () => { confirm.hidden = true; notPerson.focus(); });
        row.querySelector(".pundo").addEventListener("click", () => { personDecisions.delete(p); letter.value = initialLetter; title.value = initialTitle; showPerson(p); });
      });

      // Decisions to start from.
      const byFingerprint = new Map(items.map((item, i) => [item.fingerprint, i]));
      for (const d of (data.start.items || [])) {
        const i = byFingerprint.get(d.fingerprint);
        if (i !== undefined) { decisions.set(i, d); show(i); }
      }
      for (const d of (data.start.people || [])) {
        const p = data.people.indexOf(d.fingerprint);
        if (p < 0) continue;
        if (!personDecisions.has(p)) personDecisions.set(p, new Map());
        personDecisions.get(p).set(d.decision, d);
        showPerson(p);
      }
      counts();

      function decisionsFile() {
        const reviewer = document.getElementById("reviewer").value.trim();
        const file = { schema: data.schema, key: data.key };
        if (data.case) file.case = data.case;
        if (reviewer) file.reviewer = reviewer;
        file.saved = now();
        // A decision loaded from a file keeps its reviewer; a new or changed one is this reviewer's.
        const stamp = (d) => { if (d.reviewer === undefined && reviewer) d.reviewer = reviewer; return d; };
        file.items = [...decisions.keys()].sort((a, b) => a - b).map((i) => stamp(clean(decisions.get(i), ["fingerprint", "decision", "reason", "note", "replacement", "detail", "item", "reviewer", "time"])));
        file.people = [];
        [...personDecisions.keys()].sort((a, b) => a - b).forEach((p) => {
          for (const d of personDecisions.get(p).values()) file.people.push(stamp(clean(d, ["fingerprint", "decision", "letter", "title", "role", "reviewer", "time"])));
        });
        return file;
      }
      function clean(d, keys) { const out = {}; for (const k of keys) if (d[k] !== undefined && d[k] !== null) out[k] = d[k]; return out; }

      document.getElementById("save").addEventListener("click", () => {
        const text = JSON.stringify(decisionsFile(), null, 2) + "\n";
        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        // Named after the case reference, never the draft's file name (it may carry a real name).
        link.download = (data.case ? data.case.replace(/[^A-Za-z0-9]+/g, "-") : "draft") + ".decisions.json";
        document.body.appendChild(link);
        link.click();
        setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
      window.anonymiseReview = { decisionsFile: decisionsFile, select: select };
    })();

    """#
}
