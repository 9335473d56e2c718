#!/usr/bin/env bash
# The build → import round trip over every file of the shared corpus that passes validate, then the Content
# Hub packages' import, then the time of 'build' over the whole corpus (JVM start included).
# Prints the rates and every exception with its reason. Usage: bench/roundtrip-corpus.sh [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/azure-sentinel-2023-11}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (it lives in ../shared beside a checkout)"; exit 0; }
"$here/sentinelctl" --version >/dev/null   # builds the jar and its class-data archive if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0

echo "== round trip with the source fields build keeps in template metadata (what import gives back)"
"$here/sentinelctl" roundtrip "$corpus" || status=1

echo "== round trip through ARM alone (--no-source-fields): which YAML fields ARM resources cannot carry"
"$here/sentinelctl" roundtrip --arm-only "$corpus" > "$work/armonly.txt" || true
grep -c '^EXCEPTION' "$work/armonly.txt" >/dev/null && sed -n 's/^EXCEPTION //p' "$work/armonly.txt" | sed 's/^/  /'
tail -3 "$work/armonly.txt"

echo "== Content Hub packages (Solutions/*/Package/mainTemplate.json)"
packages=$(find "$corpus/Solutions" -path '*/Package/mainTemplate.json' 2>/dev/null | wc -l)
"$here/sentinelctl" import "$corpus/Solutions" --out "$work/packages" --format json -o "$work/import.json" \
    --fail-on never 2> "$work/import.err" || true
python3 - "$work/import.json" "$work/packages" "$packages" <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1])); out = sys.argv[2]
written = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.endswith(".yaml")]
rules = [w for w in written if "/Analytic Rules/" in w]
workbooks = [w for w in written if "/Workbooks/" in w]  # counted by bench/workbooks-corpus.sh
failed = {d["file"] for d in report["diagnostics"] if d["severity"] == "error" and d["file"].startswith(out)}
print(f"packages: {sys.argv[3]}; imported {len(rules)} analytic rules (built-in kinds included), "
      f"{len(written) - len(rules) - len(workbooks)} hunting queries and {len(workbooks)} workbooks; "
      f"{len(written) - len(failed)} of {len(written)} pass validate")
for d in report["diagnostics"]:
    if d["severity"] == "error" or d["ruleId"].startswith("IMPORT"):
        print(f"  {d['severity']} {d['ruleId']} {os.path.relpath(d['file'], out) if d['file'].startswith(out) else d['file']}: {d['message']}")
PY
cat "$work/import.err"

echo "== build of the whole corpus (JVM start included)"
for i in 1 2 3; do
  rm -rf "$work/arm"
  /usr/bin/time -f "build: %e s wall, %U s user, %S s sys, %M KiB peak" "$here/sentinelctl" build "$corpus" \
      --out "$work/arm" --format json -o "$work/build.json" --fail-on never 2>&1 | grep -v '^Command exited' || true
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
exit $status
