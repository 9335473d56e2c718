#!/usr/bin/env bash
# Throughput of `sentinelctl test`: generates RULES rules x TESTS tests (default 100 x 10 = 1,000 tests), each
# test over a 1,000-row EmailEvents fixture (half inline generators, half CSV files of 1,000 rows), runs
# `sentinelctl test` on them through the launcher (JVM start included) and prints wall time, CPU time, tests/s
# and fixture rows/s. Target (issue 13): 1,000 tests over 1,000-row fixtures in <= 10 s.
#   bench/test-throughput.sh [rules] [tests-per-rule] [rows]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
RULES="${1:-100}"; TESTS="${2:-10}"; ROWS="${3:-1000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sentinelctl-test-bench.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT; [ -n "${KEEP:-}" ] && echo "generated in $work" >&2
command -v python3 >/dev/null || { echo "test-throughput: python3 is needed to generate the tests" >&2; exit 2; }
HERE="$here" python3 - "$work" "$RULES" "$TESTS" "$ROWS" <<'PY'
import os, sys, uuid
work, rules, tests, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rule_text = open(os.path.join(os.environ.get("HERE", "."), "content/Detections/EmailEvents/MailSurgeFromOneSender.yaml")).read()
d = os.path.join(work, "content", "Detections", "EmailEvents")
os.makedirs(d)
for r in range(rules):
    text = rule_text.replace("34424d14-230d-428b-958b-d6d48c1a1c52", str(uuid.UUID(int=r + 1))).replace(
        "name: Mail surge from one sender to many recipients", "name: Mail surge %d" % r)
    open(os.path.join(d, "Rule%03d.yaml" % r), "w").write(text)
    # one CSV per rule: ROWS messages from one sender (fires), timestamps inside the hour
    with open(os.path.join(d, "Rule%03d.csv" % r), "w") as f:
        f.write("TimeGenerated [UTC],SenderFromAddress,SenderFromDomain,RecipientEmailAddress,Subject,EmailDirection\n")
        for i in range(rows):
            f.write("2024-05-01T11:%02d:%02dZ,sender%d@contoso.com,contoso.com,user%d@fabrikam.com,\"Hello, %d\",Outbound\n"
                    % (i // 60 % 60, i % 60, i % 3, i, i))
    out = ["defaults:", "  now: 2024-05-01T12:00:00Z", "tests:"]
    for t in range(tests):
        out.append("  - name: test %d" % t)
        if t % 2 == 0:
            out += ["    tables:", "      EmailEvents: {file: Rule%03d.csv}" % r,
                    "    expect: {fires: true, rows: 3, contains: [{SenderFromAddress: sender0@contoso.com}]}"]
        else:
            out += ["    exclusions: {excludedSenderDomains: [contoso.com]}" if t % 4 == 1 else "    exclusions: {}",
                    "    tables:", "      EmailEvents:", "        generate:", "          - count: %d" % rows,
                    "            row: {TimeGenerated: {from: now-50m, step: 1s}, SenderFromAddress: \"s{i}@contoso.com\", "
                    "SenderFromDomain: contoso.com, RecipientEmailAddress: \"u{i}@fabrikam.com\", EmailDirection: Inbound}",
                    "    expect: {fires: false}"]
    open(os.path.join(d, "Rule%03d.tests.yaml" % r), "w").write("\n".join(out) + "\n")
PY
cd "$here"
./sentinelctl --version >/dev/null   # build the jar and the class-data archive outside the measurement
total=$((RULES * TESTS))
start=$(date +%s.%N)
set +e
/usr/bin/time -f "%U %S" -o "$work/cpu" ./sentinelctl test "$work/content" --format json --output "$work/report.json" >/dev/null
code=$?
set -e
end=$(date +%s.%N)
[ "$code" -eq 0 ] || { echo "test-throughput: sentinelctl test exited $code (expected every generated test to pass); see the report:" >&2; head -c 2000 "$work/report.json" >&2; exit 1; }
passed=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['passed'])" "$work/report.json")
[ "$passed" -eq "$total" ] || { echo "test-throughput: $passed of $total tests passed" >&2; exit 1; }
read -r user sys < "$work/cpu"
python3 - "$start" "$end" "$user" "$sys" "$total" "$ROWS" <<'PY'
import sys
start, end, user, sys_t, total, rows = map(float, sys.argv[1:])
wall = end - start
print("tests: %d over %d-row fixtures (%d fixture rows)" % (total, rows, total * rows))
print("wall:  %.2f s (JVM start included); CPU %.2f s user + %.2f s sys" % (wall, user, sys_t))
print("rate:  %.0f tests/s, %.0f fixture rows/s wall" % (total / wall, total * rows / wall))
print("target <= 10 s: %s" % ("met" if wall <= 10 else "MISSED"))
PY
