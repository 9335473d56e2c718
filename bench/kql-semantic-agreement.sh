#!/usr/bin/env bash
# Semantic agreement of our `kql analyze` (parse + bind against the built-in catalog) with Microsoft's
# Kusto.Language on the Sentinel corpus (2,765 queries, verdicts precomputed in shared/corpus):
#   - semantic verdict (clean / has semantic diagnostics), over all queries;
#   - result columns (names, order; names and types), over the queries Microsoft binds cleanly;
#   - referenced-table sets (tables + unknownTables), over all queries.
# Accepted disagreements and their reasons: src/test/resources/kql/known-differences.md.
#   bench/kql-semantic-agreement.sh [show=0]   (show > 0 lists that many disagreements per metric)
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
SHOW="${1:-0}"
QUERIES="$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl"
ORACLE="$SHARED/corpus/oracle-azure-sentinel-2023-11.jsonl"
OUT="${KQL_BENCH_OUT:-$ROOT/target/kql-semantic}"
mkdir -p "$OUT"
CP="$(kql_classpath)"
java -Xss4m -cp "$CP" dev.sentinelctl.bench.KqlSemanticMain < "$QUERIES" > "$OUT/corpus-ours.jsonl"
python3 "$ROOT/bench/kql-semantic-compare.py" "$ORACLE" "$OUT/corpus-ours.jsonl" "$SHOW"
if [ "${WITH_COMPARE_JS:-0}" = 1 ] && oracle_ready; then
  echo
  echo "== shared/kql-oracle/compare.js"
  node "$SHARED/kql-oracle/compare.js" "$ORACLE" "$OUT/corpus-ours.jsonl" --show 0 || true
fi
