#!/usr/bin/env python3
"""Synthetic news corpus for benchmarking `kb ingest`.

Recombines and varies the sentences of the seed articles (corpus/*.txt by default):
  * sentences are drawn mostly from one "primary" seed (a contiguous window, so the text
    reads on) and partly from all seeds, grouped into paragraphs, the paragraphs shuffled;
  * state names, adjectives, demonyms and capitals are swapped in some articles (Israel,
    Israeli, Israelis, Jerusalem -> Turkey, Turkish, Turks, Ankara ...), and so are people
    (Netanyahu -> Bennett, Putin -> Erdogan ...);
  * explicit dates are shifted to the article's year (each seed sentence keeps its distance
    to its seed's publication year), month names and weekday names are rotated, days jittered;
  * other numbers are varied (50 kilometers -> 73 kilometers, 70,000 -> 41,000);
  * some articles carry page debris (navigation menus, bylines, comment boxes, footers) taken
    from the seeds that have it (003 and 004), as scraped pages do;
  * 8-40 prose sentences an article, plus headings and bullets now and then.

Output (default, "mixed"): 90% of the articles in JSON Lines shards of 1,000 records
(DIR/jsonl/part-NNNNN.jsonl, one {"id","title","date","text"} object a line) and 10% as
.txt files with a kb-manifest.csv beside them (DIR/txt/). `--jsonl` or `--txt` put everything
in one form. DIR/.corpus-stats.json (hidden: kb skips it) records the counts and sizes.

Deterministic: the same --seed, --articles and options give byte-identical output.
Python 3 standard library only.
"""

import argparse
import csv
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = {"Jan": 0, "Feb": 1, "Mar": 2, "Apr": 3, "Jun": 5, "Jul": 6, "Aug": 7,
              "Sep": 8, "Sept": 8, "Oct": 9, "Nov": 10, "Dec": 11}
ABBR_OUT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# name, adjective, demonym plural, seats (capital first)
STATES = [
    ("Israel", "Israeli", "Israelis", ["Jerusalem"]),
    ("Russia", "Russian", "Russians", ["Moscow", "Kremlin"]),
    ("Iran", "Iranian", "Iranians", ["Tehran"]),
    ("Syria", "Syrian", "Syrians", ["Damascus"]),
    ("Turkey", "Turkish", "Turks", ["Ankara"]),
    ("Ukraine", "Ukrainian", "Ukrainians", ["Kyiv"]),
    ("Lebanon", "Lebanese", "Lebanese", ["Beirut"]),
    ("Iraq", "Iraqi", "Iraqis", ["Baghdad"]),
    ("Egypt", "Egyptian", "Egyptians", ["Cairo"]),
    ("Jordan", "Jordanian", "Jordanians", ["Amman"]),
    ("Saudi Arabia", "Saudi", "Saudis", ["Riyadh"]),
    ("China", "Chinese", "Chinese", ["Beijing"]),
    ("France", "French", "French", ["Paris", "Elysee"]),
    ("Germany", "German", "Germans", ["Berlin"]),
    ("Qatar", "Qatari", "Qataris", ["Doha"]),
    ("India", "Indian", "Indians", ["New Delhi"]),
]
# States the seeds talk about: the ones a swap starts from.
CORE_STATES = {"Israel", "Russia", "Iran", "Syria", "Ukraine", "Turkey", "Lebanon", "Iraq"}

# full name, surname, group
PEOPLE = [
    ("Benjamin Netanyahu", "Netanyahu", "ISR"), ("Naftali Bennett", "Bennett", "ISR"),
    ("Yair Lapid", "Lapid", "ISR"), ("Benny Gantz", "Gantz", "ISR"), ("Yoav Gallant", "Gallant", "ISR"),
    ("Vladimir Putin", "Putin", "RUS"), ("Dmitry Medvedev", "Medvedev", "RUS"),
    ("Sergei Lavrov", "Lavrov", "RUS"), ("Sergei Shoigu", "Shoigu", "RUS"),
    ("Dmitry Peskov", "Peskov", "RUS"), ("Maria Zakharova", "Zakharova", "RUS"),
    ("Sergei Vershinin", "Vershinin", "RUS"),
    ("Donald Trump", "Trump", "USA"), ("Joe Biden", "Biden", "USA"), ("Barack Obama", "Obama", "USA"),
    ("Mike Pompeo", "Pompeo", "USA"), ("Antony Blinken", "Blinken", "USA"), ("Nikki Haley", "Haley", "USA"),
    ("Recep Tayyip Erdogan", "Erdogan", "TUR"), ("Mevlut Cavusoglu", "Cavusoglu", "TUR"),
    ("Volodymyr Zelenskyy", "Zelenskyy", "UKR"), ("Dmytro Kuleba", "Kuleba", "UKR"),
    ("Ali Khamenei", "Khamenei", "IRN"), ("Hassan Rouhani", "Rouhani", "IRN"),
    ("Ebrahim Raisi", "Raisi", "IRN"), ("Javad Zarif", "Zarif", "IRN"), ("Abbas Araghchi", "Araghchi", "IRN"),
    ("Bashar al-Assad", "Assad", "SYR"), ("Emmanuel Macron", "Macron", "FRA"),
    ("Hassan Nasrallah", "Nasrallah", "LBN"), ("Qassim Suleimani", "Suleimani", "IRN"),
]

