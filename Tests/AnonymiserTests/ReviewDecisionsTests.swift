import Foundation
import XCTest
@testable import Anonymiser

/// Issue 15: fingerprints, decisions and their application (Review/).
final class ReviewDecisionsTests: XCTestCase {
    let key = FingerprintKey(bytes: Array(repeating: 7, count: 32))
    var fingerprinter: Fingerprinter { Fingerprinter(key: key) }
    /// Flags only, no rewording: every residual detail is a flag item of its own.
    let flagsOnly = Anonymiser(patterns: Fixtures.patterns, generalisesResidualDetail: false)

    let draft = """
        Mrs Imogen Thistlewood complains about the council's repairs. She lives in Kettering and is 81 years old.
        Mrs Thistlewood wrote to the council twice. Mrs Thistlewood wrote to the council twice.
        Call 07700 900123 about the visit.

        """

    func items(_ text: String, anonymiser: Anonymiser = Fixtures.anonymiser) throws -> (Redaction, [ReviewItem]) {
        let redaction = try anonymiser.redact(Document(name: "draft.txt", text: text))
        return (redaction, ReviewItem.items(of: redaction, fingerprinter: fingerprinter))
    }

    func item(_ items: [ReviewItem], _ original: String, in redaction: Redaction, occurrence: Int = 0) throws -> ReviewItem {
        let found = items.filter { redaction.document.string($0.range) == original }
        guard found.count > occurrence else { throw XCTSkip("no item \(original) in \(items.map { redaction.document.string($0.range) })") }
        return found[occurrence]
    }

    func apply(_ decisions: [Decisions.ItemDecision], to redaction: Redaction) -> (Redaction, ReviewOutcome) {
        DecisionApplier(decisions: Decisions(key: fingerprinter.keyIdentifier, items: decisions), fingerprinter: fingerprinter)
            .apply(to: redaction)
    }

    // MARK: fingerprints

    func testFingerprintsAreStableUnderEditsElsewhereAndNeverOffsets() throws {
        let (before, itemsBefore) = try items(draft)
        let edited = "A new opening paragraph, added later by the investigator.\n\n"
            + draft.replacingOccurrences(of: "about the visit", with: "about the second visit in spring")
        let (after, itemsAfter) = try items(edited)
        for original in ["Mrs Imogen Thistlewood", "Kettering", "81 years old"] {
            let one = try item(itemsBefore, original, in: before), two = try item(itemsAfter, original, in: after)
            XCTAssertNotEqual(one.range, two.range, "the offsets moved")
            XCTAssertEqual(one.fingerprint, two.fingerprint, original)
        }
        // An edit right beside an item changes its words around it: that one is a new item.
        let phone = try item(itemsBefore, "07700 900123", in: before), phoneAfter = try item(itemsAfter, "07700 900123", in: after)
        XCTAssertNotEqual(phone.fingerprint, phoneAfter.fingerprint)
    }

    func testRepeatedMentionsHaveDistinctFingerprints() throws {
        let (redaction, items) = try items(draft)
        let first = try item(items, "Mrs Thistlewood", in: redaction, occurrence: 0)
        let second = try item(items, "Mrs Thistlewood", in: redaction, occurrence: 1)
        XCTAssertNotEqual(first.fingerprint, second.fingerprint)
        XCTAssertEqual(Set(items.map(\.fingerprint)).count, items.count, "every item has its own fingerprint")
        XCTAssertTrue(items.allSatisfy { Decisions.isFingerprint($0.fingerprint) })
    }

    func testFingerprintsNeedTheKey() throws {
        let (redaction, items) = try items(draft)
        let other = ReviewItem.items(of: redaction, fingerprinter: Fingerprinter(key: FingerprintKey(bytes: Array(repeating: 8, count: 32))))
        XCTAssertTrue(zip(items, other).allSatisfy { $0.fingerprint != $1.fingerprint })
        XCTAssertNotEqual(fingerprinter.keyIdentifier, Fingerprinter(key: FingerprintKey(bytes: Array(repeating: 8, count: 32))).keyIdentifier)
    }

    // MARK: applying decisions

