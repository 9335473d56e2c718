#!/usr/bin/env bash
# Playbooks of the shared corpus: every ARM deployment template (*.json) with a Logic App, API connection or custom
# connector resource (Microsoft.Logic/workflows, Microsoft.Web/connections, Microsoft.Web/customApis) is imported the
# way `sentinelctl import --repositories` takes playbooks over (the template as it is, with its *.parameters*.json
# files; sentinelctl decides what is a playbook), then validated. Prints how many templates import, how many pass
# validate, and why the others do not, grouped. Content Hub packages that embed Logic Apps are counted apart: import
# takes a package's rules, hunting queries and workbooks, not its playbooks.
# Usage: bench/playbooks-corpus.sh [CORPUS_DIR]. Exits non-zero when the import or validate cannot run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/azure-sentinel-2023-11}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus (it lives in ../shared beside a checkout)"; exit 0; }
"$here/sentinelctl" --version >/dev/null   # builds the jar if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "bench: work folder $work"

# Candidates: deployment templates naming one of the playbook resource types at the top level, with their parameter
# files; and packages (mainTemplate.json) that embed Logic Apps, which are only counted.
python3 - "$corpus" "$work" <<'PY'
import json, os, re, shutil, sys
corpus, work = sys.argv[1], sys.argv[2]
types = ("microsoft.logic/workflows", "microsoft.web/connections", "microsoft.web/customapis")
cand, packages, unreadable = [], [], []
for d, _, fs in os.walk(corpus):
    for f in fs:
        low = f.lower()
        if not low.endswith(".json") or ".parameters" in low or low.endswith("metadata.json"):
            continue
        p = os.path.join(d, f)
        rel = os.path.relpath(p, corpus)
        try:
            text = open(p, encoding="utf-8-sig").read()
        except OSError as e:
            unreadable.append(f"{rel}: {e}")
            continue
        if low == "maintemplate.json":
            if re.search(r'"Microsoft\.Logic/workflows"', text, re.I):
                packages.append(rel)
            continue
        if not re.search(r'Microsoft\.(Logic/workflows|Web/connections|Web/customApis)', text, re.I):
            continue
        try:
            root = json.loads(text)
        except ValueError as e:
            unreadable.append(f"{rel}: not JSON ({str(e)[:60]})")
            continue
        res = root.get("resources") if isinstance(root, dict) else None
        res = list(res.values()) if isinstance(res, dict) else res if isinstance(res, list) else []
        if any(isinstance(r, dict) and str(r.get("type", "")).split("@")[0].lower() in types for r in res):
            cand.append(rel)
            base = low[:-len(".json")]
            for sib in os.listdir(d):
                s = sib.lower()
                if s.startswith(base + ".parameters") and s.endswith(".json"):
                    os.makedirs(os.path.join(work, "src", os.path.dirname(rel)), exist_ok=True)
                    shutil.copy(os.path.join(d, sib), os.path.join(work, "src", os.path.dirname(rel), sib))
            os.makedirs(os.path.join(work, "src", os.path.dirname(rel)), exist_ok=True)
            shutil.copy(p, os.path.join(work, "src", rel))
json.dump({"candidates": cand, "packages": packages, "unreadable": unreadable}, open(os.path.join(work, "found.json"), "w"))
PY
candidates=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["candidates"]))' "$work/found.json")

if [ "$candidates" -gt 0 ]; then
  set +e
  "$here/sentinelctl" import --repositories "$work/src" --out "$work/out" --format json -o "$work/import.json" \
      --fail-on never > /dev/null 2> "$work/import.err"
  rc=$?
  set -e
  [ $rc -le 1 ] || { echo "bench: import --repositories failed (exit $rc)" >&2; cat "$work/import.err" >&2; exit 1; }
  mkdir -p "$work/out"
  set +e
  "$here/sentinelctl" validate "$work/out" --format json -o "$work/validate.json" --fail-on never > /dev/null 2> "$work/validate.err"
  rc=$?
  set -e
  [ $rc -le 1 ] || { echo "bench: validate failed (exit $rc)" >&2; cat "$work/validate.err" >&2; exit 1; }
