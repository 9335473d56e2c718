#!/usr/bin/env bash
# Parse + bind throughput of our KQL front end and binder on the Sentinel corpus: one thread, warm, built-in
# catalog. Prints wall-clock queries/s and queries per CPU-second of the benchmark thread (the steadier
# figure on a shared machine), plus bind-only throughput on pre-parsed trees.
#   bench/kql-bind.sh [corpus.jsonl]   (WARMUP=5 PASSES=10 by default)
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CORPUS="${1:-$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl}"
CP="$(kql_classpath)"
java -Xss4m -cp "$CP" dev.sentinelctl.bench.KqlBindBench "$CORPUS" "${WARMUP:-5}" "${PASSES:-10}"