PUBLISHERS = ["Reuters", "The Hill", "Fox News", "Al-Monitor", "Haaretz", "The Jerusalem Post", "TASS",
              "INSS", "Middle East Eye", "Foreign Policy", "American Foreign Policy Council",
              "The Times of Israel", "Al Jazeera", "Daily Sabah", "Kyiv Independent"]
AUTHORS = ["Ilan I. Berman", "Zvi Magen", "Eldad Shavit", "Vera Michlin-Shapir", "Anna Borshchevskaya",
           "Seth J. Frantzman", "Amos Harel", "Maxim A. Suchkov", "Hanna Notte", "Ali Vaez",
           "Dalia Dassa Kaye", "Yaakov Lappin", "Emil Avdaliani", "Nicole Grajewski"]
CATEGORIES = ["Latest International News", "Middle East", "Analysis", "World", "Opinion", "Security"]

BULLET_RE = re.compile(r"^\s*(?:[•*\-–]|\u27a1\ufe0f?)\s*")
ABBREVIATIONS = {"U.S.", "U.N.", "U.K.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Lt.", "Sgt.",
                 "St.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
                 "No.", "vs.", "e.g.", "i.e.", "etc.", "Inc.", "Co.", "Jr.", "Sr.", "a.m.", "p.m."}
SENTENCE_END = re.compile(r'[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])')


