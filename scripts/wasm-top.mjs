// Where the bytes of a wasm file go: code size per crate/module and the largest
// functions, from the name section (use an output that keeps it: the
// un-optimised wasm-bindgen output, target/wa_signup_bg.noopt.wasm, written by
// scripts/build-pkg.sh, or a `wasm-opt -Oz -g` build, which keeps the names).
//
//   node scripts/wasm-top.mjs [file.wasm] [N]            # by crate/module, top N functions
//   node scripts/wasm-top.mjs --owners [file.wasm] [N]   # by owner (issue 14's parts), with gzip -9 shares
//
// --owners: a generic function belongs to the first non-std crate in its name
// (`core::ptr::drop_glue::<leptos::…>` is Leptos', `<Vec<wa_signup_web::X>>::push`
// the widget's); what names only std/core/alloc goes by its module (core::fmt is
// "fmt"). The gzip column compresses each part's function bodies on their own
// (gzip -9) and scales the sum to the whole code section's gzip -9, so the
// shares add up; cross-part redundancy makes it an estimate.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const owners = args.includes("--owners");
const rest = args.filter((a) => a !== "--owners");
const buf = readFileSync(rest[0] ?? "target/wa_signup_bg.noopt.wasm");
const N = +(rest[1] ?? 25);
let p = 8; const u = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0, bodies = [], names = new Map(), dataSize = 0;
while (p < buf.length) {
  const id = buf[p++]; const size = u(); const end = p + size;
  if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { let l = u(); p += l; l = u(); p += l; const k = buf[p++]; if (k === 0) { u(); imports++; } else if (k === 1) { p++; const f = u(); u(); if (f & 1) u(); } else if (k === 2) { const f = u(); u(); if (f & 1) u(); } else if (k === 3) { p += 2; } } }
  else if (id === 10) { const n = u(); for (let i = 0; i < n; i++) { const s = u(); bodies.push(buf.subarray(p, p + s)); p += s; } }
  else if (id === 11) dataSize = size;
  else if (id === 0) { const l = u(); const nm = buf.subarray(p, p + l).toString(); p += l; if (nm === "name") { while (p < end) { const sid = buf[p++]; const ss = u(); const se = p + ss; if (sid === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); const l2 = u(); names.set(idx, buf.subarray(p, p + l2).toString()); p += l2; } } p = se; } } }
  p = end;
}
const fns = bodies.map((body, i) => ({ s: body.length, body, name: names.get(i + imports) ?? `func${i + imports}` }));
const total = fns.reduce((a, f) => a + f.s, 0);
console.log(`code ${total} B in ${fns.length} functions (${names.size} named), data ${dataSize} B`);

const STD = new Set(["core", "alloc", "std"]);
const PARTS = [
  ["Leptos (leptos*, reactive_graph, tachys, …)", /^(leptos\w*|reactive_graph|tachys|any_spawner|either_of|guardian|send_wrapper|or_poisoned|throw_error|hydration_context|oco_ref|next_tuple|slotmap|server_fn|const_str_slice_concat|drain_filter_polyfill|rustc_hash|indexmap|hashbrown|paste)$/],
  ["async runtime (futures*, wasm_streams, pin_project)", /^(futures\w*|wasm_streams|pin_project\w*|slab)$/],
  ["phone parser + tables (wa_signup::phone)", /^wa_signup::phone$/],
  ["JSON (serde*, our reader, the widget's js_json)", /^(serde\w*|ryu|itoa|wa_signup::json|wa_signup_web::js_json)$/],
  ["the flow (wa_signup::flow, events, api, ids, urls)", /^wa_signup::/],
  ["the widget (wa_signup_web)", /^wa_signup_web/],
  ["wasm-bindgen / js-sys / web-sys glue", /^(wasm_bindgen\w*|js_sys|web_sys|gloo\w*|__wbg\w*|__wbindgen\w*|__externref\w*)$/],
  ["allocator (dlmalloc, alloc::alloc)", /^(dlmalloc|talc|alloc::alloc|std::alloc|__rdl\w*|__rust_alloc\w*|__rust_dealloc|__rust_realloc|malloc|free|realloc)$/],
  ["fmt (core::fmt, alloc::fmt)", /^(core|alloc|std)::fmt$/],
  ["std / core / alloc (strings, vectors, …)", /^(core|alloc|std)(::|$)/],
];

/** The crate (and for wa_signup / std crates, the module) a function is charged to. */
function owner(name) {
  const clean = name.replace(/\[[0-9a-f]+\]/g, "");
  const paths = [...clean.matchAll(/(?<![:\w])([A-Za-z_][A-Za-z0-9_]*)::([A-Za-z_][A-Za-z0-9_]*)?/g)];
  const key = (m) => (["wa_signup", "wa_signup_web", ...STD].includes(m[1]) && m[2] ? `${m[1]}::${m[2]}` : m[1]);
  const outside = paths.find((m) => !STD.has(m[1]));
  if (outside) return key(outside);
  if (paths.length > 0) return key(paths[0]);
  const bare = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(clean);
  return bare ? bare[1] : "other";
}
const part = (key) => (PARTS.find(([, re]) => re.test(key)) ?? ["other (unnamed, compiler builtins)"])[0];

const group = new Map();
const byOwner = new Map();
for (const f of fns) {
  if (owners) {
    byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) ?? 0) + f.s);
    const k = part(owner(f.name));
    const g = group.get(k) ?? { s: 0, bodies: [] };
    g.s += f.s; g.bodies.push(f.body); group.set(k, g);
  } else {
    const clean = f.name.replace(/\[[0-9a-f]+\]/g, "").replace(/^_?</, "");
    const m = /^([a-z_0-9]+)::(?:([a-z_0-9]+)::)?/.exec(clean);
    const key = !m ? "other" : ["wa_signup", "core", "alloc"].includes(m[1]) ? `${m[1]}::${m[2] ?? ""}` : m[1];
    group.set(key, { s: (group.get(key)?.s ?? 0) + f.s });
  }
}
if (owners) {
  const gz = (parts) => gzipSync(Buffer.concat(parts), { level: 9 }).length;
  const whole = gz(fns.map((f) => f.body));
  const rows = [...group].map(([k, g]) => ({ k, s: g.s, z: gz(g.bodies) }));
  const zsum = rows.reduce((a, r) => a + r.z, 0);
  console.log(`by owner (code bytes, share, gzip -9 estimate scaled to the code's ${whole} B gz):`);
  for (const r of rows.sort((a, b) => b.s - a.s)) {
    const est = Math.round((r.z * whole) / zsum);
    console.log(`  ${String(r.s).padStart(8)}  ${((100 * r.s) / total).toFixed(1).padStart(5)} %  ${String(est).padStart(7)} gz  ${r.k}`);
  }
  console.log("by owner crate/module (code bytes):");
  for (const [k, s] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, N)) console.log(`  ${String(s).padStart(8)}  ${k}`);
} else {
  console.log("by crate/module:");
  for (const [k, g] of [...group].sort((a, b) => b[1].s - a[1].s).slice(0, N)) console.log(`  ${String(g.s).padStart(8)}  ${k}`);
}
console.log("largest functions:"); for (const f of fns.sort((a, b) => b.s - a.s).slice(0, N)) console.log(`  ${String(f.s).padStart(8)}  ${f.name.slice(0, 110)}`);
