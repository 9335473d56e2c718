#!/usr/bin/env bash
# apply --fleet of W workspaces × R rules (3 rings) to the local ARM sandbox with a fixed latency per request, then
# a no-op rerun: wall time against the ideal ring-by-ring schedule (with arm-limits: ARM's write bucket, 200 burst and
# 10/s refill per principal and subscription), and the time each ring took.
#   bench/fleet-sandbox.sh [workspaces=100] [rules=200] [latency-ms=50] [parallelism=4] [subscriptions=1] [arm-limits] [in-flight=N]
# in-flight: --workspaces-in-flight (default: the number of subscriptions, at most 64).
# The full 100 × 200 with arm-limits in one subscription is 40,000 writes: about 66 minutes by ARM's budget alone.
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CP="$(kql_classpath)"
java -cp "$CP" dev.sentinelctl.bench.FleetSandboxBench "${1:-100}" "${2:-200}" "${3:-50}" "${4:-4}" "${5:-1}" "${@:6}"
