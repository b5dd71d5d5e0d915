import Anonymiser
import Foundation
import XCTest

/// The documented install: the binary alone, copied anywhere on the PATH, works from any
/// folder, with its built-in rules and never a stray `Patterns/` folder it happens to be near.
final class InstallTests: CommandLineTestCase {
    func testACopiedBinaryOnThePathWorksFromAnyFolder() throws {
        let bin = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTestCase.binary, to: bin.appendingPathComponent("anonymise"))
        // A stray, broken pattern folder above the working folder must not be read.
        try write("rules: [ this is not a rule file\n", to: "Patterns/names.yaml")
        try write("Complainant: Mrs Jane Whitfield\n\nMrs Whitfield complains.\n", to: "work/draft.txt")
        let work = scratch.appendingPathComponent("work")

        func anonymise(_ arguments: [String]) throws -> Result {
            // Through env, as a shell would: argv[0] is the bare name found on the PATH.
            let (process, out, err) = self.process(["anonymise"] + arguments, environment: [
                "PATH": bin.path + ":/usr/bin:/bin",
            ])
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.currentDirectoryURL = work
            try process.run()
            return finish(process, out, err)
        }

        let redact = try anonymise(["redact", "draft.txt", "--no-store"])
        XCTAssertEqual(redact.status, 0, redact.stderr)
        XCTAssertEqual(redact.stdout, "Complainant: Mrs X\n\nMrs X complains.\n")
        let test = try anonymise(["patterns", "test"])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertTrue(test.stdout.contains("all pass"), test.stdout)
        let version = try anonymise(["version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        let folder = try PatternFolder(directory: CommandLineTestCase.repository.appendingPathComponent("Patterns"))
        XCTAssertEqual(version.stdout, "anonymise \(Anonymiser.version)\npatterns \(try folder.fingerprint())\n")
    }

    func testAddedRulesComeFromPatternsOrTheEnvironmentAndNeverReplaceTheBuiltInOnes() throws {
        try write("""
            rules:
              - id: mine.tenancy-ref
                category: reference
                description: Our tenancy references.
                regex: '\\b(?<value>TEN-[0-9]{6})\\b'
                confidence: 0.9
                action: replace
                placeholder: "[reference]"
                examples:
                  match: [{ text: "tenancy TEN-123456 ended", value: "TEN-123456" }]

            """, to: "mine/tenancy.yaml")
        let draft = "Mrs Jane Whitfield holds tenancy TEN-123456.\n"
        for environment in [["ANONYMISE_PATTERNS": scratch.appendingPathComponent("mine").path], [:]] {
            let arguments = ["redact", "-", "--no-store"] + (environment.isEmpty ? ["--patterns", "mine"] : [])
            let result = try run(arguments, stdin: draft, environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, "Mrs X holds tenancy [reference].\n", "\(environment)")
        }
    }
}
