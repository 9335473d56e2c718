#!/usr/bin/env bash
# How many of the Sentinel corpus queries the in-process engine runs over empty tables of their catalog
# schemas without EVAL-unsupported, and the most frequent missing features.
#   bench/eval-corpus.sh [--show N]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
QUERIES="$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl"
[ -f "$QUERIES" ] || { echo "eval-corpus: $QUERIES not found (set SHARED)" >&2; exit 2; }
OUT="${KQL_BENCH_OUT:-$ROOT/target/eval-corpus}"
mkdir -p "$OUT"
CP="$(kql_classpath)"
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        e = json.loads(line)
        print(json.dumps({"id": e["id"], "query": e["query"], "now": "2023-11-01T00:00:00Z"}))
' "$QUERIES" > "$OUT/requests.jsonl"
start=$(date +%s.%N)
java -Xss8m -cp "$CP" dev.sentinelctl.cli.Main kql run < "$OUT/requests.jsonl" > "$OUT/ours.jsonl" \
  || { rc=$?; [ "$rc" -eq 2 ] || { echo "eval-corpus: kql run failed (exit $rc)" >&2; exit 2; }; }
end=$(date +%s.%N)
python3 "$ROOT/bench/eval-corpus-report.py" "$OUT/ours.jsonl" "$@"
python3 -c "import sys; print('wall time: %.1f s (JVM start included)' % (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$end"
