#!/usr/bin/env python3
"""Compares `kql run` output with the tables printed in the Kusto docs (kusto-docs-examples.jsonl).

Cells are compared after normalising how the docs print them: datetimes as `2018-07-01 00:00:00.0000000`,
numbers as text (compared numerically, 1e-6 relative), dynamic values as JSON (also when the docs drop the
quotes of strings inside arrays), bools case-insensitively, null as "". Rows are a multiset unless the
query sorts (sort/order/top as an operator). Examples listed in ERRATA (id, kind, reason; see
kql-docs-errata.tsv) are ones whose documented table no faithful engine reproduces: they are reported apart and
left out of the "comparable" agreement; one that starts to agree is flagged so the list stays true.
Usage: kql-docs-compare.py EXAMPLES OURS [--errata FILE] [--show N]
"""
import json
import re
import sys
from collections import Counter

DT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?Z?$")


def norm_scalar(s):
    s = s.strip()
    m = DT.match(s)
    if m:
        hms = m.group(2) if m.group(2).count(":") == 2 else m.group(2) + ":00"
        frac = (m.group(3) or ".")[1:]
        return "dt:" + m.group(1) + " " + hms + "." + (frac + "0000000")[:7]
    if re.match(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$", s):
        s = s.replace(",", "")  # the docs print some numbers with thousands separators
    low = s.lower()
    if low in ("true", "false"):
        return "b:" + low
    try:
        f = float(s)
        if f != f:
            return "nan"
        return "n:%.6g" % f
    except ValueError:
        pass
    ts = re.match(r"^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$", s)
    if ts:
        return "ts:%s%d.%02d:%s:%s.%s" % (ts.group(1) or "", int(ts.group(2) or 0), int(ts.group(3)), ts.group(4), ts.group(5), ((ts.group(6) or "") + "0000000")[:7])
    return "s:" + s


def norm_json(v):
    if isinstance(v, dict):
        return "{" + ",".join(sorted(json.dumps(k) + ":" + norm_json(x) for k, x in v.items())) + "}"
    if isinstance(v, list):
        return "[" + ",".join(norm_json(x) for x in v) + "]"
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "b:" + str(v).lower()
    if isinstance(v, (int, float)):
        return "n:%.6g" % v
    return norm_scalar(str(v))


def loose_json(s):
    """The docs print arrays of strings without quotes ([yes, no]); quote bare words so they parse."""
    quoted = re.sub(r'(?<=[\[,])\s*([^\[\]{},"]+?)\s*(?=[,\]])',
                    lambda m: json.dumps(m.group(1)) if not re.match(r'^-?\d+(\.\d+)?([eE][+-]?\d+)?$|^(true|false|null)$', m.group(1)) else m.group(1), s)
    return json.loads(quoted)


def norm_doc(cell):
    if cell is None:
        return ""
    # HTML the docs' tables carry: line breaks inside cells, non-breaking spaces for empty cells, infinity signs
    s = str(cell).replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n").replace("&nbsp;", "").strip()
    s = {"∞": "inf", "-∞": "-inf"}.get(s, s)
    if s == "":
        return ""
    if s[0] in "[{":
        for f in (json.loads, loose_json):
            try:
                return norm_json(f(s))
            except Exception:
                pass
    return norm_scalar(s)


def norm_ours(v):
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return norm_json(v)
    if isinstance(v, bool):
        return "b:" + str(v).lower()
    if isinstance(v, (int, float)):
        return "n:%.6g" % v
    s = str(v)
    if s == "":
        return ""
    return norm_doc(s)


SORTS = re.compile(r"\|\s*(sort|order|top)(?![-\w])")


def main():
    examples, ours = sys.argv[1], sys.argv[2]
    show = 1000
    if "--show" in sys.argv:
        show = int(sys.argv[sys.argv.index("--show") + 1])
    errata = {}
    if "--errata" in sys.argv:
        for line in open(sys.argv[sys.argv.index("--errata") + 1], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                id_, kind, reason = line.rstrip("\n").split("\t", 2)
                errata[id_] = (kind, reason)
    expected = {}
    for line in open(examples, encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            expected[e["id"]] = e
    got = {}
    for line in open(ours, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            got[r.get("id")] = r
    unknown = sorted(set(errata) - set(expected))
    if unknown:
        print("errata name examples that do not exist: %s" % ", ".join(unknown), file=sys.stderr)
        sys.exit(2)
    cats = {"unsupported": [], "error": [], "wrong": []}
    agree = 0
    agreeing = set()
    for id_, e in expected.items():
        r = got.get(id_)
        if r is None:
            cats["error"].append((id_, "no output line"))
            continue
        err = r.get("error")
        if err:
            cat = "unsupported" if err.get("code") == "EVAL-unsupported" else "error"
            cats[cat].append((id_, err.get("code", "") + ": " + err.get("message", "")))
            continue
        cols = [c["name"] for c in r["columns"]]
        if cols != e["columns"]:
            cats["wrong"].append((id_, "columns %s, docs %s" % (cols, e["columns"])))
            continue
        # some pages print a bool column as 1/0 (isnull(...) shows 1): read those cells as the bools they are
        bools = [c.get("type") == "bool" for c in r["columns"]]
        exp_rows = [tuple(("b:true" if norm_doc(c) == "n:1" else "b:false" if norm_doc(c) == "n:0" else norm_doc(c))
                          if i < len(bools) and bools[i] else norm_doc(c) for i, c in enumerate(row)) for row in e["rows"]]
        our_rows = [tuple(norm_ours(c) for c in row) for row in r["rows"]]
        ordered = bool(SORTS.search(e["query"]))
        same = exp_rows == our_rows if ordered else Counter(exp_rows) == Counter(our_rows)
        if same:
            agree += 1
            agreeing.add(id_)
        else:
            diff = ""
            for a, b in zip(exp_rows, our_rows):
                if a != b:
                    diff = "first difference: docs %s, ours %s" % (list(a), list(b))
                    break
            if not diff:
                diff = "docs %d rows, ours %d rows" % (len(exp_rows), len(our_rows))
            cats["wrong"].append((id_, diff))
    total = len(expected)
    print("kusto docs examples: %d/%d agree = %.1f %%" % (agree, total, 100.0 * agree / total))
    if errata:
        comparable = total - len(errata)
        agree_c = len(agreeing - set(errata))
        print("comparable examples (documented table correct and reproducible): %d/%d agree = %.1f %%"
              % (agree_c, comparable, 100.0 * agree_c / comparable))
        print("left out: %d (%s)" % (len(errata), ", ".join("%d %s" % (n, k) for k, n in
              Counter(k for k, _ in errata.values()).most_common())))
        stale = sorted(agreeing & set(errata))
        for id_ in stale:
            print("  erratum %s now agrees: remove it from the errata" % id_)
    for cat in ("unsupported", "wrong", "error"):
        items = [(i, w + ("  [erratum: %s]" % errata[i][1] if i in errata else "")) for i, w in cats[cat]]
        print("\n%s: %d" % (cat, len(items)))
        for id_, why in items[:show]:
            print("  %s  %s" % (id_, why[:300]))
    if cats["unsupported"]:
        feats = Counter(re.sub(r" is not supported.*", "", w.split(": ", 1)[1]) for _, w in cats["unsupported"])
        print("\nunsupported features:")
        for f, n in feats.most_common():
            print("  %3d  %s" % (n, f))


if __name__ == "__main__":
    main()
