import Testing
@testable import KBCore

@Suite("Hard-wrapped text")
struct HardWrapTests {
    /// A readout wrapped at 72 columns, as the White House and many e-mailed texts are.
    static let wrapped = """
    MODERATOR:  Thank you.

    President Joseph R. Biden, Jr. today held a Summit with President Xi
    Jinping of the People's Republic of China (PRC), in Woodside,
    California.  The two leaders held a candid and constructive discussion
    on a range of bilateral and global issues including areas of potential
    cooperation and exchanged views on areas of difference.

    President Biden emphasized that the United States and China are in
    competition, noting that the United States would continue to invest in
    the sources of American strength at home and align with allies and
    partners around the world.  He stressed that the United States would
    always stand up for its interests.
    Short line.
    - a list item that stays on its own line
    and the end of a paragraph that continues after a long line of text here.
    """

    @Test("wrapped paragraphs are joined; short lines, blank lines and list items end them")
    func joins() {
        let lines = HardWrap.unwrap(Self.wrapped).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "MODERATOR:  Thank you.")
        #expect(lines[1] == "")
        #expect(lines[2] == "President Joseph R. Biden, Jr. today held a Summit with President Xi Jinping of the People's Republic of China (PRC), in Woodside, California.  The two leaders held a candid and constructive discussion on a range of bilateral and global issues including areas of potential cooperation and exchanged views on areas of difference.")
        #expect(lines[4].hasPrefix("President Biden emphasized that the United States and China are in competition, noting"))
        #expect(lines[4].hasSuffix("He stressed that the United States would always stand up for its interests."))
        // "always stand up…" ended short: the next line is its own.
        #expect(lines[5] == "Short line.")
        #expect(lines[6] == "- a list item that stays on its own line")
    }

    @Test("text that is not hard-wrapped is left as it is")
    func leavesUnwrapped() {
        let paragraphs = (1...20).map { "Paragraph \($0) is one long line of prose, as text saved from a web page usually is, and it goes on well past any terminal's width before it ends." }
        let text = paragraphs.joined(separator: "\n")
        #expect(HardWrap.unwrap(text) == text)
        let short = "Title\nBy A. Writer\nMarch 4, 2024\n"
        #expect(HardWrap.unwrap(short) == short)
    }
}