def split_sentences(paragraph):
    """A small splitter: ends at . ! ? followed by a capital, unless the word is an abbreviation."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        end = m.end()
        head = paragraph[start:m.start() + 1]
        last_word = head.split()[-1] if head.split() else ""
        last_word = last_word.strip('"“”’(')
        if last_word in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+|[a-d]\.", last_word):
            continue
        out.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def is_prose(line):
    words = line.split()
    return len(words) >= 8 and line.rstrip()[-1:] in '.!?"”’)'


class Seed:
    def __init__(self, path, base_date):
        self.path = path
        self.base_year = base_date[0]
        text = Path(path).read_text(encoding="utf-8")
        lines = text.split("\n")
        nonempty = [i for i, l in enumerate(lines) if l.strip()]
        long_prose = [i for i in nonempty if is_prose(lines[i]) and len(lines[i].split()) >= 25]
        self.head_debris, self.tail_debris = [], []
        short = [i for i in nonempty if not is_prose(lines[i])]
        # Page debris: the lines before the first long prose paragraph and after the last one,
        # for seeds with enough non-prose lines to be a scraped page (003 and 004 here).
        if long_prose and len(short) >= 10:
            self.head_debris = [lines[i] for i in nonempty if i < long_prose[0]]
            self.tail_debris = [lines[i] for i in nonempty if i > long_prose[-1]]
            body = [i for i in nonempty if long_prose[0] <= i <= long_prose[-1]]
        else:
            body = nonempty
        self.sentences = []   # prose sentences in reading order
        self.headings = []    # short title-like lines
        self.bullets = []     # "➡️ Label: sentence." items
        for i in body:
            line = lines[i].strip()
            if BULLET_RE.match(line) and is_prose(line):
                self.bullets.append(BULLET_RE.sub("", line))
            elif is_prose(line):
                line = re.sub(r"^[a-d]\.\s+", "", line)  # "a. Initiation of ..." list items
                self.sentences.extend(s for s in split_sentences(line) if len(s.split()) >= 4)
            elif 3 <= len(line.lstrip("# ").split()) <= 14 and line[-1:] not in ".,;:" and line.lstrip("# ")[:1].isupper():
                self.headings.append(line.lstrip("# ").strip())


def seed_dates(seed_dir):
    """Publication date of each seed: from kb-manifest.csv, else the first 'Month D, YYYY' in it,
    else its most frequent year."""
    dates = {}
    manifest = os.path.join(seed_dir, "kb-manifest.csv")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                m = re.match(r"(\d{4})(?:-(\d{2}))?", row.get("published") or "")
                if m:
                    dates[row["file"]] = (int(m.group(1)), int(m.group(2) or 6))
    month_re = "|".join(MONTHS + list(MONTH_ABBR))
    for path in sorted(glob.glob(os.path.join(seed_dir, "*.txt"))):
        name = os.path.basename(path)
        if name in dates:
            continue
        text = Path(path).read_text(encoding="utf-8")
        m = re.search(r"\b(" + month_re + r")\.? \d{1,2}, (\d{4})\b", text)
        if m:
            mon = m.group(1)
            dates[name] = (int(m.group(2)), (MONTHS.index(mon) if mon in MONTHS else MONTH_ABBR[mon]) + 1)
            continue
        years = re.findall(r"\b(20[0-2]\d)\b", text)
        dates[name] = (int(max(set(years), key=years.count)) if years else 2020, 6)
    return dates


# --- variation -------------------------------------------------------------------------------

MONTH_FULL = "|".join(MONTHS)
MONTH_ANY = r"(?:" + MONTH_FULL + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
NUMBER_RE = re.compile(
    r"(?P<mdy>\b(?P<m1>" + MONTH_ANY + r")\s+(?P<d1>\d{1,2})(?!\d)(?:,\s*(?P<y1>\d{4}))?)"
    r"|(?P<dmy>\b(?P<d2>\d{1,2})\s+(?P<m2>" + MONTH_FULL + r")(?:,?\s+(?P<y2>\d{4}))?\b)"
    r"|(?P<my>\b(?P<m3>" + MONTH_FULL + r")\s+(?P<y3>\d{4})\b)"
    r"|(?P<slash>\b\d{2}/\d{2}/\d{2}\b)"
    r"|(?P<year>(?<![\w\-/.,])(?:19[5-9]\d|20[0-4]\d)(?![\w\-/]))"
    # "May" alone is too often the verb: month names are rotated only next to a number
    r"|(?P<month>\b(?:" + "|".join(MONTHS[:4] + MONTHS[5:]) + r")\b)"
    r"|(?P<weekday>\b(?:" + "|".join(WEEKDAYS) + r")\b)"
    r"|(?P<num>(?<![\w\-/.,:$])\d{1,3}(?:,\d{3})+(?![\w\-/:])|(?<![\w\-/.,:$])\d+(?![\w\-/:]|[.,]\d))"
)


def month_name(index, like):
    """The month `index` written the way `like` was (full name or abbreviation)."""
    if like.rstrip(".") in MONTHS:
        return MONTHS[index]
    return ABBR_OUT[index]


def month_index(word):
    w = word.rstrip(".")
    return MONTHS.index(w) if w in MONTHS else MONTH_ABBR[w]


class Variation:
    """One article's consistent changes: date shift, month/weekday rotation, name swaps."""

    def __init__(self, rng, year, names_regex, name_map):
        self.rng = rng
        self.year = year
        self.month_shift = rng.randrange(12)
        self.weekday_shift = rng.randrange(7)
        self.day_jitter = rng.randint(-9, 9)
        self.names_regex = names_regex
        self.name_map = name_map

    def shift_year(self, y, base_year):
        y = int(y)
        # years keep their distance to the seed's publication year, but stay in the past
        # (or the next two years: plans and forecasts)
        return min(y + (self.year - base_year), self.year + 2) if y >= 2000 else y

    def day(self, d):
        return max(1, min(28, int(d) + self.day_jitter))

    def number_replacer(self, base_year):
        """The replacement function for one NUMBER_RE match."""
        rng = self.rng

        def repl(m):
            g = m.lastgroup
            s = m.group(0)
            if g == "mdy":
                out = f"{month_name((month_index(m.group('m1')) + self.month_shift) % 12, m.group('m1'))} {self.day(m.group('d1'))}"
                if m.group("y1"):
                    out += f", {self.shift_year(m.group('y1'), base_year)}"
                return out
            if g == "dmy":
                out = f"{self.day(m.group('d2'))} {MONTHS[(month_index(m.group('m2')) + self.month_shift) % 12]}"
                if m.group("y2"):
                    out += f" {self.shift_year(m.group('y2'), base_year)}"
                return out
            if g == "my":
                return f"{MONTHS[(month_index(m.group('m3')) + self.month_shift) % 12]} {self.shift_year(m.group('y3'), base_year)}"
            if g == "slash":
                d, mo, yy = s.split("/")
                return f"{self.day(d):02d}/{(int(mo) - 1 + self.month_shift) % 12 + 1:02d}/{self.shift_year('20' + yy, base_year) % 100:02d}"
            if g == "year":
                return str(self.shift_year(s, base_year))
            if g == "month":
                return MONTHS[(MONTHS.index(s) + self.month_shift) % 12]
            if g == "weekday":
                return WEEKDAYS[(WEEKDAYS.index(s) + self.weekday_shift) % 7]
            # a plain number: keep small ones most of the time, scale the others
            n = int(s.replace(",", ""))
            if n <= 3 or rng.random() < 0.3:
                return s
            if n <= 12:
                v = max(2, n + rng.randint(-2, 3))
            else:
                v = max(4, int(n * rng.uniform(0.5, 2.0)))
                if n % 1000 == 0:
                    v = max(1000, round(v, -3))
                elif n % 100 == 0:
                    v = max(100, round(v, -2))
                elif n % 10 == 0:
                    v = max(10, round(v, -1))
            return f"{v:,}" if "," in s else str(v)

        return repl

    def apply(self, text, base_year):
        """Dates and numbers varied, names swapped. The matches of both patterns in a text do
        not depend on the variation (and never overlap: names hold no digits, months or
        weekdays), so they are found once per distinct text and spliced here."""
        spans = _spans(text, self.names_regex)
        if not spans:
            return text
        repl = self.number_replacer(base_year)
        out, pos = [], 0
        for kind, m in spans:
            out.append(text[pos:m.start()])
            if kind == 0:
                out.append(repl(m))
            else:
                out.append(self.name_map.get(m.group(0), m.group(0)))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)


