#!/usr/bin/env python3
"""Semantic agreement between Microsoft's oracle JSONL and ours (no node needed).

  kql-semantic-compare.py oracle.jsonl ours.jsonl [show=5] [--ids]

Prints: semantic verdict (clean / has semantic errors) over all queries; result columns (names, order and
types) over the queries Microsoft binds cleanly (no syntax or semantic error) and gives a table for;
referenced-table sets (tables + unknownTables, case-insensitive) over all queries."""
import json, sys

def load(path):
    return {json.dumps(r['id']): r for r in (json.loads(l) for l in open(path, encoding='utf-8') if l.strip())}

args = [a for a in sys.argv[1:] if not a.startswith('--')]
ids = '--ids' in sys.argv
o, c = load(args[0]), load(args[1])
show = int(args[2]) if len(args) > 2 else 5
n = verdict = tab = 0
rc_n = rc_names = rc_types = 0
bad = {'verdict': [], 'tables': [], 'names': [], 'types': []}
def cols(r, types=True):
    rc = r.get('resultColumns')
    if rc is None:
        return None
    return [(x['name'], x['type']) if types else x['name'] for x in rc]
for k, orr in o.items():
    cr = c.get(k)
    if cr is None or 'error' in orr or 'error' in cr:
        continue
    n += 1
    ov, cv = bool(orr['semanticErrors']), bool(cr.get('semanticErrors'))
    if ov == cv:
        verdict += 1
    else:
        bad['verdict'].append((k, [e['code'] + ' ' + e['message'][:70] for e in orr['semanticErrors']][:2],
                               [e['code'] + ' ' + e['message'][:70] for e in cr.get('semanticErrors', [])][:2]))
    ot = sorted({t.lower() for t in orr.get('tables', []) + orr.get('unknownTables', [])})
    ct = sorted({t.lower() for t in cr.get('tables', []) + cr.get('unknownTables', [])})
    if ot == ct:
        tab += 1
    else:
        bad['tables'].append((k, ot, ct))
    if not orr['semanticErrors'] and not orr['syntaxErrors'] and orr.get('resultColumns') is not None:
        rc_n += 1
        on, cn = cols(orr, False), cols(cr, False)
        if on == cn:
            rc_names += 1
        else:
            bad['names'].append((k, on, cn))
        if cols(orr) == cols(cr):
            rc_types += 1
        elif on == cn:
            bad['types'].append((k, [a for a, b in zip(cols(orr), cols(cr)) if a != b][:4], [b for a, b in zip(cols(orr), cols(cr)) if a != b][:4]))
pct = lambda a, b: 100.0 * a / max(1, b)
print(f'semantic verdict agreement:       {verdict}/{n} = {pct(verdict, n):.2f} %')
print(f'result columns (names, order):    {rc_names}/{rc_n} = {pct(rc_names, rc_n):.2f} % of queries Microsoft binds cleanly')
print(f'result columns (names and types): {rc_types}/{rc_n} = {pct(rc_types, rc_n):.2f} %')
print(f'table-set agreement:              {tab}/{n} = {pct(tab, n):.2f} %')
for key in bad:
    for x in bad[key][:show]:
        if ids:
            print(key, x[0])
        else:
            print(' ', key, json.dumps(x)[:600])
