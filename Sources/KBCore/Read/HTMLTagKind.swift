/// What the reader needs to know about an element name, computed once per
/// element (a `switch` on short strings is much cheaper than set lookups).
struct HTMLTagKind: OptionSet, Sendable {
    let rawValue: UInt16

    /// Never content: scripts, navigation, page header/footer, asides, media, forms' controls…
    static let boilerplate = HTMLTagKind(rawValue: 1 << 0)
    /// Starts and ends a block of text.
    static let block = HTMLTagKind(rawValue: 1 << 1)
    /// `p` and `pre`: its text counts as paragraph text.
    static let paragraph = HTMLTagKind(rawValue: 1 << 2)
    /// Bare text directly inside counts as paragraph text.
    static let container = HTMLTagKind(rawValue: 1 << 3)
    /// May be chosen as the densest container.
    static let densityCandidate = HTMLTagKind(rawValue: 1 << 4)
    /// Block content that makes a table row a layout row.
    static let layout = HTMLTagKind(rawValue: 1 << 5)
    /// `article`, `main`, `body`, `html`: never boilerplate by class, id or role.
    static let landmark = HTMLTagKind(rawValue: 1 << 6)
    /// `p` and `h1`…`h6`: running text, whose inline children are never
    /// boilerplate because of their class (`<h2><a class="header">`).
    static let prose = HTMLTagKind(rawValue: 1 << 7)

    init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    init(tag: String) {
        // Bucketed by length: a `switch` over strings compares one case after
        // another, and this runs for every element of every page.
        let block: HTMLTagKind = [.block]
        let boilerplate: HTMLTagKind = [.boilerplate]
        let boilerplateBlock: HTMLTagKind = [.block, .boilerplate]
        let list: HTMLTagKind = [.block, .layout]
        let section: HTMLTagKind = [.block, .container, .densityCandidate, .layout]
        switch tag.utf8.count {
        case 1:
            self = tag == "p" ? [.block, .paragraph, .layout, .prose] : []
        case 2:
            switch tag {
            case "h1", "h2", "h3", "h4", "h5", "h6": self = [.block, .layout, .prose]
            case "li", "ul", "ol", "dl": self = list
            case "td", "th": self = [.block, .container, .densityCandidate]
            case "tr", "dd", "dt": self = block
            default: self = []
            }
        case 3:
            switch tag {
            case "div": self = section
            case "pre": self = [.block, .paragraph, .layout]
            case "nav": self = boilerplateBlock
            case "svg", "map": self = boilerplate
            case "dir": self = block
            default: self = []
            }
        case 4:
            switch tag {
            case "body": self = [.block, .container, .densityCandidate, .landmark]
            case "main": self = [.block, .container, .densityCandidate, .layout, .landmark]
            case "html": self = [.block, .landmark]
            case "form": self = block
            case "menu": self = boilerplateBlock
            case "head", "math": self = boilerplate
            default: self = []
            }
        case 5:
            switch tag {
            case "table": self = list
            case "aside": self = boilerplateBlock
            case "style", "title", "input", "embed", "video", "audio": self = boilerplate
            case "tbody", "tfoot", "thead": self = block
            default: self = []
            }
        case 6:
            switch tag {
            case "script", "iframe", "button", "select", "option", "object", "canvas": self = boilerplate
            case "header", "footer", "dialog": self = boilerplateBlock
            case "figure", "center", "hgroup", "legend": self = block
            default: self = []
            }
        case 7:
            switch tag {
            case "section", "article":
                self = tag == "article" ? [.block, .container, .densityCandidate, .layout, .landmark] : section
            case "address", "caption", "details", "summary": self = block
            default: self = []
            }
        case 8:
            switch tag {
            case "noscript", "template", "textarea": self = boilerplate
            case "fieldset": self = block
            default: self = []
            }
        case 10:
            switch tag {
            case "blockquote": self = [.block, .container, .layout]
            case "figcaption": self = boilerplateBlock
            default: self = []
            }
        default:
            self = []
        }
    }
}
