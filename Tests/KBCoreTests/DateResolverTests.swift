import Testing
#if canImport(KBCore)
import KBCore      // when copied into KBCoreTests
#else
import KBDates     // standalone package
#endif

// Expected values below were worked out by hand from a calendar:
// 2017-10-19 Thu · 2018-12-11 Tue · 2019-02-21 Thu · 2025-03-22 Sat · 2019-03-01 Fri.

private let resolver = DateResolver()

private func run(_ s: String, _ pub: String?, context: String? = nil) -> [TemporalExpression] {
    resolver.resolve(s, publication: pub.flatMap { KBDate(iso: $0) }, context: context.flatMap { KBDate(iso: $0) })
}

/// ISO strings of the resolved dates, in text order.
private func isos(_ s: String, _ pub: String?, context: String? = nil) -> [String] {
    run(s, pub, context: context).map(\.date.iso)
}

/// The single expression of `s`; records an issue when there is not exactly one.
private func one(_ s: String, _ pub: String?, context: String? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) -> TemporalExpression? {
    let r = run(s, pub, context: context)
    #expect(r.count == 1, "expected one expression in \"\(s)\", got \(r.map(\.phrase))", sourceLocation: sourceLocation)
    return r.count == 1 ? r[0] : nil
}

@Suite("Dates: KBDate")
struct DatesKBDateTests {
    @Test func isoRoundTrip() {
        for s in ["2019", "2019-02", "2019-02-21", "2020-02-29", "0987", "1900-12-31"] {
            #expect(KBDate(iso: s)?.iso == s)
            #expect(KBDate(iso: s)?.description == s)
        }
        #expect(KBDate(year: 2019, month: 2, day: 1).iso == "2019-02-01")
        #expect(KBDate(year: 987).iso == "0987")
    }

    @Test func invalidIsoRejected() {
        for s in ["2019-13", "2019-00", "2019-02-30", "2019-02-29", "2018-04-31", "2019-2-1", "19", "",
                  "abcd", "2019-02-21x", "2019/02/21", "2019-02-00", "1900-02-29"] {
            #expect(KBDate(iso: s) == nil, "\(s) should be invalid")
        }
        #expect(KBDate.validated(year: 2019, month: 2, day: 29) == nil)
        #expect(KBDate.validated(year: 2000, month: 2, day: 29) != nil)
        #expect(KBDate.validated(year: 2019, day: 3) == nil)
    }

    @Test func precision() {
        #expect(KBDate(iso: "2019")?.precision == .year)
        #expect(KBDate(iso: "2019-02")?.precision == .month)
        #expect(KBDate(iso: "2019-02-21")?.precision == .day)
        #expect(KBDate(year: 2019, day: 5).day == nil)
    }

    @Test func ordering() {
        let expected = ["2018-12-31", "2019", "2019-01", "2019-01-01", "2019-01-02", "2019-02", "2020"]
        let shuffled = ["2019-02", "2020", "2019-01-02", "2019", "2018-12-31", "2019-01-01", "2019-01"]
        #expect(shuffled.compactMap { KBDate(iso: $0) }.sorted().map(\.iso) == expected)
        #expect(KBDate(year: 2019, month: 1, day: 31) < KBDate(year: 2019, month: 2, day: 1))
    }

    @Test func addingDays() {
        func add(_ s: String, _ d: Int) -> String? { KBDate(iso: s)?.adding(days: d)?.iso }
        #expect(add("2018-12-31", 1) == "2019-01-01")
        #expect(add("2019-01-01", -1) == "2018-12-31")
        #expect(add("2019-03-01", -1) == "2019-02-28")
        #expect(add("2020-03-01", -1) == "2020-02-29")
        #expect(add("2020-02-28", 1) == "2020-02-29")
        #expect(add("2000-02-28", 1) == "2000-02-29")
        #expect(add("1900-02-28", 1) == "1900-03-01")
        #expect(add("2019-01-01", 365) == "2020-01-01")
        #expect(add("2020-01-01", 366) == "2021-01-01")
        #expect(add("2019-01-31", 30) == "2019-03-02")
        #expect(add("2019-02", 1) == nil)
        #expect(add("2019", 1) == nil)
    }

