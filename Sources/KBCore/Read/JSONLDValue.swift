/// A small, lenient JSON reader for `<script type="application/ld+json">`
/// blocks. Pages in the wild put raw newlines in strings, leave trailing
/// commas, and wrap the JSON in `<!-- -->` or CDATA markers; all of that is
/// tolerated. Numbers are kept as their source text.
indirect enum JSONLDValue: Sendable, Equatable {
    case object([String: JSONLDValue])
    case array([JSONLDValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Parses `text`, or returns nil when no JSON value can be read.
    static func parse(_ text: String) -> JSONLDValue? {
        var parser = Parser(bytes: Array(text.utf8))
        guard let start = parser.bytes.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) else {
            return nil
        }
        parser.index = start
        return parser.parseValue(depth: 0)
    }

    subscript(key: String) -> JSONLDValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value
        case .array(let values): return values.lazy.compactMap(\.stringValue).first
        default: return nil
        }
    }

    /// The value as a list: an array's elements, or the value itself.
    var list: [JSONLDValue] {
        if case .array(let values) = self { return values }
        return [self]
    }

    private struct Parser {
        var bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) -> JSONLDValue? {
            guard depth < 200 else { return nil }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return parseObject(depth: depth)
            case UInt8(ascii: "["): return parseArray(depth: depth)
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return parseString().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return parseNumber()
            }
        }

        mutating func literal(_ word: String, _ value: JSONLDValue) -> JSONLDValue? {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) else { return nil }
            index += utf8.count
            return value
        }

        mutating func parseNumber() -> JSONLDValue? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isNumberByte = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                guard isNumberByte else { break }
                index += 1
            }
            guard index > start else { return nil }
            return .number(String(decoding: bytes[start..<index], as: UTF8.self))
        }

        mutating func parseObject(depth: Int) -> JSONLDValue? {
            index += 1   // {
            var members: [String: JSONLDValue] = [:]
            while true {
                skipWhitespace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }   // tolerate stray commas
                guard bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"), let key = parseString() else { return nil }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = parseValue(depth: depth + 1) else { return nil }
                if members[key] == nil { members[key] = value }
            }
        }

        mutating func parseArray(depth: Int) -> JSONLDValue? {
            index += 1   // [
            var values: [JSONLDValue] = []
            while true {
                skipWhitespace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard let value = parseValue(depth: depth + 1) else { return nil }
                values.append(value)
            }
        }

        mutating func parseString() -> String? {
            let quote = bytes[index]
            index += 1
            var result: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == quote { return String(decoding: result, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else { result.append(byte); continue }
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "b"), UInt8(ascii: "f"): result.append(0x20)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let saved = index
                        index += 2
                        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = saved
                        }
                    }
                    result.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
                default: result.append(escaped)   // \" \\ \/ and unknown escapes
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<(index + 4)] {
                value <<= 4
                switch byte {
                case 0x30...0x39: value |= UInt32(byte - 0x30)
                case 0x41...0x46: value |= UInt32(byte - 0x41 + 10)
                case 0x61...0x66: value |= UInt32(byte - 0x61 + 10)
                default: return nil
                }
            }
            index += 4
            return value
        }
    }
}
