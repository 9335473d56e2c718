# Shared by the bench scripts: builds test classes once and prints a java classpath.
# Uses its own build directory so it never fights over target/ with a running IDE or test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
BUILD_DIR="${KQL_BENCH_BUILD_DIR:-$ROOT/target/bench-build}"

kql_classpath() {
  (cd "$ROOT" && mvn -B -q ${MVN_OFFLINE:--o} -Dbuild.dir="$BUILD_DIR" test-compile >&2 \
     && mvn -B -q ${MVN_OFFLINE:--o} -Dbuild.dir="$BUILD_DIR" dependency:build-classpath \
          -Dmdep.outputFile="$BUILD_DIR/cp.txt" >&2)
  echo "$BUILD_DIR/classes:$BUILD_DIR/test-classes:$(cat "$BUILD_DIR/cp.txt")"
}

# Installs the oracle's npm dependencies once (outside shared/, which is read-only) and exports NODE_PATH.
# Returns non-zero when node/npm are missing or the install fails.
oracle_ready() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local deps="${KQL_ORACLE_DEPS:-${TMPDIR:-/tmp}/sentinelctl-kql-oracle-deps}"
  if [ ! -d "$deps/node_modules/@kusto" ]; then
    mkdir -p "$deps" && cp "$SHARED"/kql-oracle/package*.json "$deps"/ \
      && (cd "$deps" && npm ci --silent >/dev/null 2>&1) || return 1
  fi
  export NODE_PATH="$deps/node_modules"
}
