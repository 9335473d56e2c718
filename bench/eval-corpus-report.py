#!/usr/bin/env python3
"""Summarises `kql run` over the corpus: runs without EVAL-unsupported, other failures, top missing features.
Usage: eval-corpus-report.py OURS [--show N]"""
import json
import re
import sys
from collections import Counter


def main():
    show = 15
    if "--show" in sys.argv:
        show = int(sys.argv[sys.argv.index("--show") + 1])
    total = ok = 0
    codes = Counter()
    features = Counter()
    examples = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        if not line.strip():
            continue
        total += 1
        r = json.loads(line)
        err = r.get("error")
        if not err:
            ok += 1
            continue
        codes[err["code"]] += 1
        msg = re.sub(r" is not supported by the in-process engine$", "", err["message"])
        key = msg if err["code"] == "EVAL-unsupported" else err["code"] + ": " + re.sub(r"'[^']*'", "'…'", msg)[:120]
        features[key] += 1
        examples.setdefault(key, r.get("id"))
    unsupported = codes.get("EVAL-unsupported", 0)
    print("corpus queries: %d" % total)
    print("run without EVAL-unsupported: %d = %.2f %%" % (total - unsupported, 100.0 * (total - unsupported) / total))
    print("run without any error: %d = %.2f %%" % (ok, 100.0 * ok / total))
    for c, n in codes.most_common():
        print("  %-18s %d" % (c, n))
    print("\ntop failures (count, what, first query):")
    for f, n in features.most_common(show):
        print("  %4d  %s  [%s]" % (n, f[:150], examples[f]))


if __name__ == "__main__":
    main()
