import Foundation
import Yams

/// The YAML shape of a pattern file (see Patterns/SCHEMA.md): rules, and named regex
/// fragments the rules of every file of the set can use (`{{name}}`, see `FragmentTable`).
struct PatternFile: Decodable {
    var rules: [RuleSpec]
    var fragments: [String: FragmentSpec]

    enum CodingKeys: String, CodingKey { case rules, fragments }

    init(from decoder: Decoder) throws {
        let keyed = try decoder.container(keyedBy: CodingKeys.self)
        guard keyed.contains(.rules) || keyed.contains(.fragments) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "has neither `rules` nor `fragments`"))
        }
        rules = try keyed.decodeIfPresent([RuleSpec].self, forKey: .rules) ?? []
        fragments = try keyed.decodeIfPresent([String: FragmentSpec].self, forKey: .fragments) ?? [:]
    }

    /// Decodes a pattern file's bytes; `file` names it in errors.
    static func decode(_ data: Data, file: String) throws -> PatternFile {
        do {
            return try YAMLDecoder().decode(PatternFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw PatternError(file: file, problem: "missing `\(key.stringValue)`" + location(context))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            throw PatternError(file: file, problem: context.debugDescription + location(context))
        } catch {
            throw PatternError(file: file, problem: "is not a valid pattern file: \(error)")
        }
    }

    private static func location(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "" : " at " + path
    }

    /// A fragment: regex text, or a list of alternatives written one by one (joined with "|").
    struct FragmentSpec: Decodable {
        /// As written: one piece, or the items of the list.
        var pieces: [String]
        var text: String { pieces.joined(separator: "|") }

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let text = try? single.decode(String.self) {
                pieces = [text]
            } else {
                pieces = try single.decode([String].self)
            }
        }
    }

    struct RuleSpec: Decodable {
        var id: String
        var category: String
        var description: String
        var regex: String?
        var startsWith: String?
        var list: String?
        var ambiguous: String?
        var caseless: Bool?
        var validator: String?
        var firstWordIn: String?
        var confidence: Double
        var action: Rule.Action
        var placeholder: String?
        var reason: String?
        var suggestion: String?
        var generalise: String?
        var wholeName: Bool?
        var requires: [String]?
        var examples: ExamplesSpec

        enum CodingKeys: String, CodingKey {
            case id, category, description, regex, list, ambiguous, caseless, validator, confidence, action, placeholder
            case reason, suggestion, generalise, requires, examples
            case startsWith = "starts-with"
            case wholeName = "whole-name"
            case firstWordIn = "first-word-in"
        }
    }

    struct ExamplesSpec: Decodable {
        var match: [PositiveSpec]
        var noMatch: [String]?

        enum CodingKeys: String, CodingKey {
            case match
            case noMatch = "no-match"
        }
    }

    /// A positive example: a plain string, or `{text, value}`.
    struct PositiveSpec: Decodable {
        var text: String
        var value: String?

        init(from decoder: Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
                self.text = text
                return
            }
            let keyed = try decoder.container(keyedBy: CodingKeys.self)
            text = try keyed.decode(String.self, forKey: .text)
            value = try keyed.decodeIfPresent(String.self, forKey: .value)
        }

        enum CodingKeys: String, CodingKey { case text, value }
    }
}
