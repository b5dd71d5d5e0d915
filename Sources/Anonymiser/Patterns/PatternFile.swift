import Foundation
import Yams

/// The YAML shape of a pattern file (see Patterns/SCHEMA.md).
struct PatternFile: Decodable {
    var rules: [RuleSpec]

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
