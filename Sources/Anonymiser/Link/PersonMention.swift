/// One place in the text that refers to a person, with what it says about them.
public struct PersonMention: Sendable {
    public enum Form: String, Sendable {
        /// "Mrs Jane Whitfield", "Mrs Whitfield", "Dr A. Patel"
        case titled
        /// "Mr and Mrs Whitfield": two people, one family letter.
        case couple
        /// "Jane Whitfield", "J Whitfield", "Jane": a name without a title.
        case untitled
        /// "Noor and Sami Haddad": two people, each by given name, sharing a surname.
        case coupleByGivenNames
        /// "the Whitfield family": the family, never "the X family".
        case family
        /// "the Whitfields": the couple where there is one, else the family.
        case familyName
        /// "Ms Priya Shah, the social worker," — replaced whole by the role.
        case staffAppositionAfter
        /// the ", Ms Priya Shah," after "the social worker" — removed.
        case staffAppositionBefore
    }

    /// The bytes this mention replaces.
    public var range: Range<Int>
    public var form: Form
    public var title: Title?
    /// The second title of a couple.
    public var title2: Title?
    /// Given names as written (may be empty).
    public var givenNames: [String]
    /// The second person's given names, for a couple written by given names.
    public var givenNames2: [String] = []
    /// A possessive the replacement must carry ("'s" after "the Whitfields'"), in the draft's apostrophe.
    public var possessive: String?
    /// Initials written in place of given names ("J" in "Mrs J Whitfield").
    public var initials: [Character]
    /// The surname as written, particles included ("van der Berg"); nil for a first name alone.
    public var surname: String?
    /// A relation written beside the name ("son", "late father").
    public var relation: String?
    /// The relation follows the name and names whose relative they are ("Mrs Nwosu, Adaeze's
    /// mother"): someone other than the complainant.
    public var relationFollowsName = false
    /// Whose relative they are, when named ("adaeze" in "Adaeze's mother"), normalised.
    public var relationOwner: String?
    /// "her" or "his" before the relation: "her mother, Mrs Whitfield" is not a female complainant.
    public var relationPronoun: String?
    /// For a staff apposition, the name alone ("Ms Priya Shah" of "Ms Priya Shah, the social worker,").
    public var nameRange: Range<Int>?
    /// A staff or representative role written beside the name ("the social worker").
    public var role: String?
    /// The mention introduces the complainant ("Complainant:", "the complainant, Mr ...").
    public var marksComplainant: Bool
    /// The rule that found it (`person.propagated` for forms found from a known person).
    public var ruleID: String
    /// Index into the linker's people.
    public var person: Int?
    /// For a couple, the second person.
    public var person2: Int?

    var hasName: Bool { !givenNames.isEmpty || surname != nil }
}
