// Placeholder until the date resolver lands; same API.
import Foundation
public enum DatePrecision: String, Sendable, Codable, CaseIterable { case day, month, year }

public struct KBDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?
    public init(year: Int, month: Int? = nil, day: Int? = nil) { self.year = year; self.month = month; self.day = month == nil ? nil : day }
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?, d: Int?
        if parts.count >= 2 { guard parts[1].count == 2, let v = Int(parts[1]), (1...12).contains(v) else { return nil }; m = v }
        if parts.count == 3 { guard parts[2].count == 2, let v = Int(parts[2]), v >= 1, v <= KBDate.daysIn(year: y, month: m!) else { return nil }; d = v }
        self.init(year: y, month: m, day: d)
    }
    public var iso: String {
        var s = String(format: "%04d", year)
        if let m = month { s += String(format: "-%02d", m) }
        if let d = day { s += String(format: "-%02d", d) }
        return s
    }
    public var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }
    public var description: String { iso }
    public static func < (a: KBDate, b: KBDate) -> Bool { (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0) }
    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
