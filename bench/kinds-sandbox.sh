#!/usr/bin/env bash
# plan + apply of watchlists, parsers (source and union), rules and automation rules to the local ARM sandbox with a fixed latency per
# request, against the ideal schedule (dependency waves × per-request latency ÷ parallelism, formula in
# KindsSandboxBench), then a no-op rerun and the write count of a one-row watchlist change.
#   bench/kinds-sandbox.sh [watchlists=20] [rows=1000] [parsers=50] [rules=500] [latency-ms=50] [parallelism=4] [automation-rules=50]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CP="$(kql_classpath)"
java -cp "$CP" dev.sentinelctl.bench.KindsSandboxBench "${1:-20}" "${2:-1000}" "${3:-50}" "${4:-500}" "${5:-50}" "${6:-4}" "${7:-50}"
