#!/usr/bin/env python3
"""Checks `validate --format json` over the shared corpus: no internal failures, the known real defects
reported, and a table of findings per rule (the README's "Real-world check" section comes from it)."""
import collections
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
diags = report["diagnostics"]
counts = collections.Counter((d["ruleId"], d["severity"]) for d in diags)
files_with_errors = len({d["file"] for d in diags if d["severity"] == "error"})
print(f"corpus: {report['summary']['files']} content files, {files_with_errors} with errors, "
      f"{report['summary']['errors']} errors, {report['summary']['warnings']} warnings")
for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {n:5d}  {severity:8s} {rule}")

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
}
for name, ok in expectations.items():
    if not ok:
        problems.append("expected real defect not reported: " + name)
if problems:
    print("\n".join("FAIL: " + p for p in problems))
    sys.exit(1)
print("corpus check passed")
