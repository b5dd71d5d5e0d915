import CPCRE2

/// A compiled, JIT-compiled PCRE2 pattern over UTF-8 text.
///
/// Compiled once and shared: matching only reads the compiled code, so one `Regex`
/// serves any number of concurrent scans (each scan creates its own match data).
/// Patterns are compiled with `PCRE2_UTF | PCRE2_UCP`; subjects are byte buffers that
/// the caller guarantees to be valid UTF-8 (Swift strings are), so matching passes
/// `PCRE2_NO_UTF_CHECK` — without it every match call re-validates the whole subject.
public final class Regex: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: UInt32(PCRE2_CASELESS))
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        public static let dotAll = Options(rawValue: UInt32(PCRE2_DOTALL))
        public static let extended = Options(rawValue: UInt32(PCRE2_EXTENDED))
        /// Allows scans that only try start positions inside windows (`forEachMatch(in:startingIn:_:)`);
        /// the JIT compiles different code for it, so it is asked for up front.
        public static let offsetLimit = Options(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
        /// Matches only at the start offset (`match(in:at:using:)`), lookbehinds still seeing
        /// the text before it; the JIT compiles it as such (asked at match time, PCRE2 would
        /// fall back to the interpreter).
        public static let anchored = Options(rawValue: UInt32(PCRE2_ANCHORED))
    }

    /// Limits that stop a pathological pattern/subject pair instead of letting it run away.
    public struct Limits: Sendable {
        public var match: UInt32
        public var depth: UInt32
        public init(match: UInt32 = 10_000_000, depth: UInt32 = 100_000) {
            self.match = match
            self.depth = depth
        }
    }

    public let pattern: String
    /// Named groups and their group numbers.
    public let groupNumbers: [String: Int]
    public let captureCount: Int
    /// Whether JIT compilation succeeded (it falls back to the interpreter otherwise).
    public let isJIT: Bool
    /// Whether scans may limit their start positions (compiled with `.offsetLimit`).
    public let allowsOffsetLimit: Bool
    /// Whether it matches only at the start offset (compiled with `.anchored`).
    public let isAnchored: Bool
    /// Whether PCRE2 itself can tell where a match may start — a first code unit, a start of
    /// line, or a set of first code units — and so skips the other positions of a scan at once.
    public let knowsWhereMatchesStart: Bool
    /// Whether the start hint given was compiled before the pattern (`pattern` then begins with it).
    public let usesStartHint: Bool
    let limits: Limits

    private let code: OpaquePointer
    private let matchContext: OpaquePointer?

    public convenience init(_ pattern: String, options: Options = [], limits: Limits = Limits()) throws {
        try self.init(pattern, options: options, limits: limits, startHint: nil)
    }

    /// Compiles `pattern` — or, when PCRE2 cannot tell from it where a match may start and
    /// `startHint` (a lookahead naming the characters every match starts with) is given,
    /// `startHint + pattern`, which it can.
    public init(_ pattern: String, options: Options = [], limits: Limits = Limits(), startHint: String?) throws {
        allowsOffsetLimit = options.contains(.offsetLimit)
        isAnchored = options.contains(.anchored)
        self.limits = limits
        let flags = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | options.rawValue
        var compiled = try Regex.compile(pattern, flags: flags)
        var knows = Regex.knowsWhereMatchesStart(compiled)
        var hinted = false
        if let startHint, !knows {
            do {
                let withHint = try Regex.compile(startHint + pattern, flags: flags)
                pcre2_code_free_8(compiled)
                compiled = withHint
                knows = Regex.knowsWhereMatchesStart(compiled)
                hinted = true
            } catch {
                pcre2_code_free_8(compiled)
                throw error
            }
        }
        code = compiled
        self.pattern = hinted ? startHint! + pattern : pattern
        usesStartHint = hinted
        knowsWhereMatchesStart = knows
        // JIT once, for the pattern kept: it costs several times the compile.
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        let context = pcre2_match_context_create_8(nil)
        if let context {
            pcre2_set_match_limit_8(context, limits.match)
            pcre2_set_depth_limit_8(context, limits.depth)
        }
        matchContext = context

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNumbers = Regex.readNameTable(compiled)
    }

    private static func compile(_ pattern: String, flags: UInt32) throws -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled = pattern.withCString { cString in
            cString.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PCRE2Error.compile(code: errorCode, offset: errorOffset, message: PCRE2Error.message(for: errorCode))
        }
        return compiled
    }

    private static func knowsWhereMatchesStart(_ code: OpaquePointer) -> Bool {
        var firstCodeType: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstCodeType)
        var firstBitmap: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &firstBitmap)
        return firstCodeType != 0 || firstBitmap != nil
    }

    deinit {
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        pcre2_code_free_8(code)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, nameCount > 0 else { return [:] }
        var names: [String: Int] = [:]
        for index in 0..<Int(nameCount) {
            let entry = table + index * Int(entrySize)
            // Each entry: a 2-byte big-endian group number, then the zero-terminated name.
            let number = Int(entry[0]) << 8 | Int(entry[1])
            names[String(cString: entry + 2)] = number
        }
        return names
    }

    /// Calls `body` for every non-overlapping match in `subject` (valid UTF-8), in order.
    /// An empty match advances the scan by one character, so a pattern that is pure
    /// lookahead yields one candidate per position. `body` returns false to stop.
    /// `admitting`: where a match may start — a match found where it says no is passed over as
    /// if the regex did not match there, and the scan goes on from the next character.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, admitting: ((Int) -> Bool)? = nil, _ body: (Match) -> Bool
    ) throws {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return }
        defer { pcre2_match_data_free_8(matchData) }
        try scan(subject, from: start, context: matchContext, matchData: matchData, admitting: admitting, body)
    }

    /// Like `forEachMatch(in:from:_:)`, but only for matches that start inside one of
    /// `windows` (ascending, disjoint byte ranges; a match may start at a window's upper
    /// bound): each window's scan stops there instead of searching the rest of the subject.
    /// Lookarounds and the match itself still see the whole subject, so every match is one
    /// the full scan would find. Needs a regex compiled with `.offsetLimit`.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>, startingIn windows: [Range<Int>], admitting: ((Int) -> Bool)? = nil,
        _ body: (Match) -> Bool
    ) throws {
        precondition(allowsOffsetLimit, "compile the regex with .offsetLimit to limit start positions")
        guard !windows.isEmpty, let context = pcre2_match_context_copy_8(matchContext) else { return }
        defer { pcre2_match_context_free_8(context) }
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return }
        defer { pcre2_match_data_free_8(matchData) }
        var resume = 0
        var stopped = false
        for window in windows where !stopped {
            pcre2_set_offset_limit_8(context, window.upperBound)
            resume = try scan(subject, from: max(window.lowerBound, resume), context: context, matchData: matchData, admitting: admitting) {
                if !body($0) { stopped = true }
                return !stopped
            }
        }
    }

    /// Scans from `start`; returns the offset a following scan must resume from, so that
    /// matches stay non-overlapping across windows.
    @discardableResult
    private func scan(
        _ subject: UnsafeBufferPointer<UInt8>, from start: Int, context: OpaquePointer?, matchData: OpaquePointer,
        admitting: ((Int) -> Bool)?, _ body: (Match) -> Bool
    ) throws -> Int {
        let length = subject.count
        guard let base = subject.baseAddress ?? (length == 0 ? UnsafePointer<UInt8>(bitPattern: 1) : nil) else { return start }
        var offset = start
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        while offset <= length {
            let rc = run(base, length, offset, options, matchData, context)
            if rc == PCRE2_ERROR_NOMATCH { return offset }
            if rc < 0 { throw PCRE2Error.match(code: rc, message: PCRE2Error.message(for: rc)) }
            if let admitting, case let matchStart = Int(pcre2_get_ovector_pointer_8(matchData)![0]), !admitting(matchStart) {
                offset = Regex.resumption(after: matchStart..<matchStart, in: subject)
                continue
            }
            let match = self.match(from: matchData)
            let keepGoing = body(match)
            offset = Regex.resumption(after: match.groups[0] ?? offset..<offset, in: subject)
            if !keepGoing { return offset }
        }
        return offset
    }

    /// The groups of the match `matchData` holds.
    private func match(from matchData: OpaquePointer) -> Match {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(matchData))
        var groups = [Range<Int>?](repeating: nil, count: captureCount + 1)
        for group in 0...min(captureCount, pairs - 1) {
            let lower = ovector[2 * group], upper = ovector[2 * group + 1]
            if lower != Int.max && lower != ~0 && upper >= lower { groups[group] = lower..<upper }
        }
        return Match(groups: groups, names: groupNumbers)
    }

    /// Where a scan goes on after a match: its end, or — after an empty match — the next
    /// character, so that it moves on and stays on a character boundary.
    public static func resumption(after match: Range<Int>, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        guard match.isEmpty else { return match.upperBound }
        var offset = match.upperBound + 1
        while offset < subject.count && (subject[offset] & 0xC0) == 0x80 { offset += 1 }
        return offset
    }

    /// The match starting exactly at `offset` (a character boundary of `subject`), if any.
    /// Lookbehinds see the text before `offset`, so a scan that tries every position a match
    /// can start at, in order, resuming at `resumption(after:in:)`, finds what
    /// `forEachMatch(in:_:)` finds. Needs a regex compiled with `.anchored`, or with
    /// `.offsetLimit` — then an offset limit at `offset` keeps the match there, and the one
    /// compiled regex serves whole-text scans too.
    public func match(in subject: UnsafeBufferPointer<UInt8>, at offset: Int, using data: MatchData) throws -> Match? {
        precondition(isAnchored || allowsOffsetLimit, "compile the regex with .anchored or .offsetLimit to match at one position")
        guard let base = subject.baseAddress ?? (subject.isEmpty ? UnsafePointer<UInt8>(bitPattern: 1) : nil) else { return nil }
        var context = matchContext
        if !isAnchored {
            context = data.context
            pcre2_set_match_limit_8(context, limits.match)
            pcre2_set_depth_limit_8(context, limits.depth)
            pcre2_set_offset_limit_8(context, offset)
        }
        let rc = run(base, subject.count, offset, UInt32(PCRE2_NO_UTF_CHECK), data.pointer, context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error.match(code: rc, message: PCRE2Error.message(for: rc)) }
        return match(from: data.pointer)
    }

    /// One call of the matcher: JIT code directly when there is some (`pcre2_jit_match` skips the
    /// checks `pcre2_match` makes before handing over to it, about half of the library's own cost
    /// of a try, and the candidate scan tries rules at some 300,000 positions a megabyte), the
    /// interpreter otherwise. Subjects are valid UTF-8 (documents are decoded before matching),
    /// which is what `PCRE2_NO_UTF_CHECK` also assumes.
    @inline(__always)
    private func run(
        _ subject: UnsafePointer<UInt8>, _ length: Int, _ offset: Int, _ options: UInt32, _ matchData: OpaquePointer?,
        _ context: OpaquePointer?
    ) -> Int32 {
        isJIT
            ? pcre2_jit_match_8(code, subject, length, offset, options, matchData, context)
            : pcre2_match_8(code, subject, length, offset, options, matchData, context)
    }

    /// Every match in a Swift string, as byte ranges into its UTF-8 view.
    public func matches(in text: String) throws -> [Match] {
        var copy = text
        return try copy.withUTF8 { buffer in
            var found: [Match] = []
            try forEachMatch(in: buffer) { found.append($0); return true }
            return found
        }
    }

    /// The first match in a Swift string, if any.
    public func firstMatch(in text: String) throws -> Match? {
        var copy = text
        return try copy.withUTF8 { buffer in
            var found: Match?
            try forEachMatch(in: buffer) { found = $0; return false }
            return found
        }
    }
}

/// Room for the groups of one match, reused from match to match by one scan (one thread)
/// and shared by the regexes it runs: sized for the one with the most groups.
public final class MatchData {
    let pointer: OpaquePointer
    /// The match context for matches at one position by offset limit (`Regex.match(in:at:using:)`).
    let context: OpaquePointer

    public init(groups: Int) {
        pointer = pcre2_match_data_create_8(UInt32(groups + 1), nil)!
        context = pcre2_match_context_create_8(nil)!
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(pointer)
    }
}

/// One match: byte ranges of the whole match (group 0) and of each capture group.
public struct Match: Sendable {
    public let groups: [Range<Int>?]
    let names: [String: Int]

    /// The byte range of the whole match.
    public var range: Range<Int> { groups[0]! }

    /// The byte range of a named group, or nil when the group did not take part.
    public func range(named name: String) -> Range<Int>? {
        guard let number = names[name], number < groups.count else { return nil }
        return groups[number]
    }

    public func range(at number: Int) -> Range<Int>? {
        number < groups.count ? groups[number] : nil
    }
}

extension String {
    /// The substring of this string at a byte range of its UTF-8 view.
    public func substring(utf8 range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return self[start..<end]
    }
}
