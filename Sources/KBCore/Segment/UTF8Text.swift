import Foundation

/// Small helpers for scanning text as UTF-8 bytes. Building a String one scalar at a time
/// (`String.UnicodeScalarView.append`) costs hundreds of instructions a scalar; the stages
/// scan bytes instead, copy the bytes they keep into a buffer and make one String of it.
/// Every helper expects valid UTF-8 (what a Swift String holds).
enum UTF8Text {
    /// Whether Foundation's `CharacterSet.whitespaces` (tab and the space separators) holds `u`.
    @inline(__always)
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? u.value == 0x20 || u.value == 0x09 : whitespaces.contains(u)
    }

    static let whitespaces = CharacterSet.whitespaces

    /// The scalar starting at byte `i`, and its length in bytes.
    @inline(__always)
    static func scalar<C: RandomAccessCollection>(_ b: C, at i: C.Index) -> (Unicode.Scalar, Int) where C.Element == UInt8, C.Index == Int {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            return (Unicode.Scalar(v)!, 2)
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            return (Unicode.Scalar(v)!, 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// The length in bytes of the scalar whose first byte is `b0`.
    @inline(__always)
    static func length(lead b0: UInt8) -> Int {
        b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
    }

    /// Where the scalar before byte `i` starts.
    @inline(__always)
    static func start<C: RandomAccessCollection>(_ b: C, before i: Int) -> Int where C.Element == UInt8, C.Index == Int {
        var k = i - 1
        while k > b.startIndex && !isLead(b[k]) { k -= 1 }
        return k
    }

    /// Whether `b` is the first byte of a scalar (not a continuation byte).
    @inline(__always)
    static func isLead(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }

    /// Appends a scalar's UTF-8 bytes.
    @inline(__always)
    static func append(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let v = u.value
        if v < 0x80 { out.append(UInt8(v)); return }
        if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F)); return
        }
        if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F)); return
        }
        out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
        out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
    }

    /// A String of (valid) UTF-8 bytes.
    @inline(__always)
    static func string<C: Collection>(_ b: C) -> String where C.Element == UInt8 {
        String(decoding: b, as: UTF8.self)
    }

    /// Whether every byte is ASCII.
    @inline(__always)
    static func isASCII<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        !b.contains { $0 >= 0x80 }
    }

    /// `b` with every occurrence of `target` replaced, left to right (bytes compared literally).
    static func replacing(_ b: [UInt8], _ target: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, b.count >= target.count else { return b }
        var out: [UInt8] = []
        var i = 0
        var copied = 0
        while i + target.count <= b.count {
            if b[i] == target[0] && b[i..<(i + target.count)].elementsEqual(target) {
                out += b[copied..<i]
                out += replacement
                i += target.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return b }
        out += b[copied...]
        return out
    }

    /// The byte ranges of the lines of `b`, split at every "\n" and "\r"; empty lines dropped
    /// (as `unicodeScalars.split(whereSeparator:)` does).
    static func lines(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in b.indices where b[i] == 0x0A || b[i] == 0x0D {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if b.count > start { out.append(start..<b.count) }
        return out
    }
}

/// A text as a collection of scalars indexed by code-point offset (what kb's offsets count),
/// with the way back to its UTF-8 bytes: `string(_:)` cuts a String out by scalar offsets without
/// building it a scalar at a time. ASCII text (most sentences) is read straight from its bytes.
struct ScalarText: RandomAccessCollection {
    let bytes: [UInt8]
    /// The scalars, for text beyond ASCII.
    private let decoded: [Unicode.Scalar]?
    /// Where each scalar starts in `bytes`, and the end; nil for ASCII text (the same offsets).
    private let offsets: [Int]?

    init(_ text: String) {
        bytes = Array(text.utf8)
        guard !bytes.withUnsafeBufferPointer(UTF8Text.isASCII) else {
            decoded = nil
            offsets = nil
            return
        }
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            let (u, length) = UTF8Text.scalar(bytes, at: i)
            scalars.append(u)
            offsets.append(i)
            i += length
        }
        offsets.append(bytes.count)
        decoded = scalars
        self.offsets = offsets
    }

    var startIndex: Int { 0 }
    var endIndex: Int { decoded?.count ?? bytes.count }

    @inline(__always)
    subscript(k: Int) -> Unicode.Scalar { decoded?[k] ?? Unicode.Scalar(bytes[k]) }

    /// The byte offset of scalar `k` (or of the end, for `count`).
    @inline(__always)
    func byteOffset(_ k: Int) -> Int { offsets?[k] ?? k }

    /// The UTF-8 bytes of the scalars in `r`.
    func utf8(_ r: Range<Int>) -> ArraySlice<UInt8> { bytes[byteOffset(r.lowerBound)..<byteOffset(r.upperBound)] }

    /// The text of the scalars in `r`.
    func string(_ r: Range<Int>) -> String { UTF8Text.string(utf8(r)) }
}

/// The scalars of UTF-8 bytes, indexed by byte offset: what a scanner needs of
/// `String.UnicodeScalarView` (subscript, `index(after:)`), without its index validation.
struct UTF8Scalars {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }

    @inline(__always)
    subscript(i: Int) -> Unicode.Scalar { UTF8Text.scalar(bytes, at: i).0 }

    @inline(__always)
    func index(after i: Int) -> Int { i + UTF8Text.length(lead: bytes[i]) }

    /// The text of the bytes in `r` (scalar boundaries).
    func string(_ r: Range<Int>) -> String { UTF8Text.string(bytes[r]) }
}
