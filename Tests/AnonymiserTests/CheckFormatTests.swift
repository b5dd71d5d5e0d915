import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Anonymiser

/// The output formats of `anonymise check`: text, JSON, SARIF 2.1.0 (validated against the
/// official schema), JUnit XML (parsed) and GitHub workflow commands — all masked by default.
final class CheckFormatTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let drafts = [
        ("cases/a.txt", "Complainant: Mrs Jane Whitfield\nTelephone: 07700 900123\n\nMrs Whitfield complains about the Council.\n"),
        ("cases/b & c.txt", "Mrs X says her son moved to Oakwood Primary School. Miss X agreed.\n"),
        ("cases/clean.txt", "Mrs X complained. The Council agreed to apologise.\n"),
    ]

    func report(failOn: CheckLevel = .warning) throws -> CheckReport { try CheckFormatTests.report(failOn: failOn) }

    static func report(failOn: CheckLevel = .warning) throws -> CheckReport {
        let run = CheckRun(checker: CheckRulesTests.checker, failOn: failOn)
        let files = try drafts.map { try run.check(Document(name: $0.0, text: $0.1)) }
        return CheckReport(files: files, failOn: failOn, catalogue: CheckRulesTests.checker.catalogue)
    }

    func render(_ format: CheckFormat, showValues: Bool = false) throws -> String {
        format.reporter(showValues: showValues, catalogue: CheckRulesTests.checker.catalogue).render(try report())
    }

    func testEveryFormatMasksValuesUnlessAsked() throws {
        for format in CheckFormat.allCases {
            var output = try render(format)
            if format == .sarif {
                // The rule descriptions quote the pattern files' own (invented) examples: look at the results.
                let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
                let run = (object?["runs"] as? [[String: Any]])?.first
                output = String(decoding: try JSONSerialization.data(withJSONObject: run?["results"] ?? []), as: UTF8.self)
            }
            for secret in ["Whitfield", "Jane", "900123", "Oakwood"] {
                XCTAssertFalse(output.contains(secret), "\(format) shows \(secret)")
            }
            XCTAssertTrue(try render(format, showValues: true).contains("Whitfield"), "\(format) --show-values")
        }
    }

    func testTextIsOneLinePerFindingThenASummary() throws {
        let lines = try render(.text).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "cases/a.txt:1:14: error: name.titled: titled name that is not a pseudonym — Mrs J*** W********")
        XCTAssertTrue(lines.contains("cases/a.txt:2:12: error: contact.phone-mobile: direct identifier (phone) about to be published — 07*** ******"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("cases/b & c.txt:1:") && $0.contains(": note: residual.") })
        XCTAssertEqual(lines.last, "3 files checked: 3 errors, 1 warning, 1 note; 2 files fail at --fail-on warning")
    }

    func testJSONHasTheSummaryFilesAndFindings() throws {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try render(.json).utf8)) as? [String: Any])
        XCTAssertEqual(object["failOn"] as? String, "warning")
        XCTAssertEqual(object["fails"] as? Bool, true)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["files"], 3)
        XCTAssertEqual(summary["failedFiles"], 2)
        XCTAssertEqual(summary["error"], 3)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let first = try XCTUnwrap(findings.first)
        XCTAssertEqual(first["rule"] as? String, "name.titled")
        XCTAssertEqual(first["line"] as? Int, 1)
        XCTAssertEqual(first["column"] as? Int, 14)
        XCTAssertEqual(first["start"] as? Int, 13)
        XCTAssertEqual(first["excerpt"] as? String, "Mrs J*** W********")
        XCTAssertEqual((first["fingerprint"] as? String)?.count, 64)
    }

    func testSARIFIsValidAgainstTheOfficialSchema() throws {
        try validate(sarif: try render(.sarif))
    }

    /// A shard's report says which shard it is, in a place each format has for it.
    func testAShardsReportsSayWhichShardTheyAre() throws {
        let report = try report()
        func render(_ format: CheckFormat) throws -> String {
            let stream = CheckReportStream(reporter: format.reporter(catalogue: report.catalogue), failOn: report.failOn)
            stream.noteShard(ShardScope(shard: try Shard(index: 2, count: 5), inputs: 17))
            for file in report.files { try stream.add(file) }
            var output = Data()
            try stream.finish { output.append($0) }
            return String(decoding: output, as: UTF8.self)
        }
        let sarif = try render(.sarif)
        try validate(sarif: sarif)
        let run = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let shard = try XCTUnwrap((run["properties"] as? [String: Any])?[SARIFReporter.shardProperty] as? [String: Any])
        XCTAssertEqual(shard["index"] as? Int, 2)
        XCTAssertEqual(shard["count"] as? Int, 5)
        XCTAssertEqual(shard["inputs"] as? Int, 17)
        XCTAssertEqual(shard["files"] as? Int, 3)
        XCTAssertEqual(shard["failOn"] as? String, "warning")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try render(.json).utf8)) as? [String: Any])
        XCTAssertEqual(json["shard"] as? [String: Int], ["index": 2, "count": 5, "inputs": 17])
        let junit = try render(.junit)
        XCTAssertTrue(XMLParser(data: Data(junit.utf8)).parse())
        XCTAssertTrue(junit.contains("<property name=\"anonymise.shard\" value=\"2/5\"/>"), junit)
        XCTAssertTrue(try render(.text).hasSuffix("\n3 of 17 files checked (shard 2/5): 3 errors, 1 warning, 1 note; 2 files fail at --fail-on warning\n"))
    }

    private func validate(sarif: String) throws {
        let schema = CheckFormatTests.repository.appendingPathComponent("Tests/Fixtures/sarif-schema-2.1.0.json")
        let instance = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: instance) }
        try Data(sarif.utf8).write(to: instance)
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("no jsonschema"); sys.exit(3)
        schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))
        jsonschema.Draft4Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
        for error in errors: print("/".join(map(str, error.path)), error.message)
        sys.exit(1 if errors else 0)
        """
        let (status, output) = try python(["-c", script, schema.path, instance.path])
        if status == 127 || status == 3 {
            throw XCTSkip("python3 with jsonschema is needed to validate SARIF (pip install jsonschema): \(output)")
        }
        XCTAssertEqual(status, 0, "SARIF does not validate against the SARIF 2.1.0 schema:\n\(output)")
    }

    func testSARIFHasRulesLocationsAndStableFingerprints() throws {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try render(.sarif).utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("name.titled") && ids.contains("contact.phone-mobile") && ids.contains(CheckRuleID.knownName))
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"], "\(rule["id"] ?? "")")
            XCTAssertNotNil((rule["help"] as? [String: Any])?["text"], "\(rule["id"] ?? "")")
        }
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 5)
        let first = results[0]
        XCTAssertEqual(ids[try XCTUnwrap(first["ruleIndex"] as? Int)], first["ruleId"] as? String)
        let location = try XCTUnwrap(((first["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "cases/a.txt")
        XCTAssertEqual((location["region"] as? [String: Any])?["startLine"] as? Int, 1)
        let percentEncoded = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] }
            .compactMap { $0["uri"] as? String }
        XCTAssertTrue(percentEncoded.contains("cases/b%20&%20c.txt"), "\(percentEncoded)")
        let fingerprint = (first["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey]
        // Moving the text down keeps the fingerprint.
        let moved = try CheckRun(checker: CheckRulesTests.checker).check(Document(name: "cases/a.txt", text: "\n\nPreface.\n" + CheckFormatTests.drafts[0].1))
        XCTAssertEqual(moved.findings.first?.fingerprint, fingerprint)
        XCTAssertEqual(moved.findings.first?.start.line, 4)
    }

    func testJUnitParsesAsXMLWithATestCasePerFileAndAFailurePerFinding() throws {
        let xml = try render(.junit)
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = JUnitCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "JUnit output is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(collector.testCases, ["cases/a.txt", "cases/b & c.txt", "cases/clean.txt"])
        XCTAssertEqual(collector.failures["cases/a.txt"], 3)
        XCTAssertEqual(collector.failures["cases/b & c.txt"], 1, "the note is below --fail-on warning: system-out, not a failure")
        XCTAssertNil(collector.failures["cases/clean.txt"])
        XCTAssertEqual(collector.suiteAttributes["tests"], "3")
        XCTAssertEqual(collector.suiteAttributes["failures"], "2")
    }

    func testGitHubWorkflowCommands() throws {
        let lines = try render(.github).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "::error file=cases/a.txt,line=1,col=14,endLine=1,endColumn=32,title=anonymise name.titled::titled name that is not a pseudonym — Mrs J*** W********")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=cases/b & c.txt,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("::notice file=cases/b & c.txt,") })
        XCTAssertEqual(GitHubReporter.property("a,b:c%\n"), "a%2Cb%3Ac%25%0A")
    }

    private func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Collects test cases and their failures from JUnit XML.
private final class JUnitCollector: NSObject, XMLParserDelegate {
    var testCases: [String] = []
    var failures: [String: Int] = [:]
    var suiteAttributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "testsuite": suiteAttributes = attributes
        case "testcase": testCases.append(attributes["name"] ?? "?")
        case "failure": failures[testCases.last ?? "?", default: 0] += 1
        default: break
        }
    }
}

/// The streamed report (what `check` writes for an archive) is byte for byte the report
/// rendered at once, including when it spills to a temporary file.
final class CheckReportStreamTests: XCTestCase {
    func testStreamedReportsEqualRenderedOnesEvenWhenSpilledToDisk() throws {
        let report = try CheckFormatTests.report()
        for format in CheckFormat.allCases {
            let reporter = format.reporter(catalogue: report.catalogue)
            let stream = CheckReportStream(reporter: reporter, failOn: report.failOn, spillBytes: 64)
            for file in report.files { try stream.add(file) }
            var streamed = Data()
            try stream.finish { streamed.append($0) }
            XCTAssertEqual(String(decoding: streamed, as: UTF8.self), reporter.render(report), "\(format)")
            XCTAssertEqual(stream.tally, report.tally, "\(format)")
        }
    }

    func testAnEmptyRunRendersEmptyArrays() throws {
        let catalogue = CheckRulesTests.checker.catalogue
        let report = CheckReport(files: [], failOn: .warning, catalogue: catalogue)
        let json = CheckFormat.json.reporter(catalogue: catalogue).render(report)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual((object["findings"] as? [Any])?.count, 0)
        XCTAssertTrue(json.contains("\"findings\": []"))
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(CheckFormat.sarif.reporter(catalogue: catalogue).render(report).utf8)) as? [String: Any])
        XCTAssertEqual(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count, 0)
    }
}

/// The JSON every report is written in, read back as `report merge` reads it.
final class CheckJSONTests: XCTestCase {
    func testWrittenJSONReadsBackToTheSameBytes() throws {
        let value = CheckJSON.object([
            ("text", .string("quote \" backslash \\ line\nbreak\ttab \u{1} é 😀")), ("n", .int(-42)), ("yes", .bool(true)), ("nothing", .null),
            ("empty", .array([])), ("none", .object([])), ("list", .array([.int(1), .object([("a", .string("b"))])])),
        ])
        var json = JSONWriter()
        json.value(value)
        XCTAssertEqual(try CheckJSON.parse(json.bytes), value)
        var again = JSONWriter()
        again.value(try CheckJSON.parse(json.bytes))
        XCTAssertEqual(again.bytes, json.bytes)
        XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self).split(separator: "\n").first, "{")
    }

    func testOtherWritersEscapesAreRead() throws {
        XCTAssertEqual(try CheckJSON.parse(Array(#"["\u00e9\/\ud83d\ude00\b\f"]"#.utf8)), .array([.string("é/😀\u{8}\u{C}")]))
        for bad in ["[1,]", "{\"a\" 1}", "\"open", "[1] 2", "1.5", "\"\\ud83d\""] {
            XCTAssertThrowsError(try CheckJSON.parse(Array(bad.utf8)), bad)
        }
    }
}
