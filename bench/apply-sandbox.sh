#!/usr/bin/env bash
# apply of N generated analytic rules to the local ARM sandbox with a fixed latency per request, then a no-op
# rerun: wall time against the ideal schedule (requests × latency ÷ parallelism) and the rerun's request counts.
#   bench/apply-sandbox.sh [rules=500] [latency-ms=50] [parallelism=4] [arm-limits]
# arm-limits: the sandbox enforces ARM's write budget (200 + 10/s) with 429 + Retry-After.
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CP="$(kql_classpath)"
java -cp "$CP" dev.sentinelctl.bench.ApplySandboxBench "${1:-500}" "${2:-50}" "${3:-4}" ${4:-}
