import CLibXML2

/// Works out how to decode the page before parsing, and hands libxml2
/// either UTF-8 or (rarely) a charset it converts itself.
///
/// Order:
/// 1. a byte-order mark;
/// 2. bytes that are valid UTF-8 with non-ASCII characters are UTF-8 whatever
///    the page declares (a legacy declaration on a UTF-8 page is a common
///    server mistake, and valid multi-byte UTF-8 is practically never legacy
///    text);
/// 3. mostly-UTF-8 bytes with a few invalid sequences (or invalid bytes on a
///    page declaring UTF-8 that also has valid multi-byte sequences) are
///    repaired to UTF-8 with U+FFFD;
/// 4. the charset declared by `<meta charset>`, `<meta http-equiv
///    content="…; charset=…">` or an XML declaration: ISO-8859-1, US-ASCII
///    and Windows-1252 labels are decoded as Windows-1252 here (as browsers
///    do; iconv rejects the five bytes Windows-1252 leaves undefined), other
///    labels libxml2 knows are left to libxml2;
/// 5. otherwise Windows-1252.
enum HTMLCharset {
    enum Decoding: Equatable {
        /// Valid UTF-8 (or ASCII): parse the bytes from `skip`.
        case utf8(skip: Int)
        /// UTF-8 with invalid sequences: repair, then parse.
        case repairedUTF8(skip: Int)
        /// Decode as Windows-1252 to UTF-8, then parse.
        case windows1252
        /// Let libxml2 convert from this charset.
        case libxml2(String, skip: Int)
    }

    /// The UTF-8 bytes to parse and the encoding name to give libxml2.
    static func prepare(_ bytes: [UInt8]) -> (bytes: [UInt8], skip: Int, encoding: String) {
        switch decoding(for: bytes) {
        case .utf8(let skip):
            return (bytes, skip, "UTF-8")
        case .repairedUTF8(let skip):
            return (Array(String(decoding: bytes[skip...], as: UTF8.self).utf8), 0, "UTF-8")
        case .windows1252:
            return (windows1252ToUTF8(bytes), 0, "UTF-8")
        case .libxml2(let encoding, let skip):
            return (bytes, skip, encoding)
        }
    }

    static func decoding(for bytes: [UInt8]) -> Decoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8Status(bytes).invalid == 0 ? .utf8(skip: 3) : .repairedUTF8(skip: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return .libxml2("UTF-16LE", skip: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .libxml2("UTF-16BE", skip: 2) }

        let status = utf8Status(bytes)
        let label = declaredLabel(bytes)
        if status.invalid == 0 {
            // ISO-2022 encodings are 7-bit: "ASCII" bytes that are not ASCII text.
            if status.multibyte == 0, let label, label.hasPrefix("iso-2022"), isKnownToLibXML2(label) {
                return .libxml2(label, skip: 0)
            }
            return .utf8(skip: 0)
        }
        let declaresUTF8: Bool
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": declaresUTF8 = true
        default: declaresUTF8 = false
        }
        if status.multibyte > 0 && (declaresUTF8 || status.multibyte >= status.invalid) {
            return .repairedUTF8(skip: 0)
        }
        switch label {
        case nil, "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
             "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
             "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819":
            return .windows1252
        case let label?:
            return isKnownToLibXML2(label) ? .libxml2(label, skip: 0) : .windows1252
        }
    }

    /// Counts of valid multi-byte sequences and invalid bytes.
    static func utf8Status(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var multibyte = 0
            var invalid = 0
            var index = 0
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Skip ASCII eight bytes at a time.
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                var value: UInt32
                switch lead {
                case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
                case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
                case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
                default:
                    invalid += 1
                    index += 1
                    continue
                }
                var valid = index + length <= count
                if valid {
                    for offset in 1..<length {
                        let byte = buffer[index + offset]
                        guard byte & 0xC0 == 0x80 else { valid = false; break }
                        value = value << 6 | UInt32(byte & 0x3F)
                    }
                }
                if valid && value >= minimum && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value) {
                    multibyte += 1
                    index += length
                } else {
                    invalid += 1
                    index += 1
                }
            }
            return (multibyte, invalid)
        }
    }

    /// Windows-1252 as browsers decode it: 0x80–0x9F per the code page
    /// (the five undefined bytes map to the C1 controls), the rest is Latin-1.
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let high: [UInt16] = [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ]
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
                continue
            }
            let scalar = (0x80...0x9F).contains(byte) ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            if scalar < 0x800 {
                result.append(UInt8(0xC0 | (scalar >> 6)))
                result.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                result.append(UInt8(0xE0 | (scalar >> 12)))
                result.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                result.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return result
    }

    /// The lower-cased charset label declared in the first 4 KB, if any.
    static func declaredLabel(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 })
        // <?xml version="1.0" encoding="…"?>
        if head.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: head, from: 0) {
            if let label = value(after: Array("encoding".utf8), in: head, from: 0, to: end) { return label }
        }
        var position = 0
        let meta = Array("<meta".utf8)
        while let start = find(meta, in: head, from: position) {
            let end = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let label = value(after: Array("charset".utf8), in: head, from: start, to: end) {
                return label
            }
            position = end
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Finds `key`, then `=`, optional quotes, and reads a charset label.
    private static func value(after key: [UInt8], in bytes: [UInt8], from: Int, to end: Int) -> String? {
        var position = from
        while let found = find(key, in: bytes, from: position), found < end {
            var index = found + key.count
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else { position = found + 1; continue }
            index += 1
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x22 || bytes[index] == 0x27 { index += 1 }
            var label: [UInt8] = []
            while index < end, label.count < 40 {
                let byte = bytes[index]
                let isLabelByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
                guard isLabelByte else { break }
                label.append(byte)
                index += 1
            }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            position = found + 1
        }
        return nil
    }

    private static func isKnownToLibXML2(_ label: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(label) else { return false }
        // iconv-backed handlers are allocated per lookup and must be released.
        xmlCharEncCloseFunc(handler)
        return true
    }
}