    func testEachDecisionKindIsApplied() throws {
        let (redaction, items) = try items(draft, anonymiser: flagsOnly)
        XCTAssertTrue(redaction.output.contains("lives in Kettering and is 81 years old"), "flags only: nothing reworded")
        let name = try item(items, "Mrs Imogen Thistlewood", in: redaction)
        let town = try item(items, "Kettering", in: redaction)
        let age = try item(items, "81 years old", in: redaction)
        let phone = try item(items, "07700 900123", in: redaction)
        XCTAssertEqual(town.kind, .flag)
        XCTAssertTrue(town.isFlagged)
        let (reviewed, outcome) = apply([
            .init(fingerprint: name.fingerprint, decision: .accept),
            .init(fingerprint: town.fingerprint, decision: .reject, reason: .neededForMeaning),
            .init(fingerprint: age.fingerprint, decision: .edit, replacement: "in her eighties"),
            .init(fingerprint: phone.fingerprint, decision: .reject, reason: .other, note: "the council's switchboard"),
        ], to: redaction)
        XCTAssertEqual(reviewed.output, """
            Mrs X complains about the council's repairs. She lives in Kettering and is in her eighties.
            Mrs X wrote to the council twice. Mrs X wrote to the council twice.
            Call 07700 900123 about the visit.

            """)
        XCTAssertEqual(outcome.applied.count, 4)
        XCTAssertEqual(outcome.stale, [])
        XCTAssertEqual(outcome.undecided.count, items.count - 4)
        XCTAssertEqual(outcome.undecidedFlags, 0, "both flags decided")
        XCTAssertTrue(outcome.isComplete)
    }

    func testARewordedDetailIsOneFlaggedItem() throws {
        let (redaction, items) = try items(draft)
        XCTAssertTrue(redaction.output.contains("lives in the area"), redaction.output)
        let town = try item(items, "Kettering", in: redaction)
        XCTAssertEqual(town.kind, .replacement)
        XCTAssertTrue(town.isFlagged, "the rewording is flagged")
        XCTAssertNotNil(town.detail)
        XCTAssertEqual(items.filter { $0.range.overlaps(town.range) }.count, 1, "its flag is no item of its own")
        let (reviewed, outcome) = apply([.init(fingerprint: town.fingerprint, decision: .reject, reason: .notIdentifying)], to: redaction)
        XCTAssertTrue(reviewed.output.contains("lives in Kettering"), reviewed.output)
        XCTAssertEqual(outcome.undecidedFlags, items.filter(\.isFlagged).count - 1)
        XCTAssertFalse(outcome.isComplete)
    }

    func testStaleDecisionsAreReported() throws {
        let (redaction, items) = try items(draft)
        let phone = try item(items, "07700 900123", in: redaction)
        // The draft changed around the number: the decision about it no longer matches.
        let changed = try Fixtures.anonymiser.redact(Document(name: "draft.txt", text: draft.replacingOccurrences(of: "about the visit", with: "after five")))
        let unknown = String(repeating: "ab", count: 32)
        let (reviewed, outcome) = apply([
            .init(fingerprint: phone.fingerprint, decision: .reject, reason: .publicRole),
            .init(fingerprint: unknown, decision: .accept),
        ], to: changed)
        XCTAssertEqual(outcome.stale, [phone.fingerprint, unknown])
        XCTAssertTrue(outcome.applied.isEmpty)
        XCTAssertFalse(outcome.isComplete)
        XCTAssertTrue(reviewed.output.contains("[phone number]"), "a stale decision changes nothing")
    }

    func testTheSameDecisionsGiveTheSameBytes() throws {
        let (redaction, items) = try items(draft)
        let decisions = items.enumerated().map { position, item -> Decisions.ItemDecision in
            position % 2 == 0 ? .init(fingerprint: item.fingerprint, decision: .edit, replacement: "[edited \(position)]")
                : .init(fingerprint: item.fingerprint, decision: .reject, reason: .alreadyAnonymous)
        }
        let once = apply(decisions, to: redaction).0.outputBytes
        let again = apply(decisions, to: try Fixtures.anonymiser.redact(Document(name: "draft.txt", text: draft))).0.outputBytes
        XCTAssertEqual(once, again)
        XCTAssertNotEqual(once, redaction.outputBytes)
    }

