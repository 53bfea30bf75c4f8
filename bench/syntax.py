#!/usr/bin/env python3
"""The linguistic layer's figures: accuracy on UD English EWT test (gold tokenization, through
`kb parse --input conllu`), per relation, and speed (words per second on one core, model load).

Usage: python3 bench/syntax.py [--kb .build/release/kb] [--treebank ../shared/ud] [--split test]

UPOS, lemma, UAS and LAS are counted over syntactic words (integer IDs); LAS compares the
universal part of DEPREL (before ':'), as CoNLL 2018 does. Python 3 standard library only.
"""
import argparse, collections, os, subprocess, sys, tempfile, time

def words(text):
    out = []
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) == 10 and f[0].isdigit():
            out.append(f)
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", default=".build/release/kb")
    ap.add_argument("--treebank", default="../shared/ud")
    ap.add_argument("--split", default="test")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    path = os.path.join(a.treebank, f"en_ewt-ud-{a.split}.conllu")
    gold_text = open(path, encoding="utf-8").read()
    # Blank out what kb must fill in, so nothing of the gold can leak into the output.
    blank = []
    for line in gold_text.splitlines():
        f = line.split("\t")
        if len(f) == 10 and f[0].isdigit():
            f[2] = f[3] = f[5] = f[6] = f[7] = "_"
            line = "\t".join(f)
        blank.append(line)
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False, encoding="utf-8") as t:
        t.write("\n".join(blank) + "\n")
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False, encoding="utf-8") as e:
        e.write("1\tWord\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
    def run(file):
        t0 = time.perf_counter()
        p = subprocess.run([a.kb, "parse", "--input", "conllu", file], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"kb parse failed: {p.stderr.strip()}")
        return time.perf_counter() - t0, p.stdout
    empty = min(run(e.name)[0] for _ in range(a.runs))
    full, out = min((run(t.name) for _ in range(a.runs)), key=lambda r: r[0])
    gold, pred = words(gold_text), words(out)
    assert len(gold) == len(pred), f"{len(gold)} gold words, {len(pred)} parsed"
    n = len(gold)
    upos = sum(g[3] == p[3] for g, p in zip(gold, pred))
    lemma = sum(g[2] == p[2] for g, p in zip(gold, pred))
    rel = collections.defaultdict(lambda: [0, 0, 0])
    uas = las = 0
    for g, p in zip(gold, pred):
        r, pr = g[7].split(":")[0], p[7].split(":")[0]
        rel[r][0] += 1
        if g[6] == p[6]:
            uas += 1; rel[r][1] += 1
            if r == pr:
                las += 1; rel[r][2] += 1
    print(f"UD English EWT {a.split}: {n} words, gold tokenization")
    print(f"  UPOS {upos / n:.4f}   lemma {lemma / n:.4f}   UAS {uas / n:.4f}   LAS {las / n:.4f}")
    print(f"  speed: {n / (full - empty):,.0f} words/s on one core (tag, lemmatize, parse; best of {a.runs}); "
          f"kb parse of one word, model load included: {empty * 1000:.0f} ms")
    print("  per relation (gold): words  UAS  LAS")
    for r, (k, u, l) in sorted(rel.items(), key=lambda x: -x[1][0]):
        print(f"    {r:<12} {k:>6}  {u / k:.3f}  {l / k:.3f}")
    os.unlink(t.name); os.unlink(e.name)

if __name__ == "__main__":
    main()
