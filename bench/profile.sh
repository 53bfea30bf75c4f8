#!/usr/bin/env bash
# Profile `kb ingest` over a small generated corpus with callgrind, and print the top functions
# by inclusive cost (instructions).
#
#   bash bench/profile.sh [ARTICLES] [KB] [TAG]   # defaults: 500, .build-bench/release/kb, none
#
# Outputs go to bench/out/callgrind-ARTICLES[-TAG].* (a TAG keeps an earlier profile from being
# overwritten, e.g. the commit the binary was built from).
#
# Build the release binary first: swift build -c release --static-swift-stdlib --scratch-path .build-bench
# Takes ~10-20 minutes for 500 articles (callgrind runs kb ~50x slower, on one core).
# perf would be faster, but this machine's VM exposes no hardware counters
# (`perf stat -e instructions true` says <not supported>).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
n="${1:-500}"
kb="${2:-$repo/.build-bench/release/kb}"
tag="${3:+-$3}"
out="$here/out"
mkdir -p "$out"
[ -x "$kb" ] || { echo "no kb binary at $kb: swift build -c release --static-swift-stdlib --scratch-path .build-bench" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }

corpus="$out/corpus-$n"
[ -f "$corpus/.corpus-stats.json" ] || python3 "$here/generate.py" --articles "$n" --out "$corpus" --seed 1
db="$out/profile-$n.db"
rm -f "$db" "$db-wal" "$db-shm" "$db.lock"
cg="$out/callgrind.out.ingest-$n$tag"
name="$out/callgrind-$n$tag"
valgrind --tool=callgrind --callgrind-out-file="$cg" "$kb" ingest "$corpus" --db "$db" 2> "$name.log"
# Swift symbols demangle through swift-demangle when callgrind_annotate's own demangler leaves them.
callgrind_annotate --inclusive=yes "$cg" > "$name.inclusive.txt"
callgrind_annotate "$cg" > "$name.self.txt"
callgrind_annotate --inclusive=yes --tree=caller "$cg" > "$name.callers.txt"
if command -v swift-demangle >/dev/null; then
  for f in "$name.inclusive.txt" "$name.self.txt" "$name.callers.txt"; do
    swift-demangle --simplified < "$f" > "$f.tmp" && mv "$f.tmp" "$f"
  done
fi
# The top of the inclusive list is the main -> Ingest.run chain and libdispatch/GRDB plumbing
# (DispatchQueue.sync, thunks, partial applies, withBindings); they are left out here, not in
# the files.
skip='libdispatch|libswiftDispatch|partial apply|thunk for|<compiler-generated>|ld-linux|libc-start|below main|withBindings|SerializedDatabase|DatabaseQueue|closure #1 in KBStore|Database.inTransaction|Statement.withArguments|DatabaseValue.swift|PROGRAM TOTALS|kb_main|Ingest.run\(\)'
echo "== top functions by inclusive cost ($name.inclusive.txt)"
grep -m 1 -B 3 -A 100000 'file:function' "$name.inclusive.txt" | grep -E '^ *[0-9,]+ \(' | grep -Ev "$skip" \
  | sed -E 's/ \[[^]]*\]$//' | head -n 25 | cut -c1-200
echo "== top functions by self cost ($name.self.txt)"
grep -m 1 -A 100000 'file:function' "$name.self.txt" | grep -E '^ *[0-9,]+ \(' | grep -v 'PROGRAM TOTALS' \
  | sed -E 's/ \[[^]]*\]$//' | head -n 15 | cut -c1-200