    // MARK: people

    func testPersonDecisionsInAOneOffDocument() throws {
        let text = "Mrs Imogen Thistlewood complains. Her neighbour, Mr Oswin Pargeter, saw it. Mr Pargeter agreed.\n"
        let (redaction, _) = try items(text)
        XCTAssertEqual(redaction.output, "Mrs X complains. Her neighbour, Mr Y, saw it. Mr Y agreed.\n")
        let neighbour = try XCTUnwrap(redaction.mentioned.first { $0.surname == "pargeter" })
        let complainant = try XCTUnwrap(redaction.mentioned.first { $0.surname == "thistlewood" })
        func redo(_ decisions: [Decisions.PersonDecision]) throws -> String {
            let people = PersonDecisions(decisions: decisions, fingerprinter: fingerprinter, source: "d.json")
            let (context, matched) = try people.context(for: redaction.people, reference: "one-off")
            XCTAssertEqual(matched.count, decisions.count)
            return try Fixtures.anonymiser.redact(Document(name: "draft.txt", text: text), case: context).output
        }
        let them = fingerprinter.fingerprint(of: neighbour)
        XCTAssertEqual(try redo([.init(fingerprint: them, decision: .letter, letter: "K")]),
                       "Mrs X complains. Her neighbour, Mr K, saw it. Mr K agreed.\n")
        XCTAssertEqual(try redo([.init(fingerprint: fingerprinter.fingerprint(of: complainant), decision: .title, title: "Ms")]),
                       "Ms X complains. Her neighbour, Mr Y, saw it. Mr Y agreed.\n")
        XCTAssertEqual(try redo([.init(fingerprint: them, decision: .staff, role: "the housing officer")]),
                       "Mrs X complains. Her neighbour, the housing officer, saw it. The housing officer agreed.\n")
        XCTAssertEqual(try redo([.init(fingerprint: them, decision: .notAPerson)]),
                       "Mrs X complains. Her neighbour, Mr Oswin Pargeter, saw it. Mr Pargeter agreed.\n")
        // A letter someone else has, or a real initial, is refused by name of the file.
        XCTAssertThrowsError(try redo([.init(fingerprint: them, decision: .letter, letter: "X")])) { error in
            XCTAssertEqual((error as? InputError)?.path, "d.json")
        }
        XCTAssertThrowsError(try redo([.init(fingerprint: them, decision: .letter, letter: "T")]))
        // Their own real initial would point at them just as well.
        XCTAssertThrowsError(try redo([.init(fingerprint: them, decision: .letter, letter: "P")])) { error in
            XCTAssertEqual((error as? InputError)?.problem.hasPrefix("P is a real initial of someone in the case"), true, "\(error)")
        }
        // Two people named by one role would read as one person.
        XCTAssertThrowsError(try redo([.init(fingerprint: them, decision: .staff, role: "the housing officer"),
                                       .init(fingerprint: fingerprinter.fingerprint(of: complainant), decision: .staff, role: "The housing officer")]))
    }

    func testFingerprintsDoNotDependOnWhetherThePeopleAreKnown() throws {
        // "Ross" is found by one rule while the person is new and by another once the case knows them.
        let text = "Ms Anna O'Brien-Ross complained. Ross said it was bad. Anna wrote again.\n"
        let (first, firstItems) = try items(text)
        let (context, _) = try PersonDecisions(decisions: [], fingerprinter: fingerprinter, source: "d.json")
            .context(for: first.people, reference: "one-off")
        let known = try Fixtures.anonymiser.redact(Document(name: "draft.txt", text: text), case: context)
        XCTAssertEqual(known.output, first.output)
        XCTAssertEqual(ReviewItem.items(of: known, fingerprinter: fingerprinter).map(\.fingerprint), firstItems.map(\.fingerprint))
    }

