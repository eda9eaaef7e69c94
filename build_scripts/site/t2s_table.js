// Writes overrides/assets/vendor/opencc-js/t2s.json, the search box's Traditional → Simplified table,
// made from opencc-js's t→cn conversion (script only, as OpenCC t2s indexes zh-Hant; no Taiwan→mainland
// vocabulary, which would turn 建立 into 创建): "chars", the pairs of characters it changes (one
// string, Traditional then Simplified), and "phrases", the words it converts otherwise than character
// by character (乾隆 stays 乾隆), same length. search.js converts by longest phrase, else by character,
// as OpenCC does, with no converter to download (t2cn.js: 51 KB gzip; this table: 18 KB).
// Run: npm pack opencc-js@1.4.2 && tar xzf opencc-js-1.4.2.tgz &&
//      node build_scripts/site/t2s_table.js package/dist/umd/t2cn.js overrides/assets/vendor/opencc-js/t2s.json
// (t2cn.js is read here only: it is not in the repo, and the site never serves it.)
if (process.argv.length !== 4) {
  console.error('usage: node t2s_table.js OPENCC_JS/dist/umd/t2cn.js OUT.json');
  process.exit(2);
}
const O = require(require('path').resolve(process.argv[2]));
const conv = O.Converter({ from: "t", to: "cn" });
const keys = new Set();
function walk(d) {
  if (typeof d === 'string') { for (const e of d.split('|')) keys.add(e.split(' ')[0]); return; }
  if (Array.isArray(d)) d.forEach(walk);
}
walk([O.Locale.to.cn]);
const chars = {};
for (const k of [...keys].sort()) {
  const v = conv(k);
  if ([...k].length === 1 && v !== k && [...v].length === 1) chars[k] = v;
}
const byChar = s => [...s].map(c => chars[c] || c).join('');
const phrases = {};
for (const k of [...keys].sort()) {
  const v = conv(k);
  if ([...k].length > 1 && v !== byChar(k) && [...v].length === [...k].length) phrases[k] = v;
}
const out = JSON.stringify({ chars: Object.entries(chars).map(([t, s]) => t + s).join(''), phrases });
require('fs').writeFileSync(process.argv[3], out);
console.log(Object.keys(chars).length, 'characters,', Object.keys(phrases).length, 'phrases,', Buffer.byteLength(out), 'bytes');
