#!/usr/bin/env python3
"""Check the event lexicon in Dictionaries/events: lexicon/TYPE.tsv and light-verbs.tsv.

Usage: python3 Dictionaries/events/validate.py [DIR]      (DIR defaults to this file's folder)

Checks: 5 TAB-separated columns per entry; one file per PLOVER type, named after it; cue is
lowercase and looks like a lemma (no -ed/-ing/plural -s forms except the allow-listed real
lemmas, no irregular past forms); part is verb/noun and verb+noun cues are verbs; CAMEO codes are
2-4 digits; target slots are obj, iobj, obl:PREP, nmod:PREP or '-'; modes are known; no
duplicate (cue, part) in a type. Lemmas listed in more than one type are printed as notes (each
such split must be explained in the files' comments). Prints the entry count per type and exits
with status 1 on any error.
"""
import os
import re
import sys

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODES = {"aerial", "ground", "naval", "cyber", "phone", "-"}
PARTS = {"verb", "noun"}
SLOT = re.compile(r"^(obj|iobj|poss|(obl|nmod):[a-z_]+)$")
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$|^[a-z]$")
CAMEO = re.compile(r"^[0-9]{2,4}$")

# Real lemmas that end like inflected forms.
ALLOW = {
    # -ing nouns that are lemmas in their own right
    "bombing", "shelling", "killing", "fighting", "funding", "sharing", "lifting", "easing",
    "downing", "meeting", "training", "shooting", "uprising", "briefing", "kidnapping",
    "hijacking", "blacklisting", "warning", "ceiling", "building", "hearing", "landing",
    "peacekeeping", "crossing", "cleansing", "working", "offering", "spending", "wrongdoing",
    "stabbing", "beating", "hostage-taking", "fact-finding",
    # -ed words that are not past forms
    "shed", "speed", "need", "seed", "feed", "breed", "proceed", "succeed", "exceed", "red",
    "bed", "hundred", "embed",
    # -s words that are singular lemmas
    "gas", "access", "mass", "amass", "harass", "press", "process", "progress", "cross",
    "consensus", "status", "crisis", "chaos", "news", "bus", "canvas", "surplus", "us",
    "embarrass", "dismiss", "discuss", "address", "trespass", "bypass", "express", "compass",
}
# Nouns that look like irregular verb forms: allowed in noun cues and as the noun of verb+noun.
NOUN_FORMS = {"shot", "hit", "set", "cut", "spread", "beat"}
# Irregular past tense / participle forms that must not stand as cues.
IRREGULAR = {
    "struck", "met", "shot", "fought", "sent", "spoke", "spoken", "froze", "frozen", "broke",
    "broken", "withdrew", "withdrawn", "sank", "sunk", "held", "took", "taken", "gave", "given",
    "made", "paid", "led", "began", "begun", "drove", "driven", "flew", "flown", "fled", "hit",
    "blew", "blown", "went", "gone", "saw", "seen", "told", "brought", "bought", "caught",
    "sought", "threw", "thrown", "wrote", "written", "stole", "stolen", "bore", "borne",
    "shut", "cut", "quit", "put", "set", "let", "cast", "spread", "beat", "beaten", "overran",
    "overrun", "rang", "rung", "swore", "sworn", "won", "lost", "left", "kept", "built", "laid",
}
# of those, the ones that are also base forms
IRREGULAR_BASE = {"hit", "shut", "cut", "quit", "put", "set", "let", "cast", "spread", "beat",
                  "overrun"}


def inflected(word, noun=False):
    """Why a word looks inflected, or None. noun: the word stands as a noun."""
    if word in ALLOW or (noun and word in NOUN_FORMS):
        return None
    if word in IRREGULAR and word not in IRREGULAR_BASE:
        return "irregular past form"
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return "ends in -ed"
    if len(word) > 5 and word.endswith("ing"):
        return "ends in -ing"
    if len(word) > 3 and word.endswith("ies"):
        return "plural -ies"
    if (len(word) > 3 and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "os", "ys"))):
        return "plural or 3sg -s"
    return None


def words_of(cue):
    """The words of a cue: 'a b' and 'verb+noun' both split."""
    return [w for part in cue.split("+") for w in part.split(" ")]