    @Test func addingMonthsAndYears() {
        #expect(KBDate(iso: "2019-01-31")?.adding(months: 1)?.iso == "2019-02-28")
        #expect(KBDate(iso: "2020-01-31")?.adding(months: 1)?.iso == "2020-02-29")
        #expect(KBDate(iso: "2019-01")?.adding(months: -1)?.iso == "2018-12")
        #expect(KBDate(iso: "2019-11")?.adding(months: 14)?.iso == "2021-01")
        #expect(KBDate(iso: "2019-03")?.adding(months: -27)?.iso == "2016-12")
        #expect(KBDate(iso: "2019")?.adding(months: 1) == nil)
        #expect(KBDate(iso: "2020-02-29")?.adding(years: 1).iso == "2021-02-28")
        #expect(KBDate(iso: "2019-05")?.adding(years: -2).iso == "2017-05")
    }

    @Test func weekdayAndDayNumber() {
        #expect(KBDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(KBDate(iso: "2000-01-01")?.dayNumber == 10957)
        #expect(KBDate(dayNumber: 10957).iso == "2000-01-01")
        #expect(KBDate(dayNumber: -1).iso == "1969-12-31")
        #expect(KBDate(iso: "1970-01-01")?.weekday == 4)
        #expect(KBDate(iso: "1969-12-31")?.weekday == 3)
        #expect(KBDate(iso: "2000-01-01")?.weekday == 6)
        #expect(KBDate(iso: "2017-10-16")?.weekday == 1)
        #expect(KBDate(iso: "2018-12-11")?.weekday == 2)
        #expect(KBDate(iso: "2025-03-22")?.weekday == 6)
        #expect(KBDate(iso: "2019-02-24")?.weekday == 7)
        #expect(KBDate(iso: "2019-02")?.weekday == nil)
        #expect(KBDate(iso: "2019-02-21")?.startOfWeek?.iso == "2019-02-18")
    }

    @Test func isAfter() {
        let pub = KBDate(iso: "2018-12-11")!
        #expect(KBDate(year: 2019).isAfter(pub))
        #expect(!KBDate(year: 2018).isAfter(pub))
        #expect(!KBDate(year: 2018, month: 12).isAfter(pub))
        #expect(KBDate(year: 2018, month: 12, day: 12).isAfter(pub))
        #expect(KBDate(year: 2018, month: 11).isBefore(pub))
    }
}

@Suite("Dates: real cases")
struct DatesRealCaseTests {
    // pub 2017-10-19 (Thursday)
    @Test func possessiveWeekday() {
        let e = one("Israel’s Monday bombing of a Syrian anti-aircraft battery", "2017-10-19")
        #expect(e?.date.iso == "2017-10-16")
        #expect(e?.date.precision == .day)
        #expect(e?.kind == .relative)
        #expect(e?.phrase == "Monday")
        #expect(e?.range == 9..<15)          // ’ is one scalar
        #expect(e?.future == false)
    }

    @Test func twoWeekdays() {
        let s = "After meeting with Russian Defense Minister Sergei Shoigu in Israel on Tuesday, Netanyahu spoke with Putin over the phone on Wednesday"
        #expect(isos(s, "2017-10-19") == ["2017-10-17", "2017-10-18"])
        #expect(run(s, "2017-10-19").map(\.phrase) == ["Tuesday", "Wednesday"])
    }

    @Test func earlierThisWeek() {
        let e = one("Earlier this week, Israel shot down a drone.", "2017-10-19")
        #expect(e?.approximate == true)
        if let d = e?.date {
            #expect(d >= KBDate(year: 2017, month: 10, day: 16) && d <= KBDate(year: 2017, month: 10, day: 19))
            #expect(d.iso == "2017-10-16")   // documented: the Monday of the week
        }
    }

    @Test func overTheSummer() {
        let e = one("Over the summer, Israel reportedly struck dozens of convoys.", "2017-10-19")
        #expect(e?.date.iso == "2017-07")
        #expect(e?.approximate == true)
    }

    // pub 2019-02-21 (Thursday)
    @Test func abbreviatedMonthDay() {
        let e = one("Israel's Jan. 21 incursion into Syria", "2019-02-21")
        #expect(e?.date.iso == "2019-01-21")
        #expect(e?.phrase == "Jan. 21")
        #expect(e?.kind == .explicit)
    }

