import Foundation
import PCRE2
import PropertyBased
import Testing
import XCTest
@testable import Anonymiser

/// The candidate scan (each rule tried, anchored, only where its start set says a match can
/// begin) finds exactly what the whole-text scan finds: rule by rule, span by span, on the
/// samples, the evaluation corpus (when present) and generated text.
final class CandidateScanTests: XCTestCase {
    /// Every rule's candidates both ways, per rule; the first rule that differs fails the test.
    static func expectSameCandidates(in document: Document, file: String) throws -> Int {
        let detector = Detector(patterns: Fixtures.patterns)
        let tokens = Tokenizer.tokens(in: document.bytes)
        let candidates = try detector.detect(in: document, tokens: tokens)
        let whole = try detector.detect(in: document, tokens: tokens, scan: .wholeText)
        if candidates != whole {
            let rules = Set(candidates.map(\.ruleIndex)).union(whole.map(\.ruleIndex)).sorted()
            for rule in rules {
                let found = candidates.filter { $0.ruleIndex == rule }, expected = whole.filter { $0.ruleIndex == rule }
                XCTAssertEqual(found.map(\.match), expected.map(\.match), "\(Fixtures.patterns.rules[rule].id) in \(file)")
            }
        }
        XCTAssertEqual(candidates, whole, file)
        return whole.count
    }

    func testMostRulesRunAnchored() {
        let regexRules = Fixtures.patterns.rules.filter { if case .regex = $0.matcher { return true } else { return false } }
        let derived = regexRules.filter { StartSet.derive(from: $0.source, caseless: $0.caseless) != nil }
        XCTAssertGreaterThan(derived.count * 10, regexRules.count * 9, "at least 90% of regex rules have a start set")
        let anchored = regexRules.filter { $0.anchoredForm != nil }
        XCTAssertGreaterThan(anchored.count * 2, regexRules.count, "most rules have one selective enough to run anchored")
        XCTAssertNotNil(Fixtures.patterns.rule(id: "residual.place-lives")?.anchoredForm, "a rule led by its words runs anchored")
    }

    func testSamplesFindTheSameBothWays() throws {
        let drafts = Fixtures.samples.appendingPathComponent("drafts")
        let files = try FileManager.default.contentsOfDirectory(at: drafts, includingPropertiesForKeys: nil).filter { $0.pathExtension == "txt" }
        XCTAssertFalse(files.isEmpty)
        var total = 0
        for file in files {
            let document = try Document(contentsOf: file, name: file.lastPathComponent)
            total += try Self.expectSameCandidates(in: document, file: file.lastPathComponent)
            // The text the rules really read (invisible characters gone, Unicode spaces plain).
            total += try Self.expectSameCandidates(in: MatchingView(document).matching, file: file.lastPathComponent)
        }
        XCTAssertGreaterThan(total, 100, "the samples exercise the rules")
    }

    func testEvaluationCorpusFindsTheSameBothWays() throws {
        var total = 0
        for document in try evaluationCorpusDocuments() {
            total += try Self.expectSameCandidates(in: MatchingView(document).matching, file: document.name)
        }
        XCTAssertGreaterThan(total, 1000)
    }

    /// A CRLF draft, an empty one, one that is all white space, one ending mid-word.
    func testEdgeDocumentsFindTheSameBothWays() throws {
        let texts = [
            "", " ", "\n\n", "Mrs Jane Smith lives at 12 Acacia Road, Leeds LS1 4AB.\r\nHer son, aged 7, attends Hillside School.\r\n",
            "Contact: jane@example.com, 07700 900123", "aged", "Mr", "ſam Smith, KING'S COLLEGE", "née Brown",
        ]
        for text in texts { _ = try Self.expectSameCandidates(in: Document(name: "edge", text: text), file: text.debugDescription) }
    }

    // MARK: the start sets read from a regex