_SPAN_CACHE = {}


def _spans(text, names_regex):
    spans = _SPAN_CACHE.get(text)
    if spans is None:
        spans = [(0, m) for m in NUMBER_RE.finditer(text)] + [(1, m) for m in names_regex.finditer(text)]
        spans.sort(key=lambda x: x[1].start())
        if len(_SPAN_CACHE) < 200000:
            _SPAN_CACHE[text] = spans
    return spans


def build_name_forms():
    """Every surface form that can be swapped, and the forms of each state and person."""
    forms = []
    for name, adj, plural, seats in STATES:
        forms += [name, adj, plural] + seats
    for full, surname, _ in PEOPLE:
        forms += [full, surname]
    forms += ["United States", "U.S.", "America", "American", "Americans", "Washington", "White House"]
    forms = sorted(set(forms), key=len, reverse=True)
    regex = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    return regex


def make_name_map(rng, present):
    """Swaps for one article: 0-2 state pairs and 0-3 people, among those present in its text."""
    mapping = {}
    if rng.random() < 0.55:
        candidates = [s for s in STATES if s[0] in CORE_STATES and s[0] in present]
        rng.shuffle(candidates)
        used = set()
        for a in candidates[: rng.choice([1, 1, 2])]:
            if a[0] in used:
                continue
            b = rng.choice([s for s in STATES if s[0] != a[0] and s[0] not in used])
            used |= {a[0], b[0]}
            for x, y in ((a, b), (b, a)):
                mapping[x[0]] = y[0]
                mapping[x[1]] = y[1]
                mapping[x[2]] = y[2]
                for i, seat in enumerate(x[3]):
                    mapping[seat] = y[3][min(i, len(y[3]) - 1)]
    if rng.random() < 0.6:
        people = [p for p in PEOPLE if p[1] in present]
        rng.shuffle(people)
        taken = {p[1] for p in people}
        for p in people[: rng.randint(1, 3)]:
            same = [q for q in PEOPLE if q[2] == p[2] and q[1] not in taken]
            pool = same if same and rng.random() < 0.6 else [q for q in PEOPLE if q[1] not in taken]
            if not pool:
                continue
            q = rng.choice(pool)
            taken.add(q[1])
            mapping[p[0]] = q[0]
            mapping[p[1]] = q[1]
    return mapping


# --- articles --------------------------------------------------------------------------------

