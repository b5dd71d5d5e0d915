extension UnsafeBufferPointer where Element == UInt8 {
    /// The positions of UTF-8 text where a character begins (no continuation byte): where the
    /// scans try a rule.
    var characterStarts: [Int] { indices.filter { (self[$0] & 0xC0) != 0x80 } }
}
