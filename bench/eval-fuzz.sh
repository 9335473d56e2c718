#!/usr/bin/env bash
# Robustness of the in-process engine: every corpus query over small generated tables of its catalog tables;
# lists every "internal error" (an engine defect). Exit 1 when there is one.
#   bench/eval-fuzz.sh [corpus.jsonl]
set -euo pipefail
. "$(dirname "$0")/kql-common.sh"
CORPUS="${1:-$SHARED/corpus/queries-azure-sentinel-2023-11.jsonl}"
[ -f "$CORPUS" ] || { echo "eval-fuzz: $CORPUS not found (set SHARED)" >&2; exit 2; }
CP="$(kql_classpath)"
java -Xss8m -Xmx1g -cp "$CP" dev.sentinelctl.bench.EvalCorpusFuzz "$CORPUS"
