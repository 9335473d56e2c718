#!/usr/bin/env bash
# Parse throughput of our KQL front end on the Sentinel corpus (one thread, warm), and — when node and npm
# are available — Microsoft's oracle in syntax-only mode on the same corpus for comparison.
#   bench/kql-parse.sh [corpus.jsonl]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CORPUS="${1:-$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl}"
CP="$(kql_classpath)"

echo "== sentinelctl KQL parser"
java -Xss4m -cp "$CP" dev.sentinelctl.bench.KqlParseBench "$CORPUS" "${WARMUP:-5}" "${PASSES:-10}"

echo
echo "== Microsoft Kusto.Language oracle (--syntax-only)"
if oracle_ready; then
  start=$(date +%s.%N)
  node "$SHARED/kql-oracle/oracle.js" --syntax-only --stats < "$CORPUS" > /dev/null 2> "${TMPDIR:-/tmp}/kql-oracle-stats.txt" || true
  end=$(date +%s.%N)
  grep -iE "queries/s|q/s|stats" "${TMPDIR:-/tmp}/kql-oracle-stats.txt" | grep -v "schema warning" | tail -3 || true
  n=$(grep -c . "$CORPUS")
  awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "oracle wall clock incl. startup: %d queries in %.1f s = %.0f queries/s\n", n, e - s, n / (e - s) }'
else
  echo "skipped: node/npm not available (or npm ci failed)"
fi
