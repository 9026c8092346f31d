// Where the bytes of a wasm file go: code size per crate/module and the largest
// functions, from the name section (use the un-optimised wasm-bindgen output,
// target/wa_signup_bg.noopt.wasm, written by scripts/build-pkg.sh).
//
//   node scripts/wasm-top.mjs [file.wasm] [N]
import { readFileSync } from "node:fs";
const buf = readFileSync(process.argv[2] ?? "target/wa_signup_bg.noopt.wasm"); const N = +(process.argv[3] ?? 25);
let p = 8; const u = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0, bodies = [], names = new Map(), dataSize = 0;
while (p < buf.length) {
  const id = buf[p++]; const size = u(); const end = p + size;
  if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { let l = u(); p += l; l = u(); p += l; const k = buf[p++]; if (k === 0) { u(); imports++; } else if (k === 1) { p++; const f = u(); u(); if (f & 1) u(); } else if (k === 2) { const f = u(); u(); if (f & 1) u(); } else if (k === 3) { p += 2; } } }
  else if (id === 10) { const n = u(); for (let i = 0; i < n; i++) { const s = u(); bodies.push(s); p += s; } }
  else if (id === 11) dataSize = size;
  else if (id === 0) { const l = u(); const nm = buf.subarray(p, p + l).toString(); p += l; if (nm === "name") { while (p < end) { const sid = buf[p++]; const ss = u(); const se = p + ss; if (sid === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); const l2 = u(); names.set(idx, buf.subarray(p, p + l2).toString()); p += l2; } } p = se; } } }
  p = end;
}
const fns = bodies.map((s, i) => ({ s, name: names.get(i + imports) ?? `func${i + imports}` }));
const total = fns.reduce((a, f) => a + f.s, 0);
console.log(`code ${total} B in ${fns.length} functions, data ${dataSize} B`);
const group = new Map();
for (const f of fns) {
  const clean = f.name.replace(/\[[0-9a-f]+\]/g, "").replace(/^_?</, "");
  const m = /^([a-z_0-9]+)::(?:([a-z_0-9]+)::)?/.exec(clean);
  const key = !m ? "other" : ["wa_signup", "core", "alloc"].includes(m[1]) ? `${m[1]}::${m[2] ?? ""}` : m[1];
  group.set(key, (group.get(key) ?? 0) + f.s);
}
console.log("by crate/module:"); for (const [k, v] of [...group].sort((a, b) => b[1] - a[1]).slice(0, N)) console.log(`  ${String(v).padStart(8)}  ${k}`);
console.log("largest functions:"); for (const f of fns.sort((a, b) => b.s - a.s).slice(0, N)) console.log(`  ${String(f.s).padStart(8)}  ${f.name.slice(0, 110)}`);
