#!/usr/bin/env bash
# Agreement of `kql run` (the in-process engine) with the output tables printed in Microsoft's Kusto docs:
# shared/reference/kusto-docs-examples.jsonl (self-contained examples). Same columns, same rows (a multiset
# unless the query sorts); prints the agreement and the disagreements per category (unsupported/wrong/error).
#   bench/kql-docs-agreement.sh [--show N]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
EXAMPLES="$SHARED/reference/kusto-docs-examples.jsonl"
[ -f "$EXAMPLES" ] || { echo "kql-docs-agreement: $EXAMPLES not found (set SHARED)" >&2; exit 2; }
OUT="${KQL_BENCH_OUT:-$ROOT/target/kql-docs-agreement}"
mkdir -p "$OUT"
CP="$(kql_classpath)"
# The docs print results of their own run; queries that call now() cannot agree and are pinned to a fixed instant.
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip(): continue
    e = json.loads(line)
    print(json.dumps({"id": e["id"], "query": e["query"], "now": "2024-01-01T00:00:00Z"}))
' "$EXAMPLES" > "$OUT/requests.jsonl"
java -Xss8m -cp "$CP" dev.sentinelctl.cli.Main kql run < "$OUT/requests.jsonl" > "$OUT/ours.jsonl" \
  || { rc=$?; [ "$rc" -eq 2 ] || { echo "kql-docs-agreement: kql run failed (exit $rc)" >&2; exit 2; }; }
python3 "$ROOT/bench/kql-docs-compare.py" "$EXAMPLES" "$OUT/ours.jsonl" --errata "$ROOT/bench/kql-docs-errata.tsv" "$@"
