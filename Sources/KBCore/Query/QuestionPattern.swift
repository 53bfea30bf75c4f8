/// One phrasing of a question form, written as analysts say it:
///
///     <holder> ['s] $stance [$on <topic>]
///
/// `word|word` is one word of those; `<name>` a slot, one or more words that must name, as a
/// whole, what the slot takes (`topic`: a topic; `acts`: a class of events; `says`: a statement
/// verb; `does`: an event verb; `pair`: two actors joined by a hyphen, "Russia-US"; any other
/// name: an actor); `[ … ]` an optional part; `$list` one
/// word of the form's list of that name.
struct QuestionPattern: Sendable {
    indirect enum Element: Sendable {
        case words(Set<String>)
        case slot(String)
        case optional([Element])
    }

    enum SlotKind: Sendable { case actor, pair, topic, acts, statementVerb, eventVerb }

    let text: String
    let elements: [Element]

    init(_ text: String, lists: [String: [String]] = [:]) {
        self.text = text
        var stack: [[Element]] = [[]]
        for t in text.replacing("[", with: " [ ").replacing("]", with: " ] ").split(separator: " ").map(String.init) {
            switch t {
            case "[": stack.append([])
            case "]": let inner = stack.removeLast(); stack[stack.count - 1].append(.optional(inner))
            default:
                let e: Element
                if t.hasPrefix("<") { e = .slot(String(t.dropFirst().dropLast())) }
                else if t.hasPrefix("$") { e = .words(Set(lists[String(t.dropFirst())] ?? [])) }
                else { e = .words(Set(t.split(separator: "|").map(String.init))) }
                stack[stack.count - 1].append(e)
            }
        }
        precondition(stack.count == 1, "unbalanced [ ] in question pattern: \(text)")
        elements = stack[0]
    }

    static func kind(_ slot: String) -> SlotKind {
        switch slot {
        case "topic": return .topic
        case "acts": return .acts
        case "says": return .statementVerb
        case "does": return .eventVerb
        case "pair": return .pair
        default: return .actor
        }
    }

    /// The literal words of the pattern, for suggestions and for telling a known word from an unknown one.
    var keywords: Set<String> {
        func walk(_ es: [Element]) -> Set<String> {
            es.reduce(into: Set<String>()) { out, e in
                switch e {
                case .words(let w): out.formUnion(w)
                case .optional(let inner): out.formUnion(walk(inner))
                case .slot: break
                }
            }
        }
        return walk(elements)
    }

    /// A way the pattern reads the words: each slot's words, and its value (nil when lenient
    /// matching let it take words that name nothing, which `canHold` allows).
    struct Parse {
        var slots: [String: (range: Range<Int>, value: SlotValue?)] = [:]
        /// Where the pattern ended: the words from here on are not part of it.
        var end = 0
        /// Literal words and resolved slots: how much of the question the pattern explains.
        var evidence = 0
        /// Words in slots that name nothing.
        var unresolved = 0
    }

    /// Every way the pattern reads `count` words from the start. Strict (`lenient` false): every
    /// slot resolved, every word used. Lenient: slots may take words that name nothing and words
    /// may be left at the end, for saying what was not understood.
    func parses(count: Int, lower: [String], lenient: Bool, canHold: (Range<Int>) -> Bool = { _ in true },
                resolve: (String, Range<Int>) throws -> SlotValue?) rethrows -> [Parse] {
        var out: [Parse] = []
        func walk(_ es: ArraySlice<Element>, _ i: Int, _ p: Parse) throws {
            guard let first = es.first else {
                if lenient || i == count { var q = p; q.end = i; out.append(q) }
                return
            }
            let rest = es.dropFirst()
            switch first {
            case .words(let set):
                if i < count, set.contains(lower[i]) { var q = p; q.evidence += 1; try walk(rest, i + 1, q) }
            case .optional(let inner):
                try walk(ArraySlice(inner) + rest, i, p)
                try walk(rest, i, p)
            case .slot(let name):
                guard p.slots[name] == nil, i < count else { return }
                for j in (i + 1)...count {
                    if let v = try resolve(name, i..<j) {
                        var q = p; q.slots[name] = (i..<j, v); q.evidence += 1
                        try walk(rest, j, q)
                    } else if lenient, canHold(i..<j) {
                        var q = p; q.slots[name] = (i..<j, nil); q.unresolved += j - i
                        try walk(rest, j, q)
                    }
                }
            }
        }
        try walk(ArraySlice(elements), 0, Parse())
        return out
    }
}

/// What a slot of a question named.
enum SlotValue: Sendable {
    case actor(ActorRef)
    case pair(ActorRef, ActorRef)
    case topic(TopicRef)
    case acts(ActClass)
    case statementVerb(StatementAct)

    var describe: String {
        switch self {
        case .actor(let a): return a.description
        case .pair(let a, let b): return "\(a) and \(b)"
        case .topic(let t): return t.description
        case .acts(let a): return a.description
        case .statementVerb(let s): return s.verb
        }
    }
}