def check_type_file(path, tname, errors, seen_lemmas):
    count = 0
    keys = set()
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if not lines or not lines[0].startswith("#"):
        errors.append(f"{path}: must start with '#' comment lines")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{os.path.basename(path)}:{n}"
        cols = line.split("\t")
        if len(cols) != 5:
            errors.append(f"{where}: {len(cols)} columns, want 5 (cue part cameo targets mode)")
            continue
        cue, part, cameo, targets, mode = cols
        if any(c != c.strip() or not c for c in cols):
            errors.append(f"{where}: empty column or stray spaces")
        if cue != cue.lower():
            errors.append(f"{where}: cue '{cue}' is not lowercase")
        if "+" in cue:
            pieces = cue.split("+")
            if len(pieces) != 2 or not all(pieces) or " " in pieces[1]:
                errors.append(f"{where}: verb+noun cue '{cue}' must be one verb '+' one noun")
            if part != "verb":
                errors.append(f"{where}: verb+noun cue '{cue}' must have part 'verb'")
        elif "  " in cue or cue.startswith(" ") or cue.endswith(" "):
            errors.append(f"{where}: cue '{cue}' has extra spaces")
        ws = words_of(cue)
        for i, w in enumerate(ws):
            if not WORD.match(w):
                errors.append(f"{where}: '{w}' in cue '{cue}' is not a lowercase word")
                continue
            # the verb of a verb cue is the first word; nouns are the rest ('a b' nouns: all)
            as_noun = part == "noun" or ("+" in cue and i == len(ws) - 1)
            why = inflected(w, noun=as_noun)
            if why:
                errors.append(f"{where}: '{w}' in cue '{cue}' looks inflected ({why}); "
                              f"write the lemma, or add it to ALLOW if it is one")
        if part not in PARTS:
            errors.append(f"{where}: part '{part}' is not verb or noun")
        if not CAMEO.match(cameo):
            errors.append(f"{where}: cameo '{cameo}' is not 2-4 digits")
        if targets != "-":
            slots = targets.split(",")
            for s in slots:
                if not SLOT.match(s):
                    errors.append(f"{where}: target slot '{s}' is not obj, iobj, poss, obl:PREP, "
                                  f"nmod:PREP or '-'")
            if len(set(slots)) != len(slots):
                errors.append(f"{where}: repeated target slot in '{targets}'")
        if mode not in MODES:
            errors.append(f"{where}: mode '{mode}' is not one of {sorted(MODES)}")
        key = (cue, part)
        if key in keys:
            errors.append(f"{where}: duplicate entry ({cue}, {part}) in {tname}")
        else:
            seen_lemmas.setdefault(key, []).append(tname)
        keys.add(key)
        count += 1
    return count


def check_light_verbs(path, errors):
    count = 0
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if not lines or not lines[0].startswith("#"):
        errors.append(f"{path}: must start with '#' comment lines")
    keys = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"light-verbs.tsv:{n}"
        cols = line.split("\t")
        if len(cols) != 3:
            errors.append(f"{where}: {len(cols)} columns, want 3 (lemma types slot)")
            continue
        lemma, types, slot = cols
        for w in lemma.split(" "):
            if not WORD.match(w):
                errors.append(f"{where}: '{w}' in '{lemma}' is not a lowercase word")
            elif inflected(w):
                errors.append(f"{where}: '{w}' in '{lemma}' looks inflected ({inflected(w)})")
        if types != "*":
            for t in types.split(","):
                if t not in TYPES:
                    errors.append(f"{where}: type '{t}' is not a PLOVER type (or '*')")
        for s in slot.split(","):
            if not SLOT.match(s):
                errors.append(f"{where}: slot '{s}' is not obj, iobj, obl:PREP or nmod:PREP")
        if (lemma, slot) in keys:
            errors.append(f"{where}: duplicate light verb '{lemma}' ({slot})")
        keys.add((lemma, slot))
        count += 1
    return count


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    lexdir = os.path.join(base, "lexicon")
    errors = []
    seen = {}
    counts = {}
    present = {f[:-4] for f in os.listdir(lexdir) if f.endswith(".tsv")}
    for extra in sorted(present - set(TYPES)):
        errors.append(f"lexicon/{extra}.tsv: not a PLOVER type name")
    for t in TYPES:
        path = os.path.join(lexdir, t + ".tsv")
        if not os.path.exists(path):
            errors.append(f"lexicon/{t}.tsv: missing")
            continue
        counts[t] = check_type_file(path, t, errors, seen)
    lv = os.path.join(base, "light-verbs.tsv")
    nlv = check_light_verbs(lv, errors) if os.path.exists(lv) else None
    if nlv is None:
        errors.append("light-verbs.tsv: missing")

    for t in TYPES:
        print(f"{t:10} {counts.get(t, 0):4}")
    total = sum(counts.values())
    verbs = sum(1 for (c, p) in seen if p == "verb")
    print(f"{'total':10} {total:4}   ({len(seen)} distinct cue/part pairs, {verbs} verb)")
    if nlv is not None:
        print(f"{'light verbs':10} {nlv:3}")
    multi = sorted((k, v) for k, v in seen.items() if len(v) > 1)
    if multi:
        print("note: cues in more than one type (each must be a frame split explained in the "
              "files' comments):")
        for (cue, part), ts in multi:
            print(f"  {cue} ({part}): {', '.join(ts)}")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
