import Anonymiser
import Foundation
import XCTest

/// `redact --report/--decisions/--require-decisions` and `check --decisions`, with the real binary.
final class ReviewCommandTests: CommandLineTestCase {
    let draft = """
        Mrs Imogen Thistlewood complains about the council's repairs. She lives in Kettering.
        Mrs Thistlewood says the damp got worse. Call 07700 900123 about it.

        """

    /// The items the page offers: fingerprint, detail, whether flagged, proposal — from its embedded data.
    func pageItems(_ page: String) throws -> (key: String, items: [[String: Any]], people: [String]) {
        let html = try String(contentsOf: scratch.appendingPathComponent(page), encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: "<script type=\"application/json\" id=\"data\">"))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        return (try XCTUnwrap(data["key"] as? String), try XCTUnwrap(data["items"] as? [[String: Any]]), try XCTUnwrap(data["people"] as? [String]))
    }

    func writeDecisions(_ object: [String: Any], to name: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: scratch.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String { try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8) }

    func testDecisionsFromThePageAreAppliedTheSameWayEveryTime() throws {
        try write(draft, to: "draft.txt")
        let first = try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let keyFile = scratch.appendingPathComponent(".anonymise/review.key")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: keyFile.path)[.posixPermissions] as? Int, 0o600, "the key is owner-only")
        let (key, items, _) = try pageItems("review.html")
        XCTAssertEqual(try read("out.txt"), """
            Mrs X complains about the council's repairs. She lives in the area.
            Mrs X says the damp got worse. Call [phone number] about it.

            """)
        // Keep the town (a flag reworded), edit the phone number, accept the rest.
        var decisions: [[String: Any]] = []
        for item in items {
            let fingerprint = item["fingerprint"] as! String
            if item["proposal"] as? String == "the area" {
                decisions.append(["fingerprint": fingerprint, "decision": "reject", "reason": "needed-for-meaning", "detail": item["detail"]!])
            } else if item["proposal"] as? String == "[phone number]" {
                decisions.append(["fingerprint": fingerprint, "decision": "edit", "replacement": "the council's number"])
            } else {
                decisions.append(["fingerprint": fingerprint, "decision": "accept"])
            }
        }
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key, "reviewer": "A Reviewer", "items": decisions], to: "decisions.json")
        let arguments = ["redact", "draft.txt", "-o", "final.txt", "--decisions", "decisions.json", "--require-decisions", "--no-store"]
        let applied = try run(arguments)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stderr.contains("decisions: \(items.count) applied, 0 stale, 0 undecided (0 flags)"), applied.stderr)
        let final = try read("final.txt")
        XCTAssertEqual(final, """
            Mrs X complains about the council's repairs. She lives in Kettering.
            Mrs X says the damp got worse. Call the council's number about it.

            """)
        XCTAssertEqual(try run(arguments).status, 0)
        XCTAssertEqual(try read("final.txt"), final, "the same bytes on every run")
        // The audit says who decided what and why, and its chain holds.
        XCTAssertEqual(try run(["audit", "verify", "final.audit.jsonl"]).status, 0)
        let audit = try read("final.audit.jsonl")
        XCTAssertTrue(audit.contains("\"decision\":\"reject\",\"reason\":\"needed-for-meaning\",\"reviewer\":\"A Reviewer\""), audit)
        XCTAssertTrue(audit.contains("\"reviewer\":\"A Reviewer\",\"applied\":\(items.count)"), audit)
        let named = try run(arguments + ["--reviewer", "B Checker"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(try read("final.audit.jsonl").contains("\"reviewer\":\"B Checker\""), "--reviewer names who decided")

        // check: the kept town is decided, so only with the decisions does the published text pass at note level.
        XCTAssertEqual(try run(["check", "final.txt", "--fail-on", "note", "--quiet"]).status, 1)
        let checked = try run(["check", "final.txt", "--fail-on", "note", "--quiet", "--decisions", "decisions.json"])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
    }

    func testRequireDecisionsFailsOnAnUndecidedFlagOrAStaleDecision() throws {
        try write(draft, to: "draft.txt")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        let (key, items, _) = try pageItems("review.html")
        // Every replacement accepted, the flag (the reworded town) left undecided.
        let unflagged = items.filter { $0["flagged"] as? Bool != true }
        XCTAssertEqual(unflagged.count, items.count - 1)
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                            "items": unflagged.map { ["fingerprint": $0["fingerprint"]!, "decision": "accept"] }], to: "partial.json")
        let refused = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "partial.json", "--require-decisions", "--no-store"])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("draft.txt: not every flag is decided: 1 flag undecided; nothing written"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("final.txt").path))
        // Without --require-decisions the same file is applied, and the summary says what is open.
        let lenient = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "partial.json", "--no-store"])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stderr.contains("0 stale, 1 undecided (1 flag)"), lenient.stderr)

        // All decided, then the draft changes beside the phone number: that decision is stale.
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                            "items": items.map { ["fingerprint": $0["fingerprint"]!, "decision": "accept"] }], to: "all.json")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "all.json", "--require-decisions", "--no-store"]).status, 0)
        try write(draft.replacingOccurrences(of: "about it", with: "after six"), to: "draft.txt")
        let stale = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "all.json", "--require-decisions", "--no-store"])
        XCTAssertEqual(stale.status, 1, stale.stderr)
        XCTAssertTrue(stale.stderr.contains("1 stale decision"), stale.stderr)
        XCTAssertFalse(stale.stderr.contains("07700"), "no real identifier in the message")
    }

    func testPersonDecisionsFollowTheCaseIntoLaterDocuments() throws {
        try write("Mrs Imogen Thistlewood complains. Mr Oswin Pargeter inspected the flat.\n", to: "draft.txt")
        let store = ["--store", "reg/cases.sqlite", "--case", "REVIEW 2"]
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html"] + store).status, 0)
        XCTAssertEqual(try read("out.txt"), "Mrs X complains. Mr Y inspected the flat.\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("reg/review.key").path), "the key beside the registry")
        let (key, items, people) = try pageItems("review.html")
        XCTAssertEqual(people.count, 2)
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                            "items": items.map { ["fingerprint": $0["fingerprint"]!, "decision": "accept"] },
                            "people": [["fingerprint": people[1], "decision": "staff", "role": "the surveyor"],
                                       ["fingerprint": people[0], "decision": "title", "title": "Ms"]]], to: "decisions.json")
        let applied = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "decisions.json"] + store)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertEqual(try read("final.txt"), "Ms X complains. The surveyor inspected the flat.\n")
        XCTAssertTrue(try read("final.audit.jsonl").contains("\"type\":\"person-decision\",\"fingerprint\":\"\(people[1])\",\"decision\":\"staff\",\"person\":\"the surveyor\""))
        try write("Mr Pargeter wrote to Mrs Thistlewood.\n", to: "later.txt")
        XCTAssertEqual(try run(["redact", "later.txt", "--quiet"] + store).stdout, "The surveyor wrote to Ms X.\n")
    }

    func testBadDecisionsAreInputErrors() throws {
        try write(draft, to: "draft.txt")
        try write(draft, to: "other.txt")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        try write("{\"schema\":\"anonymise-decisions/1\",\"key\":\"0000000000000000\",\"items\":[]}", to: "foreign.json")
        let foreign = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "foreign.json", "--no-store"])
        XCTAssertEqual(foreign.status, 2)
        XCTAssertTrue(foreign.stderr.contains("foreign.json: was made under another review key"), foreign.stderr)
        try write("{\"schema\":\"anonymise-decisions/1\"", to: "broken.json")
        let broken = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "broken.json", "--no-store"])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("broken.json: is not a decisions file"), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("final.txt").path), "nothing written")
        let two = try run(["redact", "draft.txt", "other.txt", "--out-dir", "out", "--decisions", "foreign.json", "--no-store"])
        XCTAssertEqual(two.status, 2)
        XCTAssertTrue(two.stderr.contains("--decisions belongs to one draft"), two.stderr)
        XCTAssertEqual(try run(["redact", "draft.txt", "--require-decisions", "--no-store"]).status, 2)
        // An "edit" back to the original wording is a rejection without its reason.
        let (key, items, _) = try pageItems("review.html")
        let phone = try XCTUnwrap(items.first { $0["proposal"] as? String == "[phone number]" })
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                            "items": [["fingerprint": phone["fingerprint"]!, "decision": "edit", "replacement": "07700 900123"]]], to: "same.json")
        let same = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "same.json", "--no-store"])
        XCTAssertEqual(same.status, 2, same.stderr)
        XCTAssertTrue(same.stderr.contains("same.json: items[0]: the edited text is the original wording"), same.stderr)
        XCTAssertFalse(same.stderr.contains("07700"))
        // Applying decisions never invents a key: without one, the run says where it looked.
        try FileManager.default.removeItem(at: scratch.appendingPathComponent(".anonymise"))
        let keyless = try run(["redact", "draft.txt", "--decisions", "foreign.json", "--no-store"])
        XCTAssertEqual(keyless.status, 2)
        XCTAssertTrue(keyless.stderr.contains("no review key here"), keyless.stderr)
    }

    // MARK: - Decisions saved from a page hold on the re-run (second reader's findings)

    /// The page's full embedded data.
    func pageData(_ page: String) throws -> [String: Any] {
        let html = try read(page)
        let start = try XCTUnwrap(html.range(of: "<script type=\"application/json\" id=\"data\">"))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
    }

    /// Every item of a page accepted, with its kind and detail as the page saves them, plus people decisions.
    func acceptAll(_ page: String, people: [[String: Any]] = [], to name: String) throws {
        let (key, items, _) = try pageItems(page)
        let decisions = items.map { item -> [String: Any] in
            var decision: [String: Any] = ["fingerprint": item["fingerprint"]!, "decision": "accept"]
            if let kind = item["kind"] { decision["item"] = kind }
            if let detail = item["detail"] { decision["detail"] = detail }
            return decision
        }
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key, "items": decisions, "people": people], to: name)
    }

    let caseDraft = "Ombudsman ref 24 013 403.\nMs Anna O'Brien-Ross complained. Ross said it was bad. Anna wrote again.\n"

    func testAPageMadeWhilePeopleAreNewHoldsWhenTheyAreKnown() throws {
        try write(caseDraft, to: "draft.txt")
        let store = ["--store", "reg/cases.sqlite"]
        let page = try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html"] + store)
        XCTAssertEqual(page.status, 0, page.stderr)
        try acceptAll("review.html", to: "all.json")
        let rerun = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "all.json", "--require-decisions"] + store)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains(", 0 stale, 0 undecided"), rerun.stderr)
        XCTAssertEqual(try read("final.txt"), try read("out.txt"))
    }

    func testAcceptedItemsHoldAfterATitleOrNotAPersonDecision() throws {
        // The same people without a reference: a person decision makes a second pass, where "Ross" is known.
        let oneOff = "Ms Anna O'Brien-Ross complained. Ross said it was bad. Anna wrote again.\n"
        let key = ["ANONYMISE_REVIEW_KEY": String(repeating: "5a", count: 32)]
        for (name, text) in [("one-off", oneOff), ("case", caseDraft)] {
            for decision in [["decision": "title", "title": "Dr"], ["decision": "not-a-person"]] {
                // Each from a fresh page (and, in a case, a fresh registry).
                let store = name == "one-off" ? ["--no-store"] : ["--store", "reg-\(UUID().uuidString)/cases.sqlite"]
                let label = "\(name), \(decision["decision"]!)"
                try write(text, to: "draft.txt")
                let page = try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html"] + store, environment: key)
                XCTAssertEqual(page.status, 0, page.stderr)
                let people = try pageItems("review.html").people
                XCTAssertFalse(people.isEmpty, label)
                try acceptAll("review.html", people: [decision.merging(["fingerprint": people[0]]) { $1 }], to: "decided.json")
                let decided = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "decided.json", "--require-decisions"] + store,
                                      environment: key)
                XCTAssertEqual(decided.status, 0, "\(label): \(decided.stderr)")
                XCTAssertTrue(decided.stderr.contains(" 0 stale"), "\(label): \(decided.stderr)")
                let final = try read("final.txt")
                if decision["decision"] == "title" {
                    XCTAssertTrue(final.contains("Dr "), "\(label): \(final)")
                    continue
                }
                XCTAssertTrue(final.contains("Anna O'Brien-Ross"), "\(label): \(final)")
                XCTAssertTrue(try read("final.audit.jsonl").contains("\"type\":\"superseded-decision\""), "\(label): the audit still records them")
                if name == "case" {
                    // Undone by a later decisions file: a person after all, replaced as before.
                    try acceptAll("review.html", people: [["fingerprint": people[0], "decision": "person"]], to: "person.json")
                    let again = try run(["redact", "draft.txt", "-o", "again.txt", "--decisions", "person.json"] + store, environment: key)
                    XCTAssertEqual(again.status, 0, again.stderr)
                    XCTAssertEqual(try read("again.txt"), try read("out.txt"))
                }
            }
        }
    }

    func testARefusedRunLeavesTheCaseRegistryAsItWas() throws {
        try write("Ombudsman ref 24 013 404.\nMrs Imogen Thistlewood lives in Kettering. Mr Oswin Pargeter inspected the flat.\n", to: "draft.txt")
        let store = ["--store", "reg/cases.sqlite"]
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html"] + store).status, 0)
        let before = try run(["case", "show", "24 013 404", "--format", "json"] + store)
        XCTAssertEqual(before.status, 0, before.stderr)
        let (key, items, people) = try pageItems("review.html")
        // The town's flag is left undecided; a person decision is in the same file.
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                            "items": items.filter { $0["flagged"] as? Bool != true }.map { ["fingerprint": $0["fingerprint"]!, "decision": "accept"] },
                            "people": [["fingerprint": people[1], "decision": "staff", "role": "the surveyor"]]], to: "partial.json")
        let refused = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "partial.json", "--require-decisions"] + store)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("nothing written"), refused.stderr)
        XCTAssertEqual(try run(["case", "show", "24 013 404", "--format", "json"] + store).stdout, before.stdout, "the registry is unchanged")
        // Accepted without --require-decisions: stored, and `case show` says so.
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "partial.json"] + store).status, 0)
        XCTAssertTrue(try run(["case", "show", "24 013 404"] + store).stdout.contains("the surveyor"))
    }

    func testALetterIsNeverARealInitialOfTheCaseTheirOwnIncluded() throws {
        try write("Mrs Imogen Thistlewood complains. Mr Oswin Pargeter inspected the flat.\n", to: "draft.txt")
        for store in [["--store", "reg/cases.sqlite", "--case", "REVIEW 3"], ["--no-store"]] {
            XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html"] + store).status, 0)
            let html = try read("review.html")
            let row = try XCTUnwrap(html.range(of: "<tr id=\"p-1\""))
            let menu = html[row.lowerBound..<(html.range(of: "</tr>", range: row.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex)]
            for initial in ["P", "O", "T", "I"] { XCTAssertFalse(menu.contains("<option>\(initial)</option>"), "\(store): \(initial) is offered") }
            XCTAssertTrue(menu.contains("<option>K</option>"))
            let (key, _, people) = try pageItems("review.html")
            try writeDecisions(["schema": "anonymise-decisions/1", "key": key,
                                "people": [["fingerprint": people[1], "decision": "letter", "letter": "P"]]], to: "own.json")
            let refused = try run(["redact", "draft.txt", "-o", "final.txt", "--decisions", "own.json"] + store)
            XCTAssertEqual(refused.status, 2, "\(store): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("P is a real initial of someone in the case"), refused.stderr)
            XCTAssertFalse(refused.stderr.contains("Pargeter") || refused.stderr.contains("Oswin"), "never whose initial it is")
        }
    }

    func testCheckWithDecisionsStillReportsWhatTheReviewerAgreedToReplace() throws {
        try write(draft, to: "draft.txt")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        try acceptAll("review.html", to: "all.json")
        // Accepting "Kettering → the area" does not let a text that still says Kettering pass.
        try write(try read("out.txt").replacingOccurrences(of: "the area", with: "Kettering"), to: "unreviewed.txt")
        let checked = try run(["check", "unreviewed.txt", "--fail-on", "note", "--quiet", "--decisions", "all.json"])
        XCTAssertEqual(checked.status, 1, checked.stdout + checked.stderr)
        // One draft's decisions belong to one file.
        try write("Nothing to see.\n", to: "other.txt")
        let two = try run(["check", "unreviewed.txt", "other.txt", "--decisions", "all.json"])
        XCTAssertEqual(two.status, 2, two.stderr)
        XCTAssertTrue(two.stderr.contains("--decisions belongs to one draft"), two.stderr)
        XCTAssertEqual(try run(["check", ".", "--decisions", "all.json"]).status, 2, "a folder is more than one draft")
    }

    func testAOneOffDraftsFileNameStaysOutOfThePageData() throws {
        try write(draft, to: "Imogen Thistlewood complaint.txt")
        XCTAssertEqual(try run(["redact", "Imogen Thistlewood complaint.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        let data = try pageData("review.html")
        XCTAssertTrue(data["case"] == nil || data["case"] is NSNull, "\(data["case"] ?? "")")
        XCTAssertFalse(try read("review.html").contains("Case <strong id=\"case\">Imogen"))
        // A real reference does go with it.
        try write("Ombudsman ref 24 013 405.\n" + draft, to: "Imogen Thistlewood complaint.txt")
        XCTAssertEqual(try run(["redact", "Imogen Thistlewood complaint.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        XCTAssertEqual(try pageData("review.html")["case"] as? String, "24 013 405")
    }

    func testEarlierReviewersStayWithTheirDecisionsOnThePage() throws {
        try write(draft, to: "draft.txt")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--report", "review.html", "--no-store"]).status, 0)
        let (key, items, _) = try pageItems("review.html")
        try writeDecisions(["schema": "anonymise-decisions/1", "key": key, "reviewer": "First Reviewer",
                            "items": [["fingerprint": items[0]["fingerprint"]!, "decision": "accept", "time": "2026-12-06T10:00:00Z"],
                                      ["fingerprint": items[1]["fingerprint"]!, "decision": "accept", "reviewer": "Second Reviewer"]]],
                           to: "earlier.json")
        XCTAssertEqual(try run(["redact", "draft.txt", "-o", "out.txt", "--decisions", "earlier.json", "--report", "again.html", "--no-store"]).status, 0)
        let start = try XCTUnwrap((try pageData("again.html"))["start"] as? [String: Any])
        let loaded = try XCTUnwrap(start["items"] as? [[String: Any]])
        XCTAssertEqual(loaded.map { $0["reviewer"] as? String }, ["First Reviewer", "Second Reviewer"])
        XCTAssertEqual(loaded[0]["time"] as? String, "2026-12-06T10:00:00Z")
        XCTAssertFalse(try read("again.html").contains("value=\"First Reviewer\""), "the next reviewer types their own name")
    }
}
