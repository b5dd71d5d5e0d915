import Foundation
import PackagePlugin

/// Compiles the repository's `Patterns/` folder into the BuiltInPatterns target: a build
/// command that reruns whenever a pattern file or word list changes (or one is added or
/// removed), so the YAML stays the one source of truth.
@main
struct EmbedPatterns: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directory.appending("Patterns")
        let lists = folder.appending("lists")
        func files(_ directory: Path, _ accept: (String) -> Bool) -> [Path] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.string)) ?? []
            return names.filter(accept).sorted().map { directory.appending($0) }
        }
        let inputs = files(folder) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } + files(lists) { $0.hasSuffix(".txt") }
        let output = context.pluginWorkDirectory.appending("BuiltInPatternFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in patterns (\(inputs.count) files)",
            executable: try context.tool(named: "pattern-embedder").path,
            arguments: [folder.string, output.string],
            // The folders too: adding or removing a file changes them.
            inputFiles: inputs + [folder, lists],
            outputFiles: [output])]
    }
}