    func testPersonDecisionsAreKeptInTheCaseRegistry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let store = try CaseStore(url: folder.appendingPathComponent("cases.sqlite"))
        let text = "Mrs Imogen Thistlewood complains. Mr Oswin Pargeter visited her.\n"
        func redact(_ text: String) throws -> String {
            try store.redact(inCase: "REVIEW 1", inputSHA256: Digest.sha256(Data(text.utf8))) { context in
                try Fixtures.anonymiser.redact(Document(name: "d.txt", text: text), case: context)
            }.0.output
        }
        XCTAssertEqual(try redact(text), "Mrs X complains. Mr Y visited her.\n")
        let decisions = PersonDecisions(decisions: [
            .init(fingerprint: fingerprinter.fingerprint(givenNames: ["oswin"], surname: "pargeter"), decision: .staff, role: "the surveyor"),
        ], fingerprinter: fingerprinter, source: "d.json")
        let matched = try store.apply(decisions, inCase: "REVIEW 1")
        XCTAssertEqual(matched.map(\.pseudonym), ["the surveyor"])
        XCTAssertEqual(try store.apply(decisions, inCase: "REVIEW 1").count, 1, "applying again changes nothing")
        XCTAssertEqual(try redact(text), "Mrs X complains. The surveyor visited her.\n")
        XCTAssertEqual(try redact("Mr Pargeter wrote again.\n"), "The surveyor wrote again.\n", "a later document follows it")
        // A letter that is the person's own real initial is refused, as anyone else's is.
        let own = PersonDecisions(decisions: [
            .init(fingerprint: fingerprinter.fingerprint(givenNames: ["imogen"], surname: "thistlewood"), decision: .letter, letter: "T"),
        ], fingerprinter: fingerprinter, source: "d.json")
        XCTAssertThrowsError(try store.apply(own, inCase: "REVIEW 1"))
    }

    // MARK: the file

    func testTheDecisionsFileRoundTripsAndHoldsNoDraftText() throws {
        let (redaction, items) = try items(draft)
        let decisions = Decisions(key: fingerprinter.keyIdentifier, case: "24 013 403", reviewer: "R", saved: "2026-12-06T15:00:00Z",
                                  items: items.map { .init(fingerprint: $0.fingerprint, decision: .accept, detail: $0.detail) },
                                  people: [.init(fingerprint: fingerprinter.fingerprint(of: redaction.mentioned[0]), decision: .title, title: "Ms")])
        let data = decisions.encoded()
        XCTAssertEqual(try Decisions.decode(data, name: "d.json"), decisions)
        XCTAssertEqual(decisions.encoded(), data, "same decisions, same bytes")
        let text = String(decoding: data, as: UTF8.self)
        for original in ["Thistlewood", "Imogen", "Kettering", "81 years", "07700 900123"] { XCTAssertFalse(text.contains(original), original) }
    }

    func testABadDecisionsFileIsRefusedByName() throws {
        let fingerprint = String(repeating: "0", count: 64)
        func problem(_ json: String) -> String? {
            do { _ = try Decisions.decode(Data(json.utf8), name: "d.json"); return nil } catch let error as InputError {
                XCTAssertEqual(error.path, "d.json")
                return error.problem
            } catch { return "\(error)" }
        }
        let head = #"{"schema":"anonymise-decisions/1","key":"k","items":["#
        XCTAssertNil(problem(head + #"{"fingerprint":"\#(fingerprint)","decision":"accept"}]}"#))
        XCTAssertEqual(problem(head + #"{"fingerprint":"\#(fingerprint)","decision":"reject"}]}"#)?.hasPrefix("items[0]: a rejection needs a reason"), true)
        XCTAssertEqual(problem(head + #"{"fingerprint":"\#(fingerprint)","decision":"reject","reason":"other"}]}"#), "items[0]: the reason \"other\" needs a note saying why")
        XCTAssertEqual(problem(head + #"{"fingerprint":"\#(fingerprint)","decision":"edit"}]}"#), "items[0]: an edit needs its replacement text")
        XCTAssertEqual(problem(head + #"{"fingerprint":"12","decision":"accept"}]}"#), "items[0]: the fingerprint is not 64 hexadecimal characters")
        XCTAssertEqual(problem(head + #"{"fingerprint":"\#(fingerprint)","decision":"accept"},{"fingerprint":"\#(fingerprint)","decision":"accept"}]}"#),
                       "items[1]: a second decision for the same item")
        XCTAssertEqual(problem(#"{"schema":"anonymise-decisions/9","key":"k"}"#)?.hasPrefix("has schema"), true)
        XCTAssertEqual(problem("not json")?.hasPrefix("is not a decisions file"), true)
        XCTAssertNotNil(problem(#"{"schema":"anonymise-decisions/1","key":"k","people":[{"fingerprint":"\#(fingerprint)","decision":"letter","letter":"A"}]}"#))
    }

    // MARK: audit and check

    func testTheAuditRecordsEveryDecisionInTheChain() throws {
        let (redaction, items) = try items(draft)
        let town = try item(items, "Kettering", in: redaction)
        var decisions = Decisions(key: fingerprinter.keyIdentifier, reviewer: "A Reviewer", items: [
            .init(fingerprint: town.fingerprint, decision: .reject, reason: .publicRole, time: "2026-12-06T15:00:00Z"),
            .init(fingerprint: String(repeating: "c", count: 64), decision: .accept),
        ])
        decisions.people = []
        let (reviewed, outcome) = DecisionApplier(decisions: decisions, fingerprinter: fingerprinter).apply(to: redaction)
        var audit = AuditTrail(redaction: reviewed, inputName: "draft.txt", inputSHA256: "0", caseReference: "c", patternsFingerprint: "p")
        audit.review = outcome
        let text = audit.jsonLines
        XCTAssertEqual(AuditChain.verify(Data(text.utf8)), .intact(records: reviewed.edits.count + reviewed.flags.count + 2))
        let lines = text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let decision = try XCTUnwrap(lines.first { $0?["type"] as? String == "decision" } ?? nil)
        XCTAssertEqual(decision["reason"] as? String, "public-role")
        XCTAssertEqual(decision["reviewer"] as? String, "A Reviewer")
        XCTAssertEqual(decision["time"] as? String, "2026-12-06T15:00:00Z")
        XCTAssertEqual(decision["fingerprint"] as? String, town.fingerprint)
        XCTAssertTrue(lines.contains { $0?["type"] as? String == "stale-decision" })
    }

    func testCheckHonoursKeptFlagsOnlyAndFindsThemInThePublishedText() throws {
        let (redaction, items) = try items(draft, anonymiser: flagsOnly)
        let town = try item(items, "Kettering", in: redaction)
        let decisions = Decisions(key: fingerprinter.keyIdentifier, items: [
            .init(fingerprint: town.fingerprint, decision: .reject, reason: .neededForMeaning, detail: town.detail),
        ])
        let filter = DecisionFilter(decisions: decisions, fingerprinter: fingerprinter)
        let published = try Document(name: "published.txt", text: redaction.output)
        let findings = try Checker(patterns: Fixtures.patterns).check(published)
        let (kept, dropped) = filter.filter(findings, in: published)
        XCTAssertEqual(dropped, 1)
        XCTAssertFalse(kept.contains { $0.text == "Kettering" })
        XCTAssertTrue(kept.contains { $0.text == "81 years old" }, "an undecided flag is still reported")
        // The draft itself: matched by the full fingerprint.
        let draftFindings = try Checker(patterns: Fixtures.patterns).check(redaction.document)
        XCTAssertFalse(DecisionFilter(decisions: Decisions(key: "k", items: [.init(fingerprint: town.fingerprint, decision: .accept, item: .flag)]),
                                      fingerprinter: fingerprinter).filter(draftFindings, in: redaction.document).0.contains { $0.text == "Kettering" })
        // An accepted or edited replacement is no reason to keep its original: a text that still has it is reported.
        let (reworded, rewordedItems) = try self.items(draft)
        let rewording = try item(rewordedItems, "Kettering", in: reworded)
        XCTAssertEqual(rewording.kind, .replacement)
        for decision in [Decisions.ItemDecision(fingerprint: rewording.fingerprint, decision: .accept, detail: rewording.detail, item: .replacement),
                         Decisions.ItemDecision(fingerprint: rewording.fingerprint, decision: .edit, replacement: "the town", detail: rewording.detail)] {
            let filter = DecisionFilter(decisions: Decisions(key: "k", items: [decision]), fingerprinter: fingerprinter)
            XCTAssertTrue(filter.filter(draftFindings, in: redaction.document).0.contains { $0.text == "Kettering" }, decision.decision.rawValue)
        }
    }
}
