#!/usr/bin/env python3
"""Syntax-verdict and table-set agreement between Microsoft's oracle JSONL and ours (no node needed).

  kql-corpus-compare.py oracle.jsonl ours.jsonl [show]"""
import json, sys

def load(path):
    return {json.dumps(r['id']): r for r in (json.loads(l) for l in open(path, encoding='utf-8') if l.strip())}

o, c = load(sys.argv[1]), load(sys.argv[2])
show = int(sys.argv[3]) if len(sys.argv) > 3 else 5
n = syn = tab = 0
bad_syn, bad_tab = [], []
for k, orr in o.items():
    cr = c.get(k)
    if cr is None or 'error' in orr or 'error' in cr:
        continue
    n += 1
    if bool(orr['syntaxErrors']) == bool(cr['syntaxErrors']):
        syn += 1
    else:
        bad_syn.append((k, (orr['syntaxErrors'] or [None])[0], (cr['syntaxErrors'] or [None])[0]))
    ot = sorted({t.lower() for t in orr.get('tables', []) + orr.get('unknownTables', [])})
    ct = sorted({t.lower() for t in cr.get('tables', [])})
    if ot == ct:
        tab += 1
    else:
        bad_tab.append((k, ot, ct))
print(f'syntax verdict agreement: {syn}/{n} = {100.0 * syn / max(1, n):.2f} %')
print(f'table-set agreement:      {tab}/{n} = {100.0 * tab / max(1, n):.2f} %')
for x in bad_syn[:show]:
    print('  syntax', x)
for x in bad_tab[:show]:
    print('  tables', x)
