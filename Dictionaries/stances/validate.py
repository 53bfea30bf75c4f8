#!/usr/bin/env python3
"""Check the stance lexicon: predicates.tsv, polarity-words.tsv and ../grammar/*.txt.

Usage: python3 validate.py [DICTIONARIES_DIR]   (default: the folder above this file)
Exits 1 and lists every problem if any; else prints the counts per act, part and polarity.
Python 3 standard library only.
"""
import collections
import os
import re
import sys

ACTS = {"SUPPORT", "ACCUSE", "REJECT", "THREATEN", "REQUEST", "CONSULT", "AGREE", "CONCEDE"}
POLARITIES = {"support", "oppose", "neutral", "content"}
PARTS = {"verb", "noun"}
EFFECTS = {"support", "oppose", "invert"}
SLOT = re.compile(r"^(ccomp|xcomp|obj|acl|quote|head|(obl|nmod):[a-z]+)$")
WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'\-]*$")

# Real lemmas that end like an inflection (-s, -ed, -ing). A cue word with such an ending that is
# not here is reported as probably inflected: write the lemma, or add the word here if it is one.
LEMMA_ENDINGS_OK = {"occupied", 
    "accommodating", "bloodshed", "chaos", "crippling", "killing", "according", "afterwards", "alarmed", "alarming", "alleged", "always",
    "anticipated", "anything", "appalled", "appalling", "backing", "backsliding", "balanced",
    "biased", "blackmailing", "blessing", "bombing", "briefing", "bring", "bullying",
    "calculated", "committed", "concerned", "concerning", "concerted", "coordinated",
    "crushing", "damning", "deepening", "delighted", "destabilising", "destabilizing",
    "determined", "devastating", "disappointed", "disappointing", "disgusted", "dismantling",
    "dismayed", "dissatisfied", "disturbing", "dithering", "during", "easing", "embarrassed",
    "embed", "encouraged", "encouraging", "everything", "expected", "failed", "far-reaching",
    "fearmongering", "fighting", "finding", "flawed", "following", "forthcoming", "frustrated",
    "grandstanding", "groundbreaking", "hardening", "hearing", "heartening", "humiliating",
    "ill-advised", "ill-conceived", "ill-timed", "including", "insulting", "intended",
    "interesting", "justified", "killing", "lasting", "lifting", "long-standing",
    "longstanding", "measured", "meddling", "meeting", "misguided", "misinformed", "misleading",
    "misplaced", "news", "nothing", "notwithstanding", "ongoing", "outraged", "outstanding",
    "pending", "perhaps", "planned", "pleased", "posturing", "prepared", "promising",
    "proposed", "provoking", "purported", "reasoned", "regarding", "ruling", "rumored",
    "rumoured", "saber-rattling", "sabre-rattling", "saddened", "satisfied", "scaremongering",
    "scheduled", "shed", "shelling", "shocked", "shocking", "sickening", "so-called",
    "something", "sometimes", "sophisticated", "staggering", "stonewalling", "strengthening",
    "supposed", "sweeping", "thanks", "thing", "thought-provoking", "threatening", "towards",
    "troubling", "unbiased", "uncalled", "unconfirmed", "undermining", "understanding",
    "undesired", "undisguised", "unfounded", "unified", "united", "unjustified", "unlimited",
    "unprecedented", "unprovoked", "unsubstantiated", "unverified", "unwanted", "unwarranted",
    "unwavering", "unyielding", "upcoming", "uprising", "warming", "warmongering", "warning",
    "weakening", "well-being", "wellbeing", "worried", "worrying", "worsening", "wrongdoing",
}

# irregular past tenses and participles a lemmatizer would have undone
IRREGULAR = {
    "said", "told", "wrote", "written", "gave", "given", "made", "took", "taken", "threw", "thrown",
    "drew", "drawn", "spoke", "spoken", "sought", "stood", "held", "laid", "sent", "brought",
    "thought", "felt", "saw", "seen", "came", "went", "gone", "met", "led", "left", "struck",
    "won", "lost", "paid", "began", "begun", "knew", "known", "swore", "sworn", "shook", "shaken",
    "hid", "hidden", "bore", "borne", "rose", "risen", "fought", "meant", "kept", "understood",
    "withdrew", "withdrawn", "forbade", "forbidden", "forgave", "forgiven", "undertook",
    "undertaken", "foresaw", "foreseen", "overcame", "upheld", "withheld", "heard", "ran", "got",
    "gotten", "became", "stuck", "sold", "bought", "caught", "taught", "chose", "chosen",
}

SUSPECT = re.compile(r"(?:[^s]s|ied|[^e]ed|[^e]es|ing|ies)$")


def looks_inflected(word):
    w = word.lower()
    if w in IRREGULAR:
        return True
    if w in LEMMA_ENDINGS_OK or len(w) <= 3:
        return False
    if w.endswith(("ss", "us", "is")):
        return False
    return bool(SUSPECT.search(w))


def read_rows(path):
    if not os.path.exists(path):
        yield 0, None, "missing file"
        return
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.endswith("\r"):
                yield n, None, "carriage return at the end of the line"
                line = line[:-1]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line, None


def check_words(words, where, problems, inflection=True):
    for w in words:
        if not WORD.match(w):
            problems.append(f"{where}: '{w}' is not a lowercase word")
        elif inflection and looks_inflected(w):
            problems.append(f"{where}: '{w}' looks inflected (give the lemma, or add a real "
                            f"lemma to LEMMA_ENDINGS_OK in validate.py)")


