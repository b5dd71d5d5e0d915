import Foundation

// Writes a Swift source file holding the built-in pattern files, for the EmbedPatterns
// build-tool plugin: pattern-embedder PATTERNS_DIR OUTPUT.swift
//
// Every `*.yaml`/`*.yml` at the top of the folder and every `lists/*.txt` is embedded by
// its path inside the folder, base64-encoded (exact bytes, no escaping, and a literal the
// compiler reads in well under a second).

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: pattern-embedder PATTERNS_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

func names(_ subfolder: String, _ accept: (String) -> Bool) throws -> [String] {
    let directory = subfolder.isEmpty ? folder : folder.appendingPathComponent(subfolder)
    guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter(accept).sorted()
        .map { subfolder.isEmpty ? $0 : subfolder + "/" + $0 }
}

do {
    let paths = try names("") { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } + names("lists") { $0.hasSuffix(".txt") }
    guard !paths.isEmpty else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path]) }
    var source = "// Generated from Patterns/ by the EmbedPatterns build-tool plugin (Sources/PatternEmbedder): do not edit.\n\n"
    source += "extension BuiltInPatterns {\n    static let embeddedFiles: [(String, StaticString)] = [\n"
    for path in paths {
        let data = try Data(contentsOf: folder.appendingPathComponent(path))
        source += "        (\"\(path)\", \"\(data.base64EncodedString())\"),\n"
    }
    source += "    ]\n}\n"
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("pattern-embedder: \(folder.path): \(error.localizedDescription)\n".utf8))
    exit(1)
}
