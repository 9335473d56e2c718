#!/usr/bin/env python3
"""Probe queries for argument checking: every built-in scalar function and aggregate that takes one argument,
called with a value of each type (string, int, long, real, datetime, timespan, bool, guid, dynamic, dynamic
array). Run them through Microsoft's oracle and `kql analyze`, then compare verdicts with
kql-semantic-compare.py: Microsoft's verdicts show which argument types each function really accepts.

  kql-function-probes.py shared/reference/kusto-builtins.json > probes.jsonl"""
import json, sys

d = json.load(open(sys.argv[1], encoding='utf-8'))
values = {'string': 'Account', 'int': 'EventID', 'long': 'tolong(EventID)', 'real': 'toreal(EventID)',
          'datetime': 'TimeGenerated', 'timespan': '1h', 'bool': 'true', 'guid': 'MG',
          'dynamic': 'parse_json(Account)', 'array': 'split(Account, ",")'}
n = 0
for group, template in (('functions', 'SecurityEvent | extend x = {}({})'), ('aggregates', 'SecurityEvent | summarize x = {}({})')):
    for f in d[group]:
        if f.get('tabularity') == 'Tabular' or not any(s['minArgs'] <= 1 <= s['maxArgs'] for s in f['signatures']):
            continue
        for t, v in values.items():
            print(json.dumps({'id': f"{f['name']}({t})", 'query': template.format(f['name'], v)}))
            n += 1
print(f'{n} probes', file=sys.stderr)
