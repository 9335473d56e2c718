#!/usr/bin/env bash
# What deploy preflight adds to `plan --fleet` of W workspaces × R rules against the local ARM sandbox with a fixed
# latency per request: --no-preflight, the default tables check, and --check-data (best of 3 each), with the
# requests by kind and the extra wall time per workspace against the latency-bound ideal.
#   bench/preflight-sandbox.sh [workspaces=30] [rules=100] [latency-ms=20] [parallelism=4]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CP="$(kql_classpath)"
java -cp "$CP" dev.sentinelctl.bench.PreflightSandboxBench "${1:-30}" "${2:-100}" "${3:-20}" "${4:-4}"