fi

python3 - "$work" <<'PY'
import collections, json, os, re, sys
work = sys.argv[1]
found = json.load(open(os.path.join(work, "found.json")))
cand = found["candidates"]
print(f"playbook candidates (deployment templates with Logic App / API connection / custom connector resources): {len(cand)}")
for c in cand:
    print(f"  {c}")
print(f"Content Hub packages embedding Logic Apps (counted, not imported: import takes a package's rules, hunting "
      f"queries and workbooks): {len(found['packages'])}")
for u in found["unreadable"]:
    print(f"  not read: {u}")
if not cand:
    print("imported: 0; pass validate: 0 (the corpus selection holds no playbook templates)")
    sys.exit(0)
err = open(os.path.join(work, "import.err")).read()
taken = re.findall(r"^  (.+?): playbook, copied with its parameter files(.*)$", err, re.M)
section = err.split("Not taken over", 1)[1] if "Not taken over" in err else ""
section = section.split("Tracking tables:", 1)[0]
not_taken = re.findall(r"^  (.+?): (.+)$", section, re.M)
val = json.load(open(os.path.join(work, "validate.json")))
errors = collections.defaultdict(list)
for d in val["diagnostics"]:
    if d["severity"] == "error":
        errors[os.path.relpath(d["file"], os.path.join(work, "out")) if d["file"].startswith(work) else d["file"]].append(d)
def norm(msg):
    msg = re.sub(r"'[^']*'", "'…'", msg)
    return re.sub(r"\d+", "N", msg)[:110]
passed, failed = [], collections.defaultdict(list)
for rel, note in taken:
    base = rel[:-len(".json")].lower()
    mine = [d for f, ds in errors.items() for d in ds if f.lower() == rel.lower() or f.lower().startswith(base + ".parameters")]
    if mine:
        failed[(mine[0]["ruleId"], norm(mine[0]["message"]))].append(rel)
    else:
        passed.append(rel)
print(f"imported as playbooks: {len(taken)} of {len(cand)}; pass validate: {len(passed)}; fail validate: "
      f"{len(taken) - len(passed)}")
if not_taken:
    print("not imported, grouped by why:")
    groups = collections.defaultdict(list)
    for rel, why in not_taken:
        groups[norm(why)].append(rel)
    for why, rels in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(rels):4d} {why}   e.g. {rels[0]}")
if failed:
    print("failing validate, grouped by the first error:")
    for (rule, msg), rels in sorted(failed.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(rels):4d} {rule}: {msg}   e.g. {rels[0]}")
for rel, note in taken:
    if note:
        print(f"  note: {rel}{note}")
warnings = collections.Counter()
for d in val["diagnostics"]:
    if d["severity"] == "warning":
        warnings[(d["ruleId"], norm(d["message"]))] += 1
print(f"warnings on the imported playbooks: {sum(warnings.values())}")
for (rule, msg), n in warnings.most_common():
    print(f"  {n:4d} {rule}: {msg}")
# Informational: plan resolves parameters per workspace (docs/kind-playbooks.md); a parameter without defaultValue
# that the default parameter file does not set stops the plan (PLAYBOOK-parameter-missing) until a file gives it.
need = []
for rel in passed:
    t = json.load(open(os.path.join(work, "out", rel), encoding="utf-8-sig"))
    pf = os.path.join(work, "out", rel[:-len(".json")] + ".parameters.json")
    given = set()
    if os.path.exists(pf):
        given = {k.lower() for k in json.load(open(pf, encoding="utf-8-sig")).get("parameters", {})}
    missing = [k for k, v in t.get("parameters", {}).items()
               if isinstance(v, dict) and "defaultValue" not in v and k.lower() not in given and k.lower() != "workspace"]
    if missing:
        need.append(f"{rel} ({len(missing)}: {', '.join(missing)})")
print(f"of those, need parameter values (a parameter file) before they plan: {len(need)}")
for n in need:
    print(f"  {n}")
PY