    @Test func monthNameWithoutYear() {
        #expect(isos("President Trump's unexpected December announcement", "2019-02-21") == ["2018-12"])
        #expect(isos("Washington publicly declared back in December that it would withdraw.", "2019-02-21") == ["2018-12"])
        #expect(run("publicly declared back in December", "2019-02-21").first?.kind == .relative)
    }

    @Test func aDayPrior() {
        let s = "On Feb. 12, Netanyahu confirmed that Israel had carried out a new strike on Iranian assets in Quneitra a day prior."
        let r = run(s, "2019-02-21")
        #expect(r.map(\.date.iso) == ["2019-02-12", "2019-02-11"])
        #expect(r.map(\.kind) == [.explicit, .anchored])
        #expect(r.map(\.phrase) == ["Feb. 12", "a day prior"])
    }

    @Test func monthYearAndLastMonth() {
        #expect(isos("The deal was signed in September 2015.", "2019-02-21") == ["2015-09"])
        #expect(isos("Israel struck Damascus airport last month.", "2019-02-21") == ["2019-01"])
    }

    // pub 2018-12-11 (Tuesday)
    @Test func fullDate() {
        let e = one("The Il-20 was downed on September 17, 2018, off Latakia.", "2018-12-11")
        #expect(e?.date.iso == "2018-09-17")
        #expect(e?.phrase == "September 17, 2018")
    }

    @Test func dateRangeResolvesToStart() {
        let e = one("(November 20–December 1, 2018)", "2018-12-11")
        #expect(e?.date.iso == "2018-11-20")
        #expect(e?.phrase == "November 20–December 1, 2018")
        #expect(e?.range == 1..<29)
    }

    @Test func lateNovemberAndNovember25() {
        let e = one("Russia delivered the systems in late November.", "2018-12-11")
        #expect(e?.date.iso == "2018-11")
        #expect(e?.approximate == true)
        #expect(isos("The vessels were seized on November 25 near Kerch.", "2018-12-11") == ["2018-11-25"])
    }

    @Test func yearsAndMonthYears() {
        #expect(isos("The drill took place in July 2018.", "2018-12-11") == ["2018-07"])
        #expect(isos("The treaty was signed in 1987.", "2018-12-11") == ["1987"])
        #expect(isos("Last year, the US withdrew.", "2018-12-11") == ["2017"])
    }

    @Test func firstHalfOf2019() {
        let e = one("Deliveries are planned in the first half of 2019.", "2018-12-11")
        #expect(e?.date.iso == "2019")
        #expect(e?.approximate == true)
        #expect(e?.future == true)
    }

    @Test func futureWeekday() {
        let e = one("The two leaders will meet on Monday in Moscow.", "2018-12-11")
        #expect(e?.date.iso == "2018-12-17")
        #expect(e?.future == true)
    }

    // pub 2025-03-22 (Saturday)
    @Test func adjectiveYears() {
        #expect(isos("Moscow’s 2022 invasion of Ukraine reshaped the region.", "2025-03-22") == ["2022"])
        #expect(isos("after the 2024 U.S. elections", "2025-03-22") == ["2024"])
        #expect(isos("The war began in 2015.", "2025-03-22") == ["2015"])
        #expect(isos("Russia attacked in February 2022.", "2025-03-22") == ["2022-02"])
    }

    @Test func since2017() {
        let e = one("Since 2017, the group has expanded.", "2025-03-22")
        #expect(e?.date.iso == "2017")
        #expect(e?.approximate == true)
        #expect(e?.kind == .explicit)
    }

    @Test func numbersThatAreNotYears() {
        #expect(run("Turkey bought S-400 missile batteries.", "2025-03-22").isEmpty)
        #expect(run("Russia lost 70,000 or more men.", "2025-03-22").isEmpty)
    }

    @Test func insightNumberThenDate() {
        let e = one("INSS Insight No. 1115, December 11, 2018", "2025-03-22")
        #expect(e?.date.iso == "2018-12-11")
        #expect(e?.phrase == "December 11, 2018")
    }