class Generator:
    def __init__(self, seed_dir, rng):
        self.rng = rng
        dates = seed_dates(seed_dir)
        paths = sorted(glob.glob(os.path.join(seed_dir, "*.txt")))
        if not paths:
            sys.exit(f"generate.py: no seed articles (*.txt) in {seed_dir}")
        self.seeds = [Seed(p, dates[os.path.basename(p)]) for p in paths]
        self.pool = [(s, sent) for s in self.seeds for sent in s.sentences]
        self.headings = [(s, h) for s in self.seeds for h in s.headings]
        self.titles = [(s, h) for s, h in self.headings
                       if len(h.split()) >= 4 and not re.search(r"\d|www|Photo", h)
                       and sum(w[:1].isupper() for w in h.split()) >= 0.6 * len(h.split())]
        self.bullets = [(s, b) for s in self.seeds for b in s.bullets]
        self.debris_seeds = [s for s in self.seeds if s.head_debris or s.tail_debris]
        self.names_regex = build_name_forms()
        self.seen = set()

    def article(self, debris_rate):
        rng = self.rng
        year = rng.choices(range(2012, 2026), weights=[1, 1, 2, 3, 3, 4, 5, 5, 5, 5, 6, 7, 7, 8])[0]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        primary = rng.choice([s for s in self.seeds if len(s.sentences) >= 8])
        n = rng.randint(8, 40)
        # a contiguous window of the primary seed, then sentences from anywhere
        k = min(len(primary.sentences), rng.randint(n // 2, n))
        start = rng.randrange(len(primary.sentences) - k + 1)
        picked = [(primary, s) for s in primary.sentences[start:start + k]]
        picked += rng.sample(self.pool, n - k) if n - k <= len(self.pool) else rng.choices(self.pool, k=n - k)
        # paragraphs of 1-5 sentences, then a partial shuffle of the paragraphs
        paragraphs, i = [], 0
        while i < len(picked):
            size = rng.choice([1, 2, 2, 3, 3, 3, 4, 5])
            paragraphs.append(picked[i:i + size])
            i += size
        first, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        paragraphs = first + rest
        present = set()
        for m in self.names_regex.finditer(" ".join(s for p in paragraphs for _, s in p)):
            present.add(m.group(0))
        var = Variation(rng, year, self.names_regex, make_name_map(rng, present))

        blocks = []
        for p in paragraphs:
            blocks.append(" ".join(var.apply(s, seed.base_year) for seed, s in p))
            r = rng.random()
            if r < 0.06 and self.headings:
                seed, h = rng.choice(self.headings)
                blocks.append(var.apply(h, seed.base_year))
            elif r < 0.10 and self.bullets:
                for seed, b in rng.sample(self.bullets, min(len(self.bullets), rng.randint(2, 3))):
                    blocks.append("➡️ " + var.apply(b, seed.base_year))
        if self.titles and rng.random() < 0.4:
            seed, h = rng.choice(self.titles)
            title = var.apply(h, seed.base_year)
        else:
            words = var.apply(paragraphs[0][0][1], paragraphs[0][0][0].base_year).split()
            title = " ".join(words[: rng.randint(6, 12)]).rstrip(",;:")
        head, tail = [], []
        if self.debris_seeds and rng.random() < debris_rate:
            seed = rng.choice(self.debris_seeds)
            if seed.head_debris and rng.random() < 0.7:
                a = rng.randrange(len(seed.head_debris))
                head = seed.head_debris[a:a + rng.randint(3, 120)]
            if seed.tail_debris and rng.random() < 0.7:
                a = rng.randrange(len(seed.tail_debris))
                tail = seed.tail_debris[a:a + rng.randint(2, 80)]
            if rng.random() < 0.4:
                date_s = f"{ABBR_OUT[month - 1].rstrip('.')[:3]} {day}, {year}"
                head.append(f"by {rng.choice(AUTHORS)} | {date_s} | {rng.choice(CATEGORIES)} | {rng.randint(0, 40)} comments")
            head = [var.apply(x, seed.base_year) for x in head]
            tail = [var.apply(x, seed.base_year) for x in tail]
        published = f"{year:04d}-{month:02d}-{day:02d}"
        return {
            "title": title,
            "published": published,
            "publisher": rng.choice(PUBLISHERS),
            "authors": rng.sample(AUTHORS, rng.choice([0, 1, 1, 1, 2])),
            "blocks": blocks,
            "head": head,
            "tail": tail,
            "sentences": n,
        }

    def unique_article(self, debris_rate):
        while True:
            a = self.article(debris_rate)
            h = hashlib.sha1("\n".join(a["blocks"]).encode()).digest()
            if h not in self.seen:
                self.seen.add(h)
                return a


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", "-n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="output folder (an earlier corpus there is replaced)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--seeds-dir", default=str(Path(__file__).resolve().parent.parent / "corpus"),
                    help="folder of seed articles (*.txt, optional kb-manifest.csv); default: the repo's corpus/")
    form = ap.add_mutually_exclusive_group()
    form.add_argument("--jsonl", action="store_true", help="all articles in JSON Lines shards")
    form.add_argument("--txt", action="store_true", help="all articles as .txt files with a manifest")
    ap.add_argument("--txt-share", type=float, default=0.10, help="mixed mode: share of .txt articles (default 0.10)")
    ap.add_argument("--shard-size", type=int, default=1000, help="records per .jsonl shard (default 1000)")
    args = ap.parse_args(argv)

    t0 = time.time()
    rng = random.Random(args.seed)
    gen = Generator(args.seeds_dir, rng)
    out = Path(args.out)
    if out.exists():
        # replace an earlier corpus, never a folder that is something else
        if any(out.iterdir()) and not (out / ".corpus-stats.json").exists():
            sys.exit(f"generate.py: {out} exists and is not a generated corpus (no .corpus-stats.json); "
                     "choose another --out")
        shutil.rmtree(out)
    share = 1.0 if args.txt else 0.0 if args.jsonl else args.txt_share
    n_txt = round(args.articles * share)
    as_txt = set(random.Random(args.seed + 1).sample(range(args.articles), n_txt))

    stats = {"articles": args.articles, "seed": args.seed, "txt_files": 0, "jsonl_records": 0,
             "jsonl_shards": 0, "prose_sentences": 0, "text_bytes": 0, "input_bytes": 0}
    shard, shard_count, shard_file = [], 0, None
    manifest_rows = []

    def flush():
        nonlocal shard, shard_count
        if not shard:
            return
        d = out / "jsonl"
        d.mkdir(parents=True, exist_ok=True)
        p = d / f"part-{shard_count:05d}.jsonl"
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in shard).encode()
        p.write_bytes(data)
        stats["input_bytes"] += len(data)
        stats["jsonl_shards"] += 1
        shard_count += 1
        shard = []

    for i in range(args.articles):
        txt = i in as_txt
        a = gen.unique_article(debris_rate=0.35 if txt else 0.10)
        body = "\n\n".join(a["blocks"])
        stats["prose_sentences"] += a["sentences"]
        if txt:
            d = out / "txt"
            d.mkdir(parents=True, exist_ok=True)
            name = f"a{i:06d}.txt"
            parts = []
            if a["head"]:
                parts.append("\n".join(a["head"]))
            if rng.random() < 0.5:
                parts.append(a["title"])
            parts.append(body)
            if a["tail"]:
                parts.append("\n".join(a["tail"]))
            text = "\n\n".join(parts) + "\n"
            data = text.encode()
            (d / name).write_bytes(data)
            stats["input_bytes"] += len(data)
            stats["text_bytes"] += len(data)
            stats["txt_files"] += 1
            manifest_rows.append([name, a["title"] if rng.random() < 0.7 else "", a["published"],
                                  a["publisher"] if rng.random() < 0.6 else "", "; ".join(a["authors"]),
                                  f"https://news.example.org/{a['published'][:4]}/{i:06d}" if rng.random() < 0.5 else ""])
        else:
            text = body
            if a["head"]:
                text = "\n".join(a["head"]) + "\n\n" + text
            if a["tail"]:
                text += "\n\n" + "\n".join(a["tail"])
            stats["text_bytes"] += len(text.encode())
            shard.append({"id": f"g{args.seed}-{i:06d}", "title": a["title"], "date": a["published"], "text": text})
            stats["jsonl_records"] += 1
            if len(shard) >= args.shard_size:
                flush()
    flush()
    if manifest_rows:
        p = out / "txt" / "kb-manifest.csv"
        with open(p, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["file", "title", "published", "publisher", "authors", "url"])
            w.writerows(manifest_rows)
        stats["input_bytes"] += p.stat().st_size
    out.mkdir(parents=True, exist_ok=True)
    (out / ".corpus-stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(dict(stats, seconds=round(time.time() - t0, 2))), file=sys.stderr)
    return stats


if __name__ == "__main__":
    main()
