#!/usr/bin/env bash
# Times `sentinelctl validate` (load, schema, format rules, KQL parse and bind) over the shared corpus, JVM start
# included: median wall time of N runs, files per second and peak memory. Usage: bench/validate-corpus.sh [RUNS] [CORPUS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
corpus="${2:-$here/../shared/corpus/azure-sentinel-2023-11}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (it lives in ../shared beside a checkout)"; exit 0; }
"$here/sentinelctl" --version >/dev/null   # builds the jar and its class-data archive if needed

files=$(find "$corpus" -name '*.yaml' -o -name '*.yml' | wc -l)
times=(); mems=()
for i in $(seq "$runs"); do
  out=$( { /usr/bin/time -f '%e %M' "$here/sentinelctl" validate "$corpus" --format json -o /tmp/sentinelctl-bench.json --fail-on never; } 2>&1 | tail -1)
  times+=("${out% *}"); mems+=("${out#* }")
done
python3 - "$files" "${times[*]}" "${mems[*]}" <<'PY'
import statistics, sys
files = int(sys.argv[1]); times = [float(t) for t in sys.argv[2].split()]; mems = [int(m) for m in sys.argv[3].split()]
med = statistics.median(times)
print(f"validate corpus: {files} files, {len(times)} runs, median {med:.2f} s wall (min {min(times):.2f}, max {max(times):.2f}), "
      f"{files/med:.0f} files/s, peak RSS {max(mems)/1024:.0f} MiB")
PY