def check_predicates(path, problems):
    acts = collections.Counter()
    parts = collections.Counter()
    pols = collections.Counter()
    seen = {}
    for n, line, err in read_rows(path):
        where = f"{os.path.basename(path)}:{n}"
        if err:
            problems.append(f"{where}: {err}")
        if line is None:
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            problems.append(f"{where}: {len(cols)} TAB-separated columns, expected 5 "
                            "(cue part act polarity content)")
            continue
        cue, part, act, pol, content = cols
        if cue != cue.strip() or "  " in cue or cue != cue.lower():
            problems.append(f"{where}: cue '{cue}' must be lowercase with single spaces")
        if part not in PARTS:
            problems.append(f"{where}: part '{part}' not in {sorted(PARTS)}")
        if act not in ACTS:
            problems.append(f"{where}: act '{act}' not in {sorted(ACTS)}")
        if pol not in POLARITIES:
            problems.append(f"{where}: polarity '{pol}' not in {sorted(POLARITIES)}")
        if "+" in cue:
            halves = cue.split("+")
            if len(halves) != 2 or not all(halves):
                problems.append(f"{where}: '{cue}': a light-verb cue is verb+noun, one '+'")
            if part != "verb":
                problems.append(f"{where}: '{cue}': a verb+noun cue has part verb")
        words = [w for h in cue.split("+") for w in h.split(" ") if w]
        # nouns such as "briefing" and "warning" are lemmas; the -ing test still runs on verbs
        check_words(words, where, problems)
        slots = content.split(",") if content else []
        if not slots:
            problems.append(f"{where}: no content slot")
        for s in slots:
            if not SLOT.match(s):
                problems.append(f"{where}: slot '{s}' is not one of ccomp xcomp obj acl quote head "
                                "obl:PREP nmod:PREP")
        if len(set(slots)) != len(slots):
            problems.append(f"{where}: a slot is repeated in '{content}'")
        if part == "noun" and any(s in ("obj", "xcomp") or s.startswith("obl:") for s in slots):
            problems.append(f"{where}: a noun has no obj/xcomp/obl: slots (use nmod:/acl)")
        key = (cue, part)
        if key in seen:
            problems.append(f"{where}: duplicate of line {seen[key]} ({cue}, {part})")
        else:
            seen[key] = n
        acts[act] += 1
        parts[part] += 1
        pols[pol] += 1
    return acts, parts, pols, len(seen)


def check_polarity_words(path, problems):
    effects = collections.Counter()
    seen = {}
    for n, line, err in read_rows(path):
        where = f"{os.path.basename(path)}:{n}"
        if err:
            problems.append(f"{where}: {err}")
        if line is None:
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            problems.append(f"{where}: {len(cols)} TAB-separated columns, expected 2 (lemma effect)")
            continue
        lemma, effect = cols
        if effect not in EFFECTS:
            problems.append(f"{where}: effect '{effect}' not in {sorted(EFFECTS)}")
        if lemma != lemma.strip() or "  " in lemma:
            problems.append(f"{where}: '{lemma}': single spaces between lemmas")
        check_words(lemma.split(" "), where, problems)
        if lemma in seen:
            problems.append(f"{where}: duplicate of line {seen[lemma]} ('{lemma}')")
        else:
            seen[lemma] = n
        effects[effect] += 1
    return effects


def check_word_list(path, problems):
    seen = {}
    for n, line, err in read_rows(path):
        where = f"{os.path.basename(path)}:{n}"
        if err:
            problems.append(f"{where}: {err}")
        if line is None:
            continue
        if "\t" in line:
            problems.append(f"{where}: one lemma (or space-separated lemma phrase) a line, no TAB")
        entry = line.strip()
        if entry != line or "  " in entry:
            problems.append(f"{where}: '{line}': stray spaces")
        # grammar words are closed classes: n't, 's and the like are allowed, inflection is not tested
        for w in entry.split(" "):
            if not re.match(r"^[a-zà-ÿ'][a-zà-ÿ'\-]*$", w):
                problems.append(f"{where}: '{w}' is not a lowercase word")
        if entry in seen:
            problems.append(f"{where}: duplicate of line {seen[entry]} ('{entry}')")
        else:
            seen[entry] = n
    return len(seen)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(here)
    stances = os.path.join(root, "stances")
    grammar = os.path.join(root, "grammar")
    problems = []
    acts, parts, pols, n = check_predicates(os.path.join(stances, "predicates.tsv"), problems)
    effects = check_polarity_words(os.path.join(stances, "polarity-words.tsv"), problems)
    lists = {}
    expected = ["negation.txt", "modals.txt", "hedges.txt", "plans.txt", "habits.txt",
                "speculation.txt", "reporting-nouns-of-source.txt"]
    for name in expected:
        p = os.path.join(grammar, name)
        if not os.path.exists(p):
            problems.append(f"grammar/{name}: missing")
            continue
        lists[name] = check_word_list(p, problems)
    if problems:
        for p in problems:
            print("ERROR", p)
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"predicates.tsv: {n} entries")
    for act in sorted(ACTS):
        print(f"  {act:<9} {acts[act]}")
    print("  by part:     " + ", ".join(f"{k} {v}" for k, v in sorted(parts.items())))
    print("  by polarity: " + ", ".join(f"{k} {v}" for k, v in sorted(pols.items())))
    print("polarity-words.tsv: " + ", ".join(f"{k} {v}" for k, v in sorted(effects.items()))
          + f" ({sum(effects.values())} entries)")
    for name, count in lists.items():
        print(f"grammar/{name}: {count}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
