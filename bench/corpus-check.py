#!/usr/bin/env python3
"""Checks `validate --format json` over the shared corpus: no internal failures, the known real defects
reported, and a table of findings per rule (the "Real-world check" section of docs/checks.md comes from it)."""
import collections
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
diags = report["diagnostics"]
counts = collections.Counter((d["ruleId"], d["severity"]) for d in diags)
files_with_errors = len({d["file"] for d in diags if d["severity"] == "error"})
print(f"corpus: {report['summary']['files']} content files, {files_with_errors} with errors, "
      f"{report['summary']['errors']} errors, {report['summary']['warnings']} warnings")
examples = "--examples" in sys.argv
errors_only = "--errors-only" in sys.argv  # only the errors per rule id (the profile run in .ci/run)
by_rule = collections.defaultdict(list)
for d in diags:
    by_rule[d["ruleId"]].append(d)
for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    if errors_only:
        break
    print(f"  {n:5d}  {severity:8s} {rule}")
    if examples:
        # two examples from different files, the corpus path shortened to what follows azure-sentinel-2023-11/
        seen = set()
        for d in by_rule[rule]:
            if d["file"] in seen or d["severity"] != severity:
                continue
            seen.add(d["file"])
            short = d["file"].split("azure-sentinel-2023-11/")[-1]
            print(f"           {short}:{d['line']}: {d['message'][:160]}")
            if len(seen) == 2:
                break

# Severity means consequence (docs/rules.md): every error should be something ARM/Sentinel rejects or that cannot
# work as written. The README's real-world section justifies each rule that still gives errors here.
errors_by_rule = collections.Counter(d["ruleId"] for d in diags if d["severity"] == "error")
error_files_by_rule = collections.defaultdict(set)
for d in diags:
    if d["severity"] == "error":
        error_files_by_rule[d["ruleId"]].add(d["file"])
print("errors per rule id:")
for rule, n in sorted(errors_by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {rule:32s} {n:5d} errors in {len(error_files_by_rule[rule]):4d} files")
print(f"  {'total':32s} {sum(errors_by_rule.values()):5d} errors in {files_with_errors:4d} files")
dialects = collections.Counter(d["ruleId"] for d in diags if d["ruleId"] in ("CONTENT-dialect", "CONTENT-not-checked"))
print(f"files named as another dialect or kind: {dict(dialects)}")

problems = []
if counts.get(("INTERNAL", "error")):
    problems.append("sentinelctl failed internally on some files")
def count(rule, text=""):
    return sum(1 for d in diags if d["ruleId"] == rule and text in d["message"])
expectations = {
    "non-GUID ids": count("SCHEMA-format", "is not a GUID") >= 7,
    "tactic names that are not tactics": count("SCHEMA-enum", "not a valid tactic") >= 200,
    "ISO-8601 durations": count("RULE-duration-format") >= 1,
    "the tab that YAML 1.1 readers reject": count("YAML-tab") >= 1,
    # parsers are another kind: one note each, never a wall of schema errors
    "parsers named, not validated": dialects.get("CONTENT-not-checked", 0) >= 500,
}
if any(d["ruleId"].startswith("SCHEMA-") and "/Parsers/" in d["file"] for d in diags):
    problems.append("a parser file got schema findings instead of one CONTENT-not-checked note")
for name, ok in expectations.items():
    if not ok:
        problems.append("expected real defect not reported: " + name)
if problems:
    print("\n".join("FAIL: " + p for p in problems))
    sys.exit(1)
print("corpus check passed")
