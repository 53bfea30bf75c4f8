#!/usr/bin/env python3
"""Check the actor dictionaries (states.tsv, organizations.tsv, people.tsv, roles.tsv).

Usage: python3 validate.py [directory]   (default: the directory of this script)

Exits with status 1 when an error is found. Warnings (printed, but not fatal) point at
things an analyst may want to look at, such as two people sharing a derived surname.
Python 3 standard library only.
"""

import datetime
import os
import re
import sys
import unicodedata

FILES = {
    "states.tsv": ["code", "name", "aliases", "adjectives", "seats"],
    "organizations.tsv": ["id", "name", "kind", "country", "aliases"],
    "people.tsv": ["id", "name", "aliases", "country", "gender"],
    "roles.tsv": ["person", "country", "title", "start", "end", "organization"],
}

ORG_KINDS = {"international_organization", "organization", "armed_group", "other"}
EXTRA_STATES = {"PSE", "XKX", "TWN", "VAT"}
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
assert len(UN_MEMBERS) == 193

CODE_RE = re.compile(r"^[A-Z]{3}$")
ORG_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
PERSON_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Letters that Unicode decomposition does not reduce to ASCII.
SLUG_FOLD = {"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"}

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def slug(name):
    s = name.lower()
    s = "".join(SLUG_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['’.\"]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def read(directory, fname):
    """Return the records of a file as (line number, dict) pairs."""
    path = os.path.join(directory, fname)
    expected = FILES[fname]
    records = []
    if not os.path.exists(path):
        err(fname, "file is missing")
        return records
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(fname, f"not valid UTF-8 ({e})")
        return records
    if text.startswith("\ufeff"):
        err(fname, "starts with a byte-order mark")
    if "\r" in text:
        err(fname, "contains carriage returns (use Unix line ends)")
    columns = None
    seen_record = False
    for n, line in enumerate(text.split("\n"), 1):
        where = f"{fname}:{n}"
        if line == "":
            continue  # the final newline; blank lines are reported below
        if line.strip() == "":
            err(where, "blank line containing whitespace")
            continue
        if line.startswith("#"):
            m = re.match(r"^#\s*columns:\s*(.*)$", line)
            if m:
                if seen_record:
                    err(where, "'# columns:' comment must come before the first record")
                columns = m.group(1).split("\t")
                if columns != expected:
                    err(where, f"columns are {columns}, expected {expected}")
            continue
        if columns is None:
            err(where, "record before the '# columns:' comment")
            columns = expected
        seen_record = True
        fields = line.split("\t")
        if len(fields) != len(expected):
            err(where, f"{len(fields)} tab-separated fields, expected {len(expected)}")
            continue
        for col, value in zip(expected, fields):
            if value != value.strip():
                err(where, f"{col}: leading or trailing whitespace")
            if "  " in value:
                err(where, f"{col}: double space")
        records.append((n, dict(zip(expected, fields))))
    if columns is None:
        err(fname, "no '# columns:' comment")
    # blank lines between records
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line == "":
            err(f"{fname}:{n}", "empty line (use a '#' comment line to separate groups)")
    return records


def split_list(where, col, value):
    """Split a '; '-separated list, reporting malformed separators and duplicates."""
    if value == "":
        return []
    items = value.split("; ")
    for item in items:
        if item == "" or item != item.strip():
            err(where, f"{col}: empty item or stray space in {value!r}")
        if ";" in item:
            err(where, f"{col}: ';' must be followed by one space in {value!r}")
    dupes = {i for i in items if items.count(i) > 1}
    for d in sorted(dupes):
        warn(where, f"{col}: {d!r} listed twice")
    return items


def parse_date(where, col, value):
    """Return (earliest, latest) possible days for a YYYY, YYYY-MM or YYYY-MM-DD value."""
    m = DATE_RE.match(value)
    if not m:
        err(where, f"{col}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        y = int(y)
        if mo is None:
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        mo = int(mo)
        if d is None:
            first = datetime.date(y, mo, 1)
            nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - datetime.timedelta(days=1)
        day = datetime.date(y, mo, int(d))
        return day, day
    except ValueError:
        err(where, f"{col}: {value!r} is not a real date")
        return None


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    states = read(directory, "states.tsv")
    orgs = read(directory, "organizations.tsv")
    people = read(directory, "people.tsv")
    roles = read(directory, "roles.tsv")

    # forms[form] = {actor: first place it was seen}
    forms = {}

    def add_form(actor, where, form):
        places = forms.setdefault(form, {})
        if actor in places:
            warn(where, f"{form!r} is listed more than once for {actor}")
        else:
            places[actor] = where

    # --- states
    codes = set()
    for n, r in states:
        where = f"states.tsv:{n}"
        code = r["code"]
        if not CODE_RE.match(code):
            err(where, f"code {code!r} is not three upper-case letters")
        if code in codes:
            err(where, f"duplicate code {code}")
        codes.add(code)
        actor = f"state {code}"
        if not r["name"]:
            err(where, "empty name")
        else:
            add_form(actor, where, r["name"])
        for col in ("aliases", "adjectives", "seats"):
            for f in split_list(where, col, r[col]):
                add_form(actor, where, f)
        if not r["seats"]:
            err(where, "no capital or seat listed")
    missing = UN_MEMBERS - codes
    if missing:
        err("states.tsv", f"UN member states missing: {', '.join(sorted(missing))}")
    missing = EXTRA_STATES - codes
    if missing:
        err("states.tsv", f"required non-member states missing: {', '.join(sorted(missing))}")
    for extra in sorted(codes - UN_MEMBERS - EXTRA_STATES):
        warn("states.tsv", f"{extra} is neither a UN member nor one of {sorted(EXTRA_STATES)}")

    def check_code(where, col, value, required):
        if value == "":
            if required:
                err(where, f"{col} is empty")
            return
        if not CODE_RE.match(value):
            err(where, f"{col} {value!r} is not three upper-case letters")
        elif value not in codes:
            err(where, f"{col} {value} is not in states.tsv")

    # --- organizations
    org_ids = set()
    org_kind = {}
    for n, r in orgs:
        where = f"organizations.tsv:{n}"
        oid = r["id"]
        if not ORG_ID_RE.match(oid):
            err(where, f"id {oid!r} must be upper case (A-Z, 0-9, _)")
        if oid in org_ids:
            err(where, f"duplicate id {oid}")
        org_ids.add(oid)
        org_kind[oid] = r["kind"]
        if r["kind"] not in ORG_KINDS:
            err(where, f"kind {r['kind']!r} is not one of {sorted(ORG_KINDS)}")
        if r["kind"] == "international_organization":
            if r["country"]:
                warn(where, "international organizations normally have no country")
        else:
            check_code(where, "country", r["country"], required=True)
        actor = f"organization {oid}"
        if not r["name"]:
            err(where, "empty name")
        else:
            add_form(actor, where, r["name"])
        for f in split_list(where, "aliases", r["aliases"]):
            add_form(actor, where, f)

    # --- people
    person_ids = set()
    person_name = {}
    for n, r in people:
        where = f"people.tsv:{n}"
        pid = r["id"]
        if not PERSON_ID_RE.match(pid):
            err(where, f"id {pid!r} must be a lower-case slug")
        if pid in person_ids:
            err(where, f"duplicate id {pid}")
        person_ids.add(pid)
        if not r["name"]:
            err(where, "empty name")
            continue
        person_name[pid] = r["name"]
        if slug(r["name"]) != pid:
            err(where, f"id {pid!r} does not match the slug of the name ({slug(r['name'])!r})")
        check_code(where, "country", r["country"], required=True)
        if r["gender"] not in ("m", "f"):
            err(where, f"gender {r['gender']!r} must be m or f")
        actor = f"person {pid}"
        add_form(actor, where, r["name"])
        for f in split_list(where, "aliases", r["aliases"]):
            add_form(actor, where, f)

    # --- roles
    roles_per_person = {}
    seen_rows = set()
    for n, r in roles:
        where = f"roles.tsv:{n}"
        key = tuple(r.values())
        if key in seen_rows:
            err(where, "duplicate row")
        seen_rows.add(key)
        if r["person"] not in person_ids:
            err(where, f"person {r['person']!r} is not in people.tsv")
        roles_per_person[r["person"]] = roles_per_person.get(r["person"], 0) + 1
        if r["organization"] and r["organization"] not in org_ids:
            err(where, f"organization {r['organization']!r} is not in organizations.tsv")
        check_code(where, "country", r["country"], required=not r["organization"])
        if r["country"] == "" and r["organization"] and org_kind.get(r["organization"]) != "international_organization":
            warn(where, f"empty country for a role in {r['organization']}, which is not an international organization")
        if not r["title"]:
            err(where, "empty title")
        elif r["title"] != r["title"].strip() or "\t" in r["title"]:
            err(where, "bad title")
        if not r["start"]:
            err(where, "empty start")
            continue
        start = parse_date(where, "start", r["start"])
        end = parse_date(where, "end", r["end"]) if r["end"] else None
        if start and end and start[0] > end[1]:
            err(where, f"start {r['start']} is after end {r['end']}")

    # --- aliases shared by different actors (also across singular/plural: matching adds -s itself)
    conflicts = 0
    for form in sorted(forms):
        actors = dict(forms[form])
        if not form.endswith("s") and form + "s" in forms:
            for a, w in forms[form + "s"].items():
                actors.setdefault(a, w)
        if len(actors) > 1:
            conflicts += 1
            err("aliases", f"{form!r} is claimed by " + ", ".join(f"{a} ({w})" for a, w in sorted(actors.items())))

    # --- derived surnames: informational only
    surname_owners = {}
    for pid, name in person_name.items():
        surname_owners.setdefault(name.split()[-1], []).append(pid)
    for surname, pids in sorted(surname_owners.items()):
        if len(pids) > 1:
            warn("surnames", f"derived surname {surname!r} is shared by {', '.join(sorted(pids))} (resolved by role dates and context)")
        other = [a for a in forms.get(surname, {}) if not a.startswith("person ")]
        if other:
            warn("surnames", f"derived surname {surname!r} of {', '.join(pids)} equals a form of {', '.join(other)}")

    without_roles = sorted(p for p in person_ids if p not in roles_per_person)

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    n_forms = sum(len(v) for v in forms.values())
    print()
    print(f"states:        {len(states)} ({len(codes & UN_MEMBERS)} UN members + {len(codes - UN_MEMBERS)} others)")
    kinds = {}
    for _, r in orgs:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"organizations: {len(orgs)} (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
    print(f"people:        {len(people)} ({len(without_roles)} without a role)")
    print(f"roles:         {len(roles)} ({sum(1 for _, r in roles if not r['end'])} open-ended)")
    print(f"names, aliases, adjectives and seats: {n_forms}")
    print(f"errors: {len(errors)}, warnings: {len(warnings)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
