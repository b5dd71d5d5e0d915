/// What the first few bytes of every match must be, one set of bytes per position — a national
/// insurance number's capital, capital, then a space, dot, dash or digit, then a digit — read
/// mechanically from the regex like the start set (`StartSet`) and checked with a few table reads
/// before the regex runs. A rule that starts at every word (the caseless branch of an identifier
/// rule) is then tried only where the word's next bytes fit.
///
/// The reading runs the regex over the offsets of its first `depth` bytes: every piece of syntax
/// maps each offset it may start at to the offsets it may end at (`depth` standing for "at
/// `depth` or beyond") and records the bytes it may put at each offset on the way (`Transfer`).
/// A character puts its first byte, and continuation bytes after it when it may be non-ASCII; a
/// lookaround puts nothing; a piece the reader cannot vouch for may end anywhere and put anything.
/// At an offset some match may not reach, anything may stand (the text after a short match is no
/// part of it); so the check never turns away a position where the regex matches.
public struct BytePrefix: Sendable, Equatable {
    /// How many bytes are read.
    static let depth = 4

    /// The bytes each of the first `depth` offsets of a match may hold (`.all`: no condition).
    public let bytes: [ByteSet]

    /// Whether `text` at `position` has bytes every match there would have. (The candidate pass
    /// checks it from tables, `StartIndex.prefixRows`; this is the definition its tests hold
    /// those tables to.)
    @inline(__always)
    public func admits(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        for offset in 1..<BytePrefix.depth where bytes[offset] != .all {
            guard position + offset < text.count, bytes[offset].contains(text[position + offset]) else { return false }
        }
        return true
    }

    /// Whether checking it turns away enough to pay for itself: past the first byte, the offsets
    /// that hold no white space admit so few lower-case letters that at most one ordinary word in
    /// twenty gets through (reckoning letters as equally likely) — none at an offset that must hold
    /// a digit, six in twenty-six at each offset of a hexadecimal number.
    var filters: Bool {
        let share = bytes.dropFirst().reduce(1.0) { share, offset in
            guard offset.intersection(StartSet.spaces).isEmpty else { return share }
            return share * Double(offset.intersection(StartSet.lowercase).count) / 26
        }
        return share <= 0.05
    }

    /// The prefix a whole pattern's transfer proves, or nil when it says nothing past the first byte.
    init?(_ transfer: Transfer) {
        let ends = transfer.ends[0]
        // An offset some match may end before (or at) holds anything.
        let shortest = (0...BytePrefix.depth).first { ends & (1 << $0) != 0 } ?? BytePrefix.depth
        let bytes = (0..<BytePrefix.depth).map { $0 < shortest ? transfer.seen[$0] : .all }
        guard bytes.dropFirst().contains(where: { $0 != .all }) else { return nil }
        self.bytes = bytes
    }

    /// A transfer on the heap (see `StartSet.Summary.prefixBox`).
    final class Box: Sendable {
        let transfer: Transfer
        init(_ transfer: Transfer) { self.transfer = transfer }
        static let identity = Box(.identity)
    }

    /// What a piece of a pattern does, from each offset it may start at: where it may end
    /// (`ends[start]`, bit `k` for offset `k`, bit `depth` for `depth` or beyond) and the bytes it
    /// may put at each offset (`seen[start * depth + offset]`).
    /// (Fixed-size storage: the reader makes one for every piece of every pattern.)
    struct Transfer: PatternTransfer {
        var ends: InlineArray<4, UInt8>
        var seen: InlineArray<16, ByteSet>

        static let depth = BytePrefix.depth
        static let beyond = UInt8(1 << depth)

        static func == (lhs: Transfer, rhs: Transfer) -> Bool {
            for index in 0..<depth where lhs.ends[index] != rhs.ends[index] { return false }
            for index in 0..<depth * depth where lhs.seen[index] != rhs.seen[index] { return false }
            return true
        }

        /// A piece that consumes nothing.
        static let identity = Transfer(ends: InlineArray { UInt8(1 << $0) }, seen: InlineArray(repeating: .none))

        /// A piece that may consume anything.
        static let top = Transfer(
            ends: InlineArray { start in (start...depth).reduce(UInt8(0)) { $0 | UInt8(1 << $1) } },
            seen: InlineArray { $0 % depth >= $0 / depth ? .all : .none })

        /// One character of `characters`.
        static func character(_ characters: StartSet.Characters) -> Transfer {
            var result = Transfer(ends: InlineArray(repeating: 0), seen: InlineArray(repeating: .none))
            // A non-ASCII character: its lead byte says its length (C2–DF two bytes, E0–EF three,
            // F0–F4 four), then continuation bytes.
            let leads = characters.mayHigh
            let lengths = [(2, ByteSet(range: 0xC2...0xDF)), (3, ByteSet(range: 0xE0...0xEF)), (4, ByteSet(range: 0xF0...0xF4))]
                .filter { !$0.1.intersection(leads).isEmpty }.map(\.0)
            for start in 0..<depth {
                if !characters.mayASCII.isEmpty { result.ends[start] |= UInt8(1 << min(start + 1, depth)) }
                result.seen[start * depth + start] = characters.firstBytes
                for length in lengths { result.ends[start] |= UInt8(1 << min(start + length, depth)) }
                guard let longest = lengths.last else { continue }
                for offset in start + 1..<max(start + 1, min(start + longest, depth)) {
                    result.seen[start * depth + offset] = ByteSet(range: 0x80...0xBF)
                }
            }
            return result
        }

        /// One ASCII character, as a literal reads it (with its other case when caseless).
        static func ascii(_ byte: UInt8, caseless: Bool) -> Transfer {
            caseless ? caselessASCII[Int(byte)] : plainASCII[Int(byte)]
        }
        private static let plainASCII = asciiTable(caseless: false), caselessASCII = asciiTable(caseless: true)

        /// This piece, then `following`.
        func then(_ following: Transfer) -> Transfer {
            let depth = Transfer.depth
            var result = self
            for start in 0..<depth {
                var ends = self.ends[start] & Transfer.beyond
                for middle in start..<depth where self.ends[start] & UInt8(1 << middle) != 0 {
                    ends |= following.ends[middle]
                    for offset in middle..<depth { result.seen[start * depth + offset].formUnion(following.seen[middle * depth + offset]) }
                }
                result.ends[start] = ends
            }
            return result
        }

        /// This piece or `other`.
        func or(_ other: Transfer) -> Transfer {
            var result = self
            for index in 0..<Transfer.depth { result.ends[index] |= other.ends[index] }
            for index in 0..<Transfer.depth * Transfer.depth { result.seen[index].formUnion(other.seen[index]) }
            return result
        }

        /// This piece repeated `minimum` to `maximum` times (nil: any number). A few repetitions are
        /// read one by one (a postcode's "[A-Z]{2}" is two letters, "[ .-]?" one separator or none);
        /// more, as any number more (a wider reading, never a narrower one).
        func repeated(minimum: Int, maximum: Int?) -> Transfer {
            if maximum == 0 { return .identity }
            var result = Transfer.identity
            for _ in 0..<min(minimum, Transfer.depth) { result = result.then(self) }
            if let maximum, minimum <= Transfer.depth, maximum - minimum <= Transfer.depth {
                // A few optional ones more ("[ .-]?" is one separator or none, not several).
                let optional = Transfer.identity.or(self)
                for _ in minimum..<maximum { result = result.then(optional) }
                return result
            }
            return result.then(zeroOrMore)
        }
    }
}
