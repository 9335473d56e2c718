#!/usr/bin/env bash
# Throughput of the in-process KQL engine: the seed query and five corpus shapes (where/extend, summarize by
# bin, join, mv-expand, parse) over generated tables of ROWS rows (default 1,000,000), one thread, warm.
# Prints input rows per CPU-second and the peak heap; the JVM is capped at 1 GB so a run that needs more fails.
#   bench/eval-throughput.sh [rows=1000000] [passes=5]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CP="$(kql_classpath)"
java -Xmx${EVAL_BENCH_XMX:-1g} -XX:+UseParallelGC -Xss8m -cp "$CP" dev.sentinelctl.bench.EvalThroughputBench "${1:-1000000}" "${2:-5}"
