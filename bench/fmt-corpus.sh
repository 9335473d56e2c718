#!/usr/bin/env bash
# What `sentinelctl fmt` promises, measured on the shared corpus, and how fast `fmt --check` is:
#  1. every query of the JSON Lines corpus formats, re-lexes to the same tokens and comments, and a second format
#     changes nothing (FmtQueriesMain; exits 1 otherwise);
#  2. every YAML file of the corpus: how many would change, each checked to load to the same data (fmt's own
#     check), and a second format of each changes nothing (FmtCorpusMain; exits 1 otherwise);
#  3. `sentinelctl fmt --check CORPUS` wall time with JVM start: median of RUNS (goal: under 2 s);
#  4. when node/npm are available: a sample compared with Kusto.Language's formatter (a yardstick only).
# Usage: bench/fmt-corpus.sh [RUNS] [SAMPLE]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
runs="${1:-3}"
sample="${2:-300}"
corpus="$SHARED/corpus/azure-sentinel-2023-11"
queries="$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl"
[ -d "$corpus" ] && [ -f "$queries" ] || { echo "bench: corpus not found under $SHARED/corpus" >&2; exit 1; }
CP="$(kql_classpath)"
out="$BUILD_DIR/fmt-sample.jsonl"

echo "== queries: format, same tokens, idempotent"
java -Xss8m -cp "$CP" dev.sentinelctl.bench.FmtQueriesMain "$queries" --sample "$sample" "$out"

echo "== YAML files: how many change, each loads to the same data, idempotent"
java -Xss8m -cp "$CP" dev.sentinelctl.bench.FmtCorpusMain "$corpus"

echo "== fmt --check over the corpus: wall time with JVM start"
"$ROOT/sentinelctl" --version >/dev/null   # builds the jar and its class-data archive if needed
files=$(find "$corpus" -name '*.yaml' -o -name '*.yml' | wc -l)
times=()
tf="$BUILD_DIR/fmt-time.txt"
for i in $(seq "$runs"); do
  # fmt --check exits 1 here (the corpus is not formatted); anything else is a failure.
  rc=0
  /usr/bin/time -o "$tf" -f '%e %U' "$ROOT/sentinelctl" fmt --check "$corpus" >/dev/null 2>&1 || rc=$?
  [ "$rc" -le 1 ] || { echo "bench: fmt --check failed with exit $rc" >&2; exit 1; }
  times+=("$(tail -1 "$tf")")
done
python3 - "$files" "${times[@]}" <<'PY'
import statistics, sys
files = int(sys.argv[1]); wall = [float(t.split()[0]) for t in sys.argv[2:]]; cpu = [float(t.split()[1]) for t in sys.argv[2:]]
med = statistics.median(wall)
print(f"fmt --check corpus: {files} YAML files, {len(wall)} runs, median {med:.2f} s wall (min {min(wall):.2f}, max {max(wall):.2f}), "
      f"median {statistics.median(cpu):.2f} s user CPU; goal < 2 s wall")
PY

echo "== sample compared with Kusto.Language's formatter (yardstick)"
if oracle_ready; then
  node "$ROOT/bench/fmt-kusto-compare.js" "$out" "$SHARED"
else
  echo "skipped: node/npm not available (or npm ci failed)"
fi