    // no publication date
    @Test func withoutPublication() {
        #expect(run("They met on Monday.", nil).isEmpty)
        #expect(isos("The war began in 2015.", nil) == ["2015"])
        #expect(run("On Feb. 12 the talks resumed.", nil).isEmpty)
        #expect(run("Israel struck last month.", nil).isEmpty)
    }
}

@Suite("Dates: explicit forms")
struct DatesExplicitTests {
    @Test(arguments: [
        ("Feb. 12", "2019-02-12"), ("Jan. 21", "2019-01-21"), ("Dec. 3", "2018-12-03"),
        ("Feb. 25", "2018-02-25"), ("on Feb. 21", "2019-02-21"), ("Sept. 17", "2018-09-17"),
        ("Sep 17", "2018-09-17"), ("21 January 2019", "2019-01-21"), ("December 11, 2018", "2018-12-11"),
        ("Mar 22, 2025", "2025-03-22"), ("the 17th of September", "2018-09-17"), ("12 February", "2019-02-12"),
        ("2019-02-21", "2019-02-21"), ("21/05/2019", "2019-05-21"), ("05/21/2019", "2019-05-21"),
        ("July of 2018", "2018-07"), ("Feb. 2019", "2019-02"), ("Monday, Dec. 17, 2018", "2018-12-17"),
        ("December 28–January 3, 2019", "2018-12-28"), ("November 20–25, 2018", "2018-11-20"),
        ("20–25 November 2018", "2018-11-20"), ("20 November–1 December 2018", "2018-11-20"),
        ("2015–2017", "2015"), ("the 2018-19 season", "2018"), ("the 1967 borders", "1967"),
    ])
    func form(_ text: String, _ expected: String) {
        // yearless forms resolve against publication 2019-02-21
        #expect(isos(text, "2019-02-21") == [expected], "\(text)")
    }

    @Test func modifiedYears() {
        for (s, y) in [("mid-2018", "2018"), ("early 2019", "2019"), ("late 2018", "2018"),
                       ("the end of 2018", "2018"), ("the beginning of 2019", "2019")] {
            let e = one(s, "2019-02-21")
            #expect(e?.date.iso == y)
            #expect(e?.approximate == true)
            #expect(e?.phrase == s)
        }
    }

    @Test func ambiguousNumericDatesSkipped() {
        #expect(run("05/06/2019", "2019-02-21").isEmpty)
        #expect(run("19/05/25", "2019-02-21").isEmpty)
        #expect(run("2019-02-30", "2019-02-21").isEmpty)
    }

    @Test func notYears() {
        for s in ["2000 troops were deployed", "a 1500 km range", "Resolution 1973", "at 1500 GMT",
                  "some 2000 soldiers", "2000 troops and 1500 vehicles", "a 2000-strong force",
                  "in the 1990s", "the 1990’s", "World War II", "Flight 2019", "F-2000", "A2000",
                  "costs $2019", "3.5 percent", "2,019 people", "Resolution 2231", "Vision 2030"] {
            #expect(run(s, "2019-02-21").isEmpty, "\(s)")
        }
    }

    @Test func yearlessFutureTense() {
        let e = one("The talks will resume on Jan. 7.", "2018-12-11")
        #expect(e?.date.iso == "2019-01-07")
        #expect(e?.future == true)
        #expect(isos("The vote is set for March 5.", "2018-12-11") == ["2019-03-05"])
    }

    @Test func explicitFutureFlag() {
        #expect(one("The summit on March 5, 2019 was postponed.", "2018-12-11")?.future == true)
        #expect(one("The summit on March 5, 2018 was a failure.", "2018-12-11")?.future == false)
    }

    @Test func yearlessFromContextWithoutPublication() {
        #expect(isos("On Feb. 12 the talks resumed.", nil, context: "2019-01-30") == ["2019-02-12"])
        #expect(isos("On Dec. 30 the talks resumed.", nil, context: "2019-01-03") == ["2018-12-30"])
    }
}

