import Foundation
import Yams

/// The file `anonymise case import REF FILE.yaml` reads: a list of parties, under
/// `parties:` or as the whole document.
///
/// ```yaml
/// parties:
///   - name: Jane Whitfield
///     title: Mrs
///     role: complainant
///     pseudonym: Mrs X          # optional: chosen in advance
///     aliases: [Janey, Jane Smith]
///   - name: Tom Whitfield
///     child: true
///     role: son
///   - name: Priya Shah
///     title: Ms
///     staff: true
///     role: the social worker   # staff are published by role
///     note: allocated 2024
/// ```
///
/// Fields: name (required), surname, title, role, pseudonym, alias or aliases, child,
/// staff, kind (adult | child | staff), note. An unknown field is an error, so a typo
/// cannot silently drop an alias.
public enum PartyFile {
    static let fields: Set<String> = ["name", "surname", "title", "role", "pseudonym", "alias", "aliases", "child", "staff", "kind", "note"]

    public static func load(_ url: URL) throws -> [Party] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw InputError(path: url.path, problem: InputError.describe(error, reading: url))
        }
        return try parse(text, source: url.path)
    }

    public static func parse(_ text: String, source: String) throws -> [Party] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw InputError(path: source, problem: "is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        var list = root?.sequence
        if list == nil, let mapping = root?.mapping {
            let keys = Array(mapping.keys.compactMap(\.string))
            guard keys == ["parties"], let parties = mapping["parties"]?.sequence else {
                throw InputError(path: source, problem: "expected a list of parties, or `parties:` with a list")
            }
            list = parties
        }
        guard let list, !list.isEmpty else { throw InputError(path: source, problem: "lists no parties") }

        return try list.enumerated().map { number, node in
            func fail(_ problem: String) -> InputError {
                let line = node.mark.map { " (line \($0.line))" } ?? ""
                return InputError(path: source, problem: "party \(number + 1)\(line): \(problem)")
            }
            guard let mapping = node.mapping else { throw fail("expected fields such as `name:` and `title:`") }
            var values: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.string, fields.contains(name) else {
                    throw fail("unknown field \(key.string.map { $0.debugDescription } ?? "?") (known: \(fields.sorted().joined(separator: ", ")))")
                }
                values[name] = value
            }
            func string(_ field: String) throws -> String? {
                guard let node = values[field], node.null == nil else { return nil }
                guard let scalar = node.scalar else { throw fail("`\(field)` must be text") }
                return scalar.string
            }
            func flag(_ field: String) throws -> Bool {
                guard let node = values[field] else { return false }
                guard let value = node.bool else { throw fail("`\(field)` must be true or false") }
                return value
            }
            guard let name = try string("name"), !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("`name` is required") }
            var aliases: [String] = []
            if let single = try string("alias") { aliases.append(single) }
            if let node = values["aliases"] {
                if let sequence = node.sequence {
                    for item in sequence {
                        guard let scalar = item.scalar else { throw fail("`aliases` must be a list of names") }
                        aliases.append(scalar.string)
                    }
                } else if let scalar = node.scalar {
                    aliases.append(scalar.string)
                } else {
                    throw fail("`aliases` must be a list of names")
                }
            }
            var kind = Person.Kind.adult
            if let text = try string("kind") {
                guard let parsed = Person.Kind(rawValue: text.lowercased()) else { throw fail("`kind` must be adult, child or staff") }
                kind = parsed
            }
            let (child, staff) = (try flag("child"), try flag("staff"))
            if child && staff { throw fail("a party cannot be both a child and staff") }
            if child { kind = .child }
            if staff { kind = .staff }
            return Party(name: name, surname: try string("surname"), title: try string("title"), role: try string("role"),
                         pseudonym: try string("pseudonym"), aliases: aliases, kind: kind, note: try string("note"))
        }
    }
}
