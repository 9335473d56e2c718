#!/usr/bin/env bash
# Every parser and watchlist in the shared Azure-Sentinel corpus: import (the four parser dialects, the watchlist ARM
# templates) into sentinelctl's forms, then `validate` the result (schema, CSV checks, the parsers' queries bound with
# their parameters and the other parsers in scope). Prints the counts and what does not pass, grouped by reason.
# Usage: bench/import-kinds-corpus.sh [CORPUS_DIR]. Exits non-zero when the corpus has no parsers or the import crashes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/azure-sentinel-2023-11}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (it lives in ../shared beside a checkout)"; exit 0; }
"$here/sentinelctl" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "bench: work folder $work"

# A copy of only the parser and watchlist files (read-me and note .txt files in parser folders are not parsers), so the paths keep their solution and the ARM importer
# does not also read the corpus' rule packages.
mkdir -p "$work/src"
( cd "$corpus" && find Parsers Solutions Watchlists -type f \
    \( -path '*Parsers/*' ! -iname 'readme*' ! -iname 'note*' \( -name '*.yaml' -o -name '*.yml' -o -name '*.txt' -o -name '*.kql' -o -name '*.csl' \) \
       -o -path 'Watchlists/*' -name '*.json' \) 2>/dev/null ) > "$work/sources.txt"
sources=$(wc -l < "$work/sources.txt")
[ "$sources" -gt 0 ] || { echo "bench: no parser or watchlist files under $corpus" >&2; exit 1; }
while IFS= read -r f; do
  mkdir -p "$work/src/$(dirname "$f")"
  cp "$corpus/$f" "$work/src/$f"
done < "$work/sources.txt"

set +e
"$here/sentinelctl" import "$work/src" --out "$work/out" --format json -o "$work/import.json" --fail-on never \
    2> "$work/import.err"
rc=$?
set -e
[ $rc -le 1 ] || { echo "bench: import failed (exit $rc)" >&2; cat "$work/import.err" >&2; exit 1; }
"$here/sentinelctl" validate "$work/out" --format json -o "$work/validate.json" --fail-on never || true

python3 - "$work" "$sources" <<'PY'
import collections, json, os, re, sys
work, sources = sys.argv[1], int(sys.argv[2])
out = os.path.join(work, "out")
imp = json.load(open(os.path.join(work, "import.json")))
val = json.load(open(os.path.join(work, "validate.json")))
written = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.endswith(".yaml")]
parsers = [w for w in written if os.path.basename(w) != "watchlist.yaml"]
watchlists = [w for w in written if os.path.basename(w) == "watchlist.yaml"]
src_parsers = sum(1 for l in open(os.path.join(work, "sources.txt")) if "Parsers/" in l)
src_watch = sum(1 for l in open(os.path.join(work, "sources.txt")) if l.startswith("Watchlists/"))

def norm(msg):
    msg = re.sub(r"'[^']*'", "'…'", msg)
    msg = re.sub(r"\b[0-9a-f]{8}-[0-9a-f-]{27}\b", "<id>", msg)
    msg = re.sub(r"/\S+", "<path>", msg)
    msg = re.sub(r"\d+", "N", msg)
    return msg[:110]

def rel(f):
    return os.path.relpath(f, out) if f.startswith(out) else os.path.relpath(f, os.path.join(work, "src")) if f.startswith(work) else f

failing = collections.defaultdict(set)
for d in val["diagnostics"]:
    if d["severity"] == "error":
        failing[d["file"]].add(d["ruleId"])
def passed(files):
    return [f for f in files if not any(k.startswith(f[:-len("watchlist.yaml")]) if f.endswith("watchlist.yaml") else k == f
                                        for k in failing)]
print(f"parser source files: {src_parsers}; imported {len(parsers)}; pass validate: {len(passed(parsers))} "
      f"({100.0 * len(passed(parsers)) / max(1, src_parsers):.1f}% of the sources)")
print(f"watchlist template files (Watchlists/*.json): {src_watch}; watchlists imported: {len(watchlists)}; "
      f"pass validate: {len(passed(watchlists))}")
print("import notes and failures, grouped:")
groups = collections.Counter()
examples = {}
for d in imp["diagnostics"]:
    if not d["ruleId"].startswith("IMPORT"):
        continue
    k = (d["severity"], d["ruleId"], norm(d["message"]))
    groups[k] += 1
    examples.setdefault(k, rel(d["file"]))
for (sev, rule, msg), n in groups.most_common():
    print(f"  {n:4d} {sev} {rule}: {msg}   e.g. {examples[(sev, rule, msg)]}")
print("validate errors on the imported files, grouped (files affected, findings):")
by_rule = collections.defaultdict(lambda: [set(), 0, None])
for d in val["diagnostics"]:
    if d["severity"] != "error":
        continue
    k = (d["ruleId"], norm(d["message"]))
    g = by_rule[k]; g[0].add(d["file"]); g[1] += 1; g[2] = g[2] or rel(d["file"])
for (rule, msg), (files, n, ex) in sorted(by_rule.items(), key=lambda kv: -len(kv[1][0]))[:40]:
    print(f"  {len(files):4d} files {n:5d}x {rule}: {msg}   e.g. {ex}")
# one reason per failing parser file, the most telling first, so the groups add up to the failures
priority = ["YAML-syntax", "SCHEMA-required", "SCHEMA-format", "KS001", "KS005", "KS006", "KS198", "PARSER-cycle",
            "PARSER-duplicate-alias", "REPO-duplicate-id", "KS107", "KS119", "KS120", "KS211", "KS142"]
errors_by_file = collections.defaultdict(set)
for d in val["diagnostics"]:
    if d["severity"] == "error":
        errors_by_file[d["file"]].add(d["ruleId"])
primary = collections.Counter()
for f, rules in errors_by_file.items():
    if f.endswith("watchlist.yaml") or f.endswith(".csv"):
        continue
    primary[next((r for r in priority if r in rules), sorted(rules)[0])] += 1
print("failing parser files by their first reason: " + ", ".join(f"{r} {n}" for r, n in primary.most_common()))
names = collections.Counter()
for d in val["diagnostics"]:
    if d["ruleId"] in ("KS211", "KS142"):
        m = re.search(r"'([^']*)'", d["message"])
        if m: names[(d["ruleId"], m.group(1))] += 1
print("most frequent unknown names (KS211 function, KS142 name): " + ", ".join(f"{n} ({r}) x{c}" for (r, n), c in names.most_common(15)))
print(f"summary: {val['summary']}")
PY
