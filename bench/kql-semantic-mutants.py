#!/usr/bin/env python3
"""Semantic mutants of corpus queries: one identifier misspelt (suffix 'Qx'), so Microsoft's binder and ours
should both report it. Writes JSONL {"id","query"} to stdout.

  kql-semantic-mutants.py corpus.jsonl [count=400] [seed=11] [mode=suffix|case|call]
  suffix: Name -> NameQx; case: flips the first letter's case (Kusto names are case-sensitive);
  call: appends 'x' to a function name before '('; arg: adds an argument ', 1' to a call."""
import json, random, re, sys

KEYWORDS = set('''let where project extend summarize by and or not on kind join union take limit sort order asc desc
top count distinct as with in has contains between true false null datetime timespan dynamic int long real string
bool guid ago now bin mv-expand mv-apply parse evaluate render print range step from to typeof materialize toscalar
project-away project-rename project-reorder project-keep lookup inner leftouter leftanti leftsemi rightouter
fullouter innerunique isfuzzy withsource hint strategy shuffle table search find make-series default'''.split())

def identifiers(q):
    out = []
    for m in re.finditer(r'(?<![\w$@.\'"])[A-Za-z_][A-Za-z0-9_]*(?![\w(\'"])', q):
        w = m.group(0)
        if w.lower() in KEYWORDS or len(w) < 3:
            continue
        line_start = q.rfind('\n', 0, m.start()) + 1
        prefix = q[line_start:m.start()]
        if prefix.count('"') % 2 or prefix.count("'") % 2 or '//' in prefix:
            continue
        out.append(m)
    return out

src = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 11)
rnd.shuffle(src)
mode = sys.argv[4] if len(sys.argv) > 4 else 'suffix'
n = 0
for r in src:
    if mode == 'arg':
        ids = [m for m in re.finditer(r'(?<![\w.])([a-z_][a-z0-9_]{2,})\(([^()]*)\)', r['query'])
               if m.group(1) not in ('let', 'in', 'has_any', 'has_all', 'dynamic', 'datetime', 'timespan', 'typeof')]
    elif mode == 'call':
        ids = [m for m in re.finditer(r'(?<![\w.])([a-z_][a-z0-9_]{2,})\(', r['query'])
               if m.group(1) not in ('let', 'in', 'has_any', 'has_all', 'dynamic', 'datetime', 'timespan', 'typeof')]
    else:
        ids = identifiers(r['query'])
    if not ids:
        continue
    m = rnd.choice(ids)
    if mode == 'case':
        w = m.group(0)
        q = r['query'][:m.start()] + (w[0].swapcase() + w[1:]) + r['query'][m.end():]
    elif mode == 'call':
        q = r['query'][:m.end(1)] + 'x' + r['query'][m.end(1):]
    elif mode == 'arg':
        q = r['query'][:m.end(2)] + (', 1' if m.group(2).strip() else '1') + r['query'][m.end(2):]
    else:
        q = r['query'][:m.end()] + 'Qx' + r['query'][m.end():]
    print(json.dumps({'id': f"{r['id']}#{m.start()}", 'query': q}))
    n += 1
    if n >= count:
        break
