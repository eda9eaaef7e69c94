// Writes overrides/assets/vendor/opencc-js/t2cn-triggers.json: the characters and phrases that the
// search box's opencc-js conversion (t→cn: script only, as OpenCC t2s indexes zh-Hant; no Taiwan→mainland
// vocabulary, which would turn 建立 into 创建) changes. search.js loads t2cn.js only for queries holding one. Run: node build_scripts/site/t2cn_triggers.js overrides/assets/vendor/opencc-js/t2cn-triggers.json
const O = require(__dirname + '/../../overrides/assets/vendor/opencc-js/t2cn.js');
const L = O.Locale;
const conv = O.Converter({ from: "t", to: "cn" });
const keys = new Set();
function walk(d) {
  if (typeof d === 'string') { for (const e of d.split('|')) keys.add(e.split(' ')[0]); return; }
  if (Array.isArray(d)) d.forEach(walk);
}
walk([L.to.cn]);
const S = new Set();
for (const k of keys) if ([...k].length === 1 && conv(k) !== k) S.add(k);
const P = [];
for (const k of keys) { const cs=[...k]; if (cs.length>1 && !cs.some(c=>S.has(c)) && conv(k) !== k) P.push(k); }
const out = { chars: [...S].sort().join(''), phrases: P.sort() };
const s = JSON.stringify(out);
console.log(keys.size, S.size, P.length, Buffer.byteLength(s), P.slice(0,20).join(','), ['通','辽','读','铝','發','鋁','发','吃'].map(c=>S.has(c)));
require('fs').writeFileSync(process.argv[2] || 't2cn-triggers.json', s);
