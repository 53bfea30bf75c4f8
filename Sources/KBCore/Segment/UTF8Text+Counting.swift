import Foundation

extension UTF8Text {
    /// `s.unicodeScalars.count`, counted on the UTF-8 bytes: every scalar has exactly one byte
    /// that is not a continuation byte (10xxxxxx). The view's own count walks scalar by scalar.
    static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var n = 0
            for b in bytes where isLead(b) { n += 1 }
            return n
        }
    }

    /// Whether two strings hold the same bytes (`a.utf8.elementsEqual(b.utf8)`, with memcmp).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }
}
