#!/usr/bin/env python3
"""Datasette as a reader of a kb database, for real: serves DB on 127.0.0.1 with the metadata
`kb datasette-metadata` writes, fetches a table, a canned query and full-text searches as JSON,
and checks their rows against kb's own answers. Exit 0 when every check holds.

    python3 Tests/datasette/check.py --kb .build/debug/kb --db kb.db
"""
import argparse, json, os, signal, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--kb", required=True)
p.add_argument("--db", required=True)
p.add_argument("--datasette", default="datasette")
a = p.parse_args()

failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

def kb(*args):
    out = subprocess.run([a.kb, *args, "--db", a.db], capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]

name = os.path.splitext(os.path.basename(a.db))[0]
meta = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
meta.write(subprocess.run([a.kb, "datasette-metadata", "--db", a.db], capture_output=True, text=True, check=True).stdout)
meta.close()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([a.datasette, "serve", a.db, "-m", meta.name, "-h", "127.0.0.1", "-p", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
base = f"http://127.0.0.1:{port}"

def get(path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)

try:
    for _ in range(100):
        try:
            get("/-/versions.json"); break
        except Exception:
            if server.poll() is not None:
                sys.exit("datasette did not start: " + server.stderr.read())
            time.sleep(0.2)

    # Internal tables are hidden; the others are listed with their description.
    tables = {t["name"]: t for t in get(f"/{name}.json")["tables"]}
    check(all(t["hidden"] for n, t in tables.items() if n.startswith("_kb_") or n.startswith("sentences_fts_")), "_kb_* and the FTS index's tables are hidden")
    check(not tables["stances"]["hidden"] and not tables["sources"]["hidden"], "stances and sources are shown")
    table_meta = get("/-/metadata.json")["databases"][name]["tables"]
    check(table_meta["stances"]["columns"]["holder_id"].startswith("whose position it is"), "column descriptions come from the schema comments")

    # A table: every statement, each foreign key labelled (the topic by its label, the holder by its name).
    rows = get(f"/{name}/stances.json", _shape="array", _labels="on", _size="max")
    statements = kb("sql", "SELECT count(*) AS n FROM stances")[0]["n"]
    check(len(rows) == statements and statements > 0, f"the stances table has its {statements} rows")
    labelled = [r for r in rows if isinstance(r.get("topic_id"), dict)]
    check(labelled and all(isinstance(r["topic_id"].get("label"), str) and r["topic_id"]["label"] for r in labelled), "topic_id shows the topic's label")
    check(all(isinstance(r["holder_id"], dict) and r["holder_id"]["label"] for r in rows), "holder_id shows the actor's name")

    # A canned query: the rows kb query gives for the same question.
    q = "Israeli strikes in Syria by year"
    canned = get(f"/{name}/israeli_strikes_in_syria.json", _shape="array")
    answer = kb("query", "--all", "--format", "jsonl", q)
    check(len(canned) == len(answer) and len(answer) > 0, f"the canned query gives kb query's {len(answer)} rows for '{q}'")
    check(sorted(r["id"] for r in canned) == sorted(r["id"] for r in answer), "… the same records")

    # Full-text search: the canned search finds what kb search finds, sentences naming no actor too.
    for word in ["Quneitra", "deconfliction", "Netanyahu"]:
        found = get(f"/{name}/search_sentences.json", _shape="array", q=word)
        expected = kb("search", "--all", "--format", "jsonl", word)
        check(len(found) == len(expected) and found, f"the full-text search finds kb search's {len(expected)} sentences for '{word}'")
        check({r["sentence_id"] for r in found} == {r["sentence_id"] for r in expected}, "… the same sentences")
    # And the table's own search box (Datasette's FTS detection on sentences).
    box = get(f"/{name}/sentences.json", _shape="array", _search="Quneitra")
    check(len(box) == len(kb("search", "--all", "--format", "jsonl", "Quneitra")), "the sentences table's search box uses the FTS index")

    # Facets by year and holder.
    faceted = get(f"/{name}/stance_statements_view.json", _size="0")
    check({"year", "holder"} <= set(faceted.get("facet_results", {}).get("results", faceted.get("facet_results", {})).keys()), "statements are faceted by year and holder")
finally:
    # Its own process group: a shim's child goes too. SIGTERM may be blocked by whoever started
    # this script (a test runner's thread), so SIGKILL follows.
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    os.unlink(meta.name)

print(f"{len(failures)} failed" if failures else "datasette: every check passed")
sys.exit(1 if failures else 0)
