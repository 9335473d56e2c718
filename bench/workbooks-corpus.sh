#!/usr/bin/env bash
# Workbooks of the shared corpus: every Content Hub package (Solutions/*/Package/mainTemplate.json) that holds a
# Microsoft.Insights/workbooks resource is imported; prints how many workbooks came out as YAML + gallery JSON, and
# how many pass check — as imported (a package computes the location at deploy time, so the YAML lacks one) and with
# a location added. Fails (non-zero, with the reason) when a package's workbook does not import.
# Usage: bench/workbooks-corpus.sh [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/azure-sentinel-2023-11}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (it lives in ../shared beside a checkout)"; exit 0; }
"$here/sentinelctl" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
n=0
while IFS= read -r -d '' f; do
  if grep -q '"Microsoft.Insights/workbooks"' "$f"; then
    n=$((n + 1))
    solution="$(basename "$(dirname "$(dirname "$f")")")"
    mkdir -p "$work/in/$solution/Package"
    cp "$f" "$work/in/$solution/Package/mainTemplate.json"
  fi
done < <(find "$corpus" -path '*/Package/mainTemplate.json' -print0)
expected=$(grep -o '"Microsoft.Insights/workbooks"' -r "$work/in" | wc -l)
"$here/sentinelctl" import "$work/in" --out "$work/out" --fail-on never > "$work/import.txt" 2>&1 || true
yamls=$(find "$work/out" -path '*Workbooks/*.yaml' | wc -l)
jsons=$(find "$work/out" -path '*Workbooks/*.json' | wc -l)
echo "packages with workbooks: $n; workbook resources: $expected; imported: $yamls YAML + $jsons gallery JSON"
check() {
  "$here/sentinelctl" check "$work/out" --fail-on never --format json -o "$work/check.json" >/dev/null 2>&1 || true
  python3 - "$work/check.json" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bad = sorted({d["file"] for d in r["diagnostics"] if d["severity"] == "error" and "/Workbooks/" in d["file"]})
rules = sorted({d["ruleId"] for d in r["diagnostics"] if d["severity"] == "error" and "/Workbooks/" in d["file"]})
print(f"  {sys.argv[2]}: {len(bad)} workbook files with errors ({', '.join(rules) or 'none'})")
PY
}
check "as imported"
find "$work/out" -path '*Workbooks/*.yaml' -print0 | while IFS= read -r -d '' y; do
  grep -q '^location:' "$y" || printf 'location: westeurope\n' >> "$y"
done
check "with location: westeurope added"
if [ "$yamls" -ne "$expected" ] || [ "$jsons" -ne "$expected" ]; then
  echo "bench: $((expected - yamls)) workbook(s) did not import:"; grep -i workbook "$work/import.txt" || cat "$work/import.txt"
  exit 1
fi