@Suite("Dates: relative forms")
struct DatesRelativeTests {
    @Test func weekdays() {
        #expect(isos("on Thursday", "2017-10-19") == ["2017-10-19"])
        #expect(isos("Tuesday’s meeting", "2018-12-11") == ["2018-12-11"])
        #expect(isos("Wednesday's talks", "2018-12-11") == ["2018-12-05"])
        #expect(isos("last Monday", "2019-02-21") == ["2019-02-18"])
        #expect(isos("last Thursday", "2019-02-21") == ["2019-02-14"])
        let next = one("next Monday", "2019-02-21")
        #expect(next?.date.iso == "2019-02-25")
        #expect(next?.future == true)
        #expect(run("every Monday", "2019-02-21").isEmpty)
        #expect(run("Monday", "2019-02").isEmpty)     // needs a day-precision publication date
    }

    @Test func futureCues() {
        #expect(isos("Putin is expected to visit on Thursday.", "2019-02-21") == ["2019-02-28"])
        #expect(isos("Putin was scheduled to visit on Thursday.", "2019-02-21") == ["2019-02-21"])
        #expect(isos("He said he'll visit on Friday.", "2018-12-11") == ["2018-12-14"])
        #expect(isos("He won’t travel on Sunday.", "2018-12-11") == ["2018-12-16"])
        // the cue is in another clause
        #expect(isos("Putin, who will visit next week, spoke on Monday.", "2018-12-11") == ["2018-12-17", "2018-12-10"])
        #expect(isos("He said on Monday that Israel will respond.", "2018-12-11") == ["2018-12-10"])
    }

    @Test func dayDeictics() {
        #expect(isos("yesterday", "2019-03-01") == ["2019-02-28"])
        #expect(isos("yesterday", "2016-03-01") == ["2016-02-29"])
        #expect(isos("today", "2019-03-01") == ["2019-03-01"])
        let t = one("tomorrow", "2019-03-01")
        #expect(t?.date.iso == "2019-03-02")
        #expect(t?.future == true)
        #expect(isos("last night", "2019-01-01") == ["2018-12-31"])
        #expect(isos("the day before yesterday", "2019-03-01") == ["2019-02-27"])
        #expect(isos("three weeks ago", "2019-02-21") == ["2019-01-31"])
        #expect(run("yesterday", nil).isEmpty)
    }

    @Test func weeks() {
        let last = one("last week", "2019-02-21")
        #expect(last?.date.iso == "2019-02-11")
        #expect(last?.approximate == true)
        #expect(isos("this week", "2019-02-21") == ["2019-02-18"])
        let next = one("next week", "2019-02-21")
        #expect(next?.date.iso == "2019-02-25")
        #expect(next?.future == true)
        #expect(isos("last week", "2019-01-02") == ["2018-12-24"])
    }

    @Test func monthsAndYears() {
        #expect(isos("last month", "2019-01-15") == ["2018-12"])
        #expect(isos("this month", "2019-01-15") == ["2019-01"])
        #expect(isos("next month", "2018-12-11") == ["2019-01"])
        #expect(isos("this year", "2018-12-11") == ["2018"])
        #expect(one("next year", "2018-12-11")?.future == true)
        #expect(isos("next year", "2018-12-11") == ["2019"])
        #expect(one("earlier this year", "2018-12-11")?.approximate == true)
        #expect(isos("earlier this year", "2018-12-11") == ["2018"])
    }

    @Test func monthWithoutYear() {
        #expect(isos("in December", "2018-12-11") == ["2018-12"])
        #expect(isos("last December", "2018-12-11") == ["2017-12"])
        #expect(isos("last December", "2019-02-21") == ["2018-12"])
        #expect(isos("in September", "2019-02-21") == ["2018-09"])
        let f = one("They will visit in January.", "2018-12-11")
        #expect(f?.date.iso == "2019-01")
        #expect(f?.future == true)
        #expect(isos("Israel struck in May.", "2019-02-21") == ["2018-05"])
        #expect(run("Theresa May said", "2019-02-21").isEmpty)
        #expect(run("the Great March of Return", "2019-02-21").isEmpty)
        #expect(run("May 20 people died", "2019-02-21").isEmpty)
        #expect(isos("mid-March", "2019-02-21") == ["2018-03"])
    }

