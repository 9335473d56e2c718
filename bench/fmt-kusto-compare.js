'use strict';
// Formats each query of a JSON Lines sample ({"id","query","ours"}) with Microsoft's Kusto.Language formatter
// (FormattingOptions.Default, as Kusto Explorer and the VS Code extension use it) and compares with ours.
// A yardstick, not a target: prints how often the two agree and which of the known style differences
// (docs/fmt.md) account for the rest. Needs NODE_PATH with @kusto/language-service-next (bench/kql-common.sh).
//   node bench/fmt-kusto-compare.js sample.jsonl SHARED_DIR
const fs = require('fs');
const path = require('path');
require(path.resolve(process.argv[3], 'kql-oracle', 'kusto.js'));
const K = global.Kusto.Language;

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const lines = (s) => s.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l.length);
// A style difference is counted for a query when Kusto's output shows it and ours does not.
const styles = {
  'named parameters spaced (kind = inner)': (k, o) => /\b(kind|isfuzzy|withsource|bagexpansion) = /.test(k) && !/\b(kind|isfuzzy|withsource|bagexpansion) = /.test(o),
  'no space before a parenthesised list (in(...), has_any(...))': (k, o) => /\b(in|has_any|has_all|in~)\(/.test(k) && !/\b(in|has_any|has_all|in~)\(/.test(o),
  'space after materialize/toscalar (materialize (...))': (k, o) => /\b(materialize|toscalar) \(/.test(k),
  'nested pipeline starts on the operator line ("(T" then "| op")': (k, o) => /\(\s*[A-Za-z_][\w]*\s*$/m.test(k) && /^\s+\|/m.test(k),
  'wrapped by-list one per line ("by" alone on a line)': (k, o) => /^\s*by\s*$/m.test(k),
  'indentation of wrapped lines differs': (k, o) => {
    const ind = (s) => lines(s).map((l) => l.match(/^ */)[0].length).join(',');
    const strip = (s) => lines(s).map((l) => l.trim()).join('\n');
    return strip(k) === strip(o) && ind(k) !== ind(o);
  },
};

let same = 0, sameIgnoringIndent = 0, ourLines = 0, sharedLines = 0, failed = 0;
const counts = Object.fromEntries(Object.keys(styles).map((s) => [s, 0]));
let other = 0;
for (const r of rows) {
  let kusto;
  try {
    const code = K.KustoCode.Parse(r.query);
    kusto = K.Editor.KustoFormatter.GetFormattedText(code.Syntax, K.Editor.FormattingOptions.Default, 0).Text.replace(/\r\n/g, '\n');
  } catch (e) {
    failed++;
    continue;
  }
  const k = lines(kusto), o = lines(r.ours);
  if (k.join('\n') === o.join('\n')) same++;
  if (k.map((l) => l.trim()).join('\n') === o.map((l) => l.trim()).join('\n')) sameIgnoringIndent++;
  const bag = new Map();
  k.forEach((l) => bag.set(l.trim(), (bag.get(l.trim()) || 0) + 1));
  for (const l of o) {
    ourLines++;
    const n = bag.get(l.trim()) || 0;
    if (n > 0) { sharedLines++; bag.set(l.trim(), n - 1); }
  }
  let explained = false;
  for (const [name, test] of Object.entries(styles)) {
    if (test(kusto, r.ours)) { counts[name]++; explained = true; }
  }
  if (!explained && k.join('\n') !== o.join('\n')) other++;
}
const n = rows.length - failed;
const pct = (x, d) => (100 * x / Math.max(1, d)).toFixed(1) + ' %';
console.log(`fmt vs Kusto.Language formatter on ${n} sampled queries: identical ${same} (${pct(same, n)}), identical but for indentation ${sameIgnoringIndent} (${pct(sameIgnoringIndent, n)}); ${pct(sharedLines, ourLines)} of our lines also appear in Kusto's output`);
console.log('queries showing each known difference (Kusto does X, we do not):');
for (const [name, c] of Object.entries(counts)) console.log(`  ${String(c).padStart(5)}  ${name}`);
console.log(`  ${String(other).padStart(5)}  differ otherwise`);
if (failed) console.log(`  (${failed} queries: Kusto's formatter threw)`);
