import Foundation
import Testing
@testable import KBCore

@Suite("Ingest timestamps")
struct ClockTests {
    @Test("seconds since 1970 as UTC ISO-8601 (expected values from Python's datetime)")
    func iso() {
        #expect(Clock.iso(0) == "1970-01-01T00:00:00Z")
        #expect(Clock.iso(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(Clock.iso(1_795_000_000) == "2026-11-18T11:06:40Z")
        #expect(Clock.iso(1_798_761_599) == "2026-12-31T23:59:59Z")
    }

    @Test("now is today's date, in the shape the columns' CHECKs accept")
    func now() {
        let stamp = Clock.nowISO()
        #expect(stamp.utf8.count == 20)
        #expect(stamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        let f = ISO8601DateFormatter()
        #expect(abs(f.date(from: stamp)!.timeIntervalSinceNow) < 5)
    }
}
