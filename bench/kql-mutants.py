#!/usr/bin/env python3
"""Makes broken KQL queries by mutating valid ones, and scores a candidate's verdicts on them against
Microsoft's oracle.

  kql-mutants.py make QUERIES.jsonl N SEED > mutants.jsonl
  kql-mutants.py score mutants.jsonl oracle.jsonl candidate.jsonl

Mutations work on a rough token split (words, strings, numbers, punctuation): delete, duplicate or swap
tokens, truncate, insert a stray character. Scoring: of the mutants Microsoft flags, how many we flag
("caught"), how many we flag that Microsoft does not ("false alarms"), and whether our first error starts
inside the same token as Microsoft's first error ("same token")."""
import json, random, re, sys

TOKEN = re.compile(r"""\s+|//[^\n]*|@?'(?:[^'\\\n]|\\.)*'?|@?"(?:[^"\\\n]|\\.)*"?|[A-Za-z_$][\w\-]*|\d+(?:\.\d+)?[a-z]*|==|!=|=~|!~|<=|>=|\.\.|.""", re.S)

def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        if not m.group().isspace() and not m.group().startswith('//'):
            out.append((m.start(), m.end()))
    return out

def mutate(text, rnd):
    toks = tokens(text)
    if len(toks) < 4:
        return None, None
    kind = rnd.choice(['delete', 'delete', 'duplicate', 'swap', 'truncate', 'insert'])
    i = rnd.randrange(1, len(toks))
    s, e = toks[i]
    if kind == 'delete':
        return text[:s] + text[e:], kind
    if kind == 'duplicate':
        return text[:e] + ' ' + text[s:e] + text[e:], kind
    if kind == 'swap' and i + 1 < len(toks):
        s2, e2 = toks[i + 1]
        return text[:s] + text[s2:e2] + text[e:s2] + text[s:e] + text[e2:], kind
    if kind == 'truncate':
        return text[:e], kind
    c = rnd.choice('()[]{},;|=!"\'.:#^&')
    return text[:s] + c + text[s:], 'insert'

def make(path, n, seed):
    rnd = random.Random(seed)
    queries = [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]
    made = 0
    while made < n:
        q = rnd.choice(queries)
        text, kind = mutate(q['query'], rnd)
        if text is None or text == q['query']:
            continue
        print(json.dumps({'id': f'mutant-{made}-{kind}', 'query': text}))
        made += 1

def load(path):
    return {json.dumps(r['id']): r for r in (json.loads(l) for l in open(path, encoding='utf-8') if l.strip())}

def score(mpath, opath, cpath, show):
    m, o, c = load(mpath), load(opath), load(cpath)
    flagged = caught = false_alarm = same_token = clean_agree = 0
    misses, far = [], []
    for k, orr in o.items():
        cr = c.get(k)
        if cr is None or 'error' in orr or 'error' in cr:
            continue
        oe, ce = orr['syntaxErrors'], cr['syntaxErrors']
        if oe:
            flagged += 1
            if ce:
                caught += 1
                text = m[k]['query']
                span = next(((s, e) for s, e in tokens(text) if s <= oe[0]['start'] <= e), (oe[0]['start'], oe[0]['end']))
                lo, hi = min(span[0], oe[0]['start']), max(span[1], oe[0]['end'])
                if lo <= ce[0]['start'] <= hi:
                    same_token += 1
                else:
                    far.append((k, oe[0], ce[0]))
            else:
                misses.append((k, oe[0]))
        elif ce:
            false_alarm += 1
            misses.append((k, 'FALSE ALARM', ce[0]))
        else:
            clean_agree += 1
    total = len(o)
    print(f'mutants: {total}; Microsoft flags {flagged}, we catch {caught} ({100.0 * caught / max(1, flagged):.1f} %); '
          f'first error in the same token: {same_token}/{caught} ({100.0 * same_token / max(1, caught):.1f} %); '
          f'still valid per Microsoft: {total - flagged}, we agree on {clean_agree}, false alarms {false_alarm}')
    for x in misses[:show]:
        print('  miss', x, repr(m[x[0]]['query'][max(0, (x[-1]['start'] if isinstance(x[-1], dict) else 0) - 60):][:140]))
    for k, oe, ce in far[:show]:
        t = m[k]['query']
        print('  pos', k, oe['code'], oe['start'], ce['code'], ce['start'], repr(t[max(0, oe['start'] - 50):oe['start']]), '@@', repr(t[oe['start']:oe['start'] + 30]), '| ours @@', repr(t[ce['start']:ce['start'] + 20]))

if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        score(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 0)