    func admitted(_ pattern: String, _ text: String, caseless: Bool = false) -> [Int] {
        guard let starts = StartSet.derive(from: pattern, caseless: caseless) else { return [] }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.characterStarts.filter { starts.admits(buffer, at: $0) }
        }
    }

    func testAWordStartWithALeadIsAdmittedOnlyThere() {
        // Not mid-word ("olives"), and not where the lead goes on otherwise ("Lives" without " in").
        XCTAssertEqual(admitted(#"\b(?:lives?|lived)[ ]in"#, "olives; he lived in Lives"), [11])
        XCTAssertEqual(admitted(#"(?<![\w-])[0-9]{3}"#, "a123 -456 789"), [10])
        XCTAssertEqual(admitted(#"(?m)^From:"#, "From: a\nFrom: b From:"), [0, 8])
        // The two bytes before must be "t " ("Work" passes it after "At ", not "At" after ", ").
        XCTAssertEqual(admitted(#"(?<=\bat )\p{Lu}"#, "at Home, At Work"), [3, 12])
        // A necessary condition only: the byte before must be a space ("At" passes it, not "Home").
        XCTAssertEqual(admitted(#"(?<=\bat[ ]|\b[ ])\p{Lu}"#, "at Home, At Work"), [3, 9, 12])
    }

    func testCaselessLettersAdmitTheirKelvinAndLongSPartners() {
        // "ſ" (U+017F) and "K" (U+212A) match "s" and "k" caselessly.
        XCTAssertEqual(admitted("sam", "ſam Sam sam", caseless: true), [0, 5, 9])
        XCTAssertEqual(admitted("(?i)king", "\u{212A}ing KING"), [0, 7])
        XCTAssertEqual(admitted("sam", "ſam Sam sam"), [9])
        // In a class too, and a non-ASCII member's other case may have another lead byte.
        XCTAssertEqual(admitted("[ſ]am", "ſam Sam sam", caseless: true), [0, 5, 9])
        XCTAssertEqual(admitted("[\u{212A}]ing", "king KING", caseless: true), [0, 5])
        XCTAssertEqual(admitted("[ÿ]es", "ÿes Ÿes", caseless: true), [0, 5])
        XCTAssertEqual(admitted("x[µ]", "xµ xΜ", caseless: true), [0, 4])
    }

    func testACallOfANamedGroupReadsAsTheGroup() {
        // The group is defined after its call, as rules do in (?(DEFINE)…).
        XCTAssertEqual(admitted(#"\b(?&num)(?:st|nd)\b(?(DEFINE)(?<num>[0-9]+))"#, "a 1st b2nd 33rd"), [2, 11])
        // What follows the call joins its leads ("cd" then a space is no start).
        XCTAssertEqual(admitted(#"(?&word)!(?(DEFINE)(?<word>ab|cd))"#, "xab! cd! cd ef"), [1, 5])
        // The options of the definition hold, not those of the call.
        XCTAssertEqual(admitted(#"(?i:(?<w>ab))x(?&w)"#, "abxAB ABxab abxab"), [0, 6, 12])
        XCTAssertEqual(admitted(#"(?<w>ab)x(?i)(?&w)"#, "abxAB ABxab abxab"), [0, 12])
        // A name given twice, a numbered call and a recursion: no better than before.
        XCTAssertNil(StartSet.derive(from: #"(?J)(?<w>a)|(?<w>b)?(?&w)"#))
        XCTAssertNil(StartSet.derive(from: #"(?1)?(a)?"#))
        XCTAssertEqual(admitted(#"(?<r>a(?&r)?b)"#, "aab b"), [0, 1])
    }

    func testALookbehindOfTwoCharactersPinsTheByteBeforeThePrevious() {
        // A capital inside a sentence: after a lower-case letter or comma and a space.
        let inSentence = #"(?<=[\p{Ll},][ \x{A0}])\p{Lu}"#
        XCTAssertEqual(admitted(inSentence, "the Cat. The Dog, Eel"), [4, 13, 18])
        XCTAssertEqual(StartSet.derive(from: inSentence)?.isSelective, true)
        // One branch one character long: the byte two before says nothing.
        XCTAssertEqual(admitted(#"(?<=a|bc)x"#, "zax bcx  x"), [2, 6])
        XCTAssertEqual(StartSet.derive(from: #"(?<=[ ])\p{Lu}"#)?.isSelective, false)
        // After punctuation and a space, any start is rare enough; after a word and a space, not.
        XCTAssertEqual(StartSet.derive(from: #"(?<=,[ \x{A0}])an?\b"#)?.isSelective, true)
        XCTAssertEqual(StartSet.derive(from: #"(?<=\w[ ])an?\b"#)?.isSelective, false)
    }

    func testManyAlternativesKeepTheirLeads() {
        // More alternatives than a piece keeps: those after the same kind of byte become one,
        // leads and all, instead of one admitting every word.
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
                     "kilo", "lima", "mike", "november", "oscar", "papa"]
        let pattern = #"\b(?:"# + words.map { "\($0)|(?<=,)\($0.uppercased())" }.joined(separator: "|") + ")"
        let starts = StartSet.derive(from: pattern)
        XCTAssertNotNil(starts)
        XCTAssertTrue(starts?.isSelective == true, "every alternative keeps a lead")
        XCTAssertEqual(admitted(pattern, "an alphabet,ECHO echo lima, LIMA"), [3, 12, 17, 22])
    }

    /// The table-driven pass over a text stops at exactly the positions each rule's start set
    /// admits.
    func testTheStartIndexStopsWhereTheStartSetsAdmit() {
        let patterns = [#"\b(?:lives?|lived)[ ]in"#, #"(?<![\w-])[0-9]{3}"#, #"(?m)^From:"#, #"(?<=\bat )\p{Lu}"#, #"(?i)king|ſam"#,
                        #"(?<=[,;] )x|\by(?=z)"#, #"[^a-z]x"#, #"\x{212A}"#, #"é+"#, #"(?<=[\p{Ll},][ \x{A0}])\p{Lu}"#]
        let starts = patterns.map { StartSet.derive(from: $0) }
        XCTAssertFalse(starts.contains { $0 == nil })
        let index = StartIndex(starts: starts)
        let texts = ["olives; he lived in Lives at Home, At Work", "a123 -456 789 ,; x y yz", "From: a\nFrom: b From:",
                     "\u{212A}ing KING ſam éé é", "", "x", "(x)[x]", "the Cat. The Dog, Eel é\u{A0}F"]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var visited: [[Int]] = Array(repeating: [], count: patterns.count)
                index.forEachCandidate(in: buffer, active: index.alternatives(of: [Bool](repeating: true, count: patterns.count))) { visited[$1].append($0) }
                for (rule, start) in starts.enumerated() {
                    let expected = buffer.characterStarts.filter { start!.admits(buffer, at: $0) }
                    XCTAssertEqual(visited[rule], expected, "\(patterns[rule]) in \(text.debugDescription)")
                }
                // Rules left out of `active` are never visited.
                var none = 0
                index.forEachCandidate(in: buffer, active: index.alternatives(of: [Bool]())) { _, _ in none += 1 }
                XCTAssertEqual(none, 0)
            }
        }
    }

    /// Where only a line's start (multiline "^") begins a match, the start set is selective: a
    /// record's surname-first line runs anchored.
    func testALineStartIsSelective() throws {
        let record = try XCTUnwrap(StartSet.derive(from: #"(?m:^)[ \t]*\p{Lu}\p{Ll}+,[ ]\p{Lu}"#))
        XCTAssertTrue(record.isSelective)
        XCTAssertEqual(admitted(#"(?m:^)[ \t]*\p{Lu}\p{Ll}+,[ ]\p{Lu}"#, "Smith, J\nHe met Jones, K\n  Lee, M"), [0, 9, 25])
        XCTAssertFalse(StartSet.derive(from: #"(?:(?m:^)|\b)\p{Lu}\p{Ll}+,"#)?.isSelective ?? true, "not when a word start will do too")
        XCTAssertNotNil(Fixtures.patterns.rule(id: "person.record")?.anchoredForm)
    }

    /// The index checks each set's word shape and byte prefix itself, for every rule at once: a
    /// rule is called only where the text after the start has them.
    func testTheStartIndexChecksShapesAndPrefixes() {
        let patterns = [#"\b\p{Lu}\p{Ll}+[ ]+(?:Smith|Jones)"#, #"(?<![\w-])[A-Za-z]{2}[0-9]{2}"#, #"(?<![\w:])[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}"#,
                        #"\b(?:is|was)[ ]"#]
        let starts = patterns.map { StartSet.withPrefixWhenItPays(StartSet.derive(from: $0), of: $0, caseless: false) }
        XCTAssertNotNil(starts[0]?.filteringShape)
        XCTAssertNotNil(starts[1]?.filteringPrefix)
        XCTAssertNotNil(starts[2]?.filteringPrefix)
        let index = StartIndex(starts: starts)
        for text in ["Ann Smith met Bob Brown and Cy\tJones", "ab12 cd 3 ef34x ab1", "0a:1b de:ad be:e a:bc", "is was is", "Ann", "ab"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var visited: [[Int]] = Array(repeating: [], count: patterns.count)
                index.forEachCandidate(in: buffer, active: index.alternatives(of: [Bool](repeating: true, count: patterns.count))) { visited[$1].append($0) }
                for (rule, start) in starts.enumerated() {
                    let expected = buffer.characterStarts.filter { position in
                        start!.admits(buffer, at: position) && (start!.filteringShape?.admits(buffer, at: position) ?? true)
                            && (start!.filteringPrefix?.admits(buffer, at: position) ?? true)
                    }
                    XCTAssertEqual(visited[rule], expected, "\(patterns[rule]) in \(text.debugDescription)")
                }
            }
        }
        let names = Array("Ann Smith met Bob Brown".utf8)
        names.withUnsafeBufferPointer { buffer in
            var visited: [Int] = []
            index.forEachCandidate(in: buffer, active: index.alternatives(of: [true])) { position, _ in visited.append(position) }
            XCTAssertEqual(visited, [0], "\"Bob Brown\" has no surname of the list after it")
        }
    }

    /// `patterns profile` counts the positions each anchored rule's regex ran at; a rule that
    /// scans the text has no count.
    func testTheProfileCountsEachAnchoredRulesTries() throws {
        let documents = [Document(name: "a", text: "Mrs Jane Whitfield is 78. She lives in Leeds.\nSMITH, Jane\n")]
        let entries = try PatternProfiler(patterns: Fixtures.patterns).profile(documents)
        let titled = try XCTUnwrap(entries.first { $0.ruleID == "person.titled" })
        XCTAssertGreaterThanOrEqual(titled.tries ?? -1, titled.candidates)
        XCTAssertGreaterThan(titled.tries ?? 0, 0)
        let scanning = try XCTUnwrap(entries.first { $0.ruleID == "person.staff-before" })
        XCTAssertNil(scanning.tries, "it scans the text")
    }

    func testPatternsWithoutAVouchedStartScanTheWholeText() {
        for pattern in [#"a?"#, #"(?=x)"#, #"\Gabc"#, #"a\Kb"#, #"(?x)a b"#, #"(*SKIP)ab"#, #"\Qab\E"#, #"a{,3}b"#, #"(?:)"#, ".*", #"\0a"#] {
            XCTAssertNil(StartSet.derive(from: pattern), pattern)
        }
    }
}

/// Generated text: fragments of every rule's own examples, the words its matches begin with,
/// and awkward characters, joined at random. On each, every rule finds the same both ways, and
/// for a set of awkward patterns every position where the anchored regex matches is admitted
/// by its start set.
@Suite struct CandidateScanPropertyTests {
    static let fragments: [String] = {
        var pieces = Fixtures.patterns.rules.flatMap { rule in rule.examples.match.map(\.text) + rule.examples.noMatch }
        for rule in Fixtures.patterns.rules {
            for alternative in rule.anchoredForm?.units.flatMap(\.starts.alternatives) ?? [] {
                pieces += (alternative.leads ?? []).prefix(4).map { String(decoding: $0, as: UTF8.self) }
            }
        }
        pieces += ["ſ", "\u{212A}", "é", "’", "‘", "“", "\u{A0}", "\u{2009}", "\t", "\n", "\r\n", " ", ",", ".", "(", "-", "'", "Mr", "MRS", "aged 7"]
        return pieces
    }()

    static let texts = Gen.int(in: 0...1_000_000).array(of: 1...14).map { picks in
        picks.map { pick in
            let fragment = fragments[pick % fragments.count]
            // Sometimes a piece of a fragment, to start and end matches mid-way.
            let cut = pick / fragments.count % 4 == 0 ? String(fragment.dropFirst(pick % 3)) : fragment
            return cut + [" ", "", "\n", ", "][pick / 7 % 4]
        }.joined()
    }

    @Test func everyRuleFindsTheSameBothWaysOnGeneratedText() async throws {
        let detector = Detector(patterns: Fixtures.patterns)
        await propertyCheck(count: 150, input: Self.texts) { text in
            let document = Document(name: "generated", text: text)
            let tokens = Tokenizer.tokens(in: document.bytes)
            let candidates = try? detector.detect(in: document, tokens: tokens)
            let whole = try? detector.detect(in: document, tokens: tokens, scan: .wholeText)
            #expect(candidates == whole, "\(text.debugDescription)")
        }
    }

    /// The analysis's own regexes (house-style pseudonyms, council names), run where their start
    /// admits a position (`AnchoredScan`), find what a scan of the whole text finds, groups and all.
    @Test func theAnalysisRegexesFindTheSameAnchored() async throws {
        let patterns = [HouseStyleRules.titledPattern, HouseStyleRules.relatedPattern, AuthorityNames.pattern]
        let scans = try patterns.map { try AnchoredScan($0) }
        let anchored = scans.filter(\.isAnchored).count
        #expect(anchored == patterns.count, "each has a selective start")
        let pool = Self.fragments + ["Mrs X", "Mr and Mrs Y", "her son, Z", "his mother B", "Child C", "Mr A Patel", "Mrs O'Brien",
                                    "West Berkshire Council", "Kingston upon Hull City Council", "the Council", "Borough Council"]
        let texts = Gen.int(in: 0...1_000_000).array(of: 1...12).map { picks in
            picks.map { pool[$0 % pool.count] + [" ", "", "\n", ", "][$0 / 7 % 4] }.joined()
        }
        func spans(_ each: ((Match) -> Bool) throws -> Void) -> [[Range<Int>?]] {
            var found: [[Range<Int>?]] = []
            try? each { found.append($0.groups); return true }
            return found
        }
        await propertyCheck(count: 150, input: texts) { text in
            Array(text.utf8).withUnsafeBufferPointer { buffer in
                for scan in scans {
                    let anchored = spans { try scan.forEachMatch(in: buffer, $0) }
                    let whole = spans { try scan.regex.forEachMatch(in: buffer, $0) }
                    #expect(anchored == whole, "\(scan.regex.pattern.prefix(40)) in \(text.debugDescription)")
                }
            }
        }
    }

    static let awkward = [
        #"\b(?:is|was)[ ]+(?:aged[ ]+)?[0-9]+"#, #"(?i)(?<![\w-])k?sam\b"#, #"(?<=\p{Ll}[ ])\p{Lu}\p{Ll}+"#, #"(?m)^[ \t]*(?:Re|Subject):"#,
        #"(?|(?<=[,;] )x|\by(?=z))"#, #"(?<![^\n])(?:[•*-][ ]*)?\p{Lu}"#, #"(?i:ſt|street)"#, #"[^\S\n]*\bMr\b"#, #"(?:\B|\b)ab"#,
        #"(?=[A-Z])(?!The)\p{Lu}\w+"#, #"(?:x?)+(?:é|É)"#, #"\d+(?:st|nd)?\b|\(\d\)"#, #"(?<!\bMr )[A-Z][a-z]+"#, "(?i)ſ", "[^a-z]x",
        #"(?:(?i)AB|cd)e"#, #"(a)\1|b"#, #"(?(DEFINE)(?<w>\w+))(?&w)!"#, #"(?>\p{L}+)[.]"#, #"[\x{A0}\t ]x"#, #"\x{212A}"#,
        #"(?&t)[ ]\p{Lu}(?(DEFINE)(?<t>(?i:mr|mrs|ms)))"#, #"(?<r>x(?&r)?y)"#, #"(?i:(?<w>sam))[ ](?&w)"#,
        #"\b(?:is|was|am|are|be|been|has|had|have|do|did|does|can|may|might|will|would)[ ]\p{Lu}"#,
        #"(?<=[\p{Ll},][ \x{A0}])\p{Lu}\p{Ll}+"#, #"(?<=ab|c)d"#, #"(?<=\w\s)\p{Lu}"#, #"(?<=é[ ])x|(?<=[.]\n)Y"#,
    ]

    /// A regex compiled with `.offsetLimit` and matched at one position (as the detector runs a
    /// rule's own regex) finds what the same regex compiled `.anchored` finds there, groups and all.
    @Test func anOffsetLimitMatchesLikeAnAnchoredRegex() async throws {
        let pairs = try Self.awkward.flatMap { pattern in
            try [false, true].map { caseless -> (Regex, Regex) in
                let options: Regex.Options = caseless ? .caseless : []
                return (try Regex(pattern, options: options.union(.anchored)), try Regex(pattern, options: options.union(.offsetLimit)))
            }
        }
        let pool = Self.fragments + ["ſt", "ST", "\u{212A}SAM", "sam", "ab", "Mr", "Re:", "x", "xy", "xxyy", "É", "ée", "(1)", "2nd", "Is 4", "z", "!"]
        let texts = Gen.int(in: 0...1_000_000).array(of: 1...10).map { picks in
            picks.map { pool[$0 % pool.count] + [" ", "", "\n", ", "][$0 / 5 % 4] }.joined()
        }
        await propertyCheck(count: 100, input: texts) { text in
            let bytes = Array(text.utf8)
            let data = MatchData(groups: 8)
            bytes.withUnsafeBufferPointer { buffer in
                for (anchored, limited) in pairs {
                    for position in buffer.characterStarts {
                        let expected = try? anchored.match(in: buffer, at: position, using: data)
                        let found = try? limited.match(in: buffer, at: position, using: data)
                        #expect(found?.groups == expected?.groups, "\(anchored.pattern) at \(position) of \(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func everyAnchoredMatchStartsAtAnAdmittedPosition() async throws {
        let regexes = try Self.awkward.flatMap { pattern in
            try [false, true].compactMap { caseless -> (StartSet, Regex)? in
                guard let starts = StartSet.derive(from: pattern, caseless: caseless) else { return nil }
                return (starts, try Regex(pattern, options: caseless ? [.caseless, .anchored] : .anchored))
            }
        }
        #expect(regexes.count > 30)
        let extra = ["ſt", "ST", "\u{212A}SAM", "sam", "ab", "cde", "Mr", "Re:", "x", "É", "ée", "\u{A0}x", "(1)", "2nd", "Is 4", "aged 9", "z", "!"]
        await Self.expectAdmittedWhereverTheyMatch(regexes, extra: extra) { $0.admits($1, at: $2) }
    }

    /// On generated text (the fragments and `extra`, joined at random), wherever one of `regexes`
    /// (compiled anchored) matches, `admits` holds for the check read from it.
    static func expectAdmittedWhereverTheyMatch<Check>(
        _ regexes: [(Check, Regex)], extra: [String], admits: @escaping (Check, UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) async {
        let texts = Gen.int(in: 0...1_000_000).array(of: 1...10).map { picks in
            picks.map { pick in
                let pool = fragments + extra + extra
                return pool[pick % pool.count] + [" ", "", "\n", ", "][pick / 5 % 4]
            }.joined()
        }
        await propertyCheck(count: 150, input: texts) { text in
            let bytes = Array(text.utf8)
            let data = MatchData(groups: 4)
            bytes.withUnsafeBufferPointer { buffer in
                for (check, regex) in regexes {
                    for position in buffer.characterStarts {
                        guard (try? regex.match(in: buffer, at: position, using: data)) != nil else { continue }
                        #expect(admits(check, buffer, position), "\(regex.pattern) at \(position) of \(text.debugDescription)")
                    }
                }
            }
        }
    }
}