    @Test func seasonsAndRecent() {
        #expect(isos("last summer", "2019-02-21") == ["2018-07"])
        #expect(isos("last summer", "2017-10-19") == ["2017-07"])
        #expect(isos("over the summer", "2017-08-10") == ["2016-07"])
        #expect(isos("in the summer of 2016", "2019-02-21") == ["2016-07"])
        #expect(run("the fall of Aleppo", "2019-02-21").isEmpty)
        let r = one("in recent months", "2019-02-21")
        #expect(r?.date.iso == "2019-02")
        #expect(r?.approximate == true)
        #expect(r?.kind == .relative)
        #expect(isos("Iran has recently moved", "2019-02-21") == ["2019-02"])
    }

    @Test func durationsAreNotDates() {
        for s in ["in the three-and-a-half years since", "the past four years", "for more than three years",
                  "over the next year", "in the last year", "within days"] {
            #expect(run(s, "2019-02-21").isEmpty, "\(s)")
        }
    }

    @Test func sinceRelative() {
        let e = one("since last year", "2019-02-21")
        #expect(e?.date.iso == "2018")
        #expect(e?.approximate == true)
    }
}

@Suite("Dates: anchored forms")
struct DatesAnchoredTests {
    @Test(arguments: [
        ("Two days later, he left.", "2019-02-14"), ("A day earlier, he left.", "2019-02-11"),
        ("The next day, he left.", "2019-02-13"), ("The following day he left.", "2019-02-13"),
        ("The previous day he left.", "2019-02-11"), ("He had left the day before.", "2019-02-11"),
        ("A week later, he left.", "2019-02-19"), ("A week earlier, he left.", "2019-02-05"),
        ("He left 3 days later.", "2019-02-15"), ("Later that day he left.", "2019-02-12"),
        ("He left the same day.", "2019-02-12"),
    ])
    func fromContext(_ text: String, _ expected: String) {
        let e = one(text, "2019-02-21", context: "2019-02-12")
        #expect(e?.date.iso == expected, "\(text)")
        #expect(e?.kind == .anchored)
        #expect(e?.approximate == false)
    }

    @Test func vagueCounts() {
        let e = one("Days later the ministry responded.", "2019-02-21", context: "2019-02-12")
        #expect(e?.date.iso == "2019-02-14")       // documented: bare "days" counts as two
        #expect(e?.approximate == true)
        #expect(one("A few days later he left.", "2019-02-21", context: "2019-02-12")?.date.iso == "2019-02-15")
    }

    @Test func nearestEarlierDateInSentenceWins() {
        let s = "Talks began on Jan. 3 and resumed on Feb. 12, and a day later the sides signed."
        #expect(isos(s, "2019-02-21", context: "2018-06-01") == ["2019-01-03", "2019-02-12", "2019-02-13"])
    }

    @Test func otherAnchorOrNoAnchorGivesNothing() {
        #expect(run("two days before the vote", "2019-02-21", context: "2019-02-12").isEmpty)
        #expect(run("a day prior to the attack", "2019-02-21", context: "2019-02-12").isEmpty)
        #expect(run("A day later, he left.", "2019-02-21").isEmpty)
    }

    @Test func coarseAnchor() {
        // month-precision anchor: a day count cannot be applied, the month is kept as an approximation
        let e = one("A day later, he left.", "2019-02-21", context: "2018-12")
        #expect(e?.date.iso == "2018-12")
        #expect(e?.approximate == true)
        #expect(isos("A year later, he left.", "2019-02-21", context: "2015-06-01") == ["2016"])
    }
}

@Suite("Dates: output shape")
struct DatesShapeTests {
    @Test func textOrderNonOverlapping() {
        let s = "On September 17, 2018, Russia blamed Israel; on Monday, Dec. 3, and again last week, talks resumed, and since 2017 tensions grew."
        let r = run(s, "2018-12-11")
        #expect(r.map(\.date.iso) == ["2018-09-17", "2018-12-03", "2018-12-03", "2017"])
        for (a, b) in zip(r, r.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
        let scalars = Array(s.unicodeScalars)
        for e in r {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[e.range])
            #expect(String(text) == e.phrase)
        }
    }

    @Test func noDateSentence() {
        #expect(run("The Israeli military said its aircraft struck targets belonging to the Quds Force.", "2019-02-21").isEmpty)
        #expect(run("", "2019-02-21").isEmpty)
    }
}
