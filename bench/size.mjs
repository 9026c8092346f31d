// Size report: raw and gzip -9 bytes of what an app ships.
//
//   node bench/size.mjs [--json FILE] [--pkg DIR]   (DIR defaults to pkg/)
//
// Rows:
//   - ours, core npm package (pkg/, from scripts/build-pkg.sh), entry point `wa-signup`: the
//     .wasm, the JS glue as shipped, and the glue bundled + minified by esbuild for an app
//     that imports the phone functions (what a bundler would include; the .wasm is fetched
//     as is); then the `wa-signup/api` and `wa-signup/flow` modules (wasm + glue).
//   - ours, widget (web/pkg/, if built): .wasm + JS glue.
//   - libphonenumber-js `min`: esbuild bundle (ESM, minified, tree-shaken) of
//     `import { isPossiblePhoneNumber, parsePhoneNumber } from 'libphonenumber-js/min'`
//     (code + metadata.min.json), and of `isPossiblePhoneNumber` alone.
// gzip is node's zlib at level 9 (the deflate of `gzip -9`; gzip's 10-byte header and
// 8-byte trailer are included, the file name field is not).
// Budgets (issue 5): core (`wa-signup`) <= 40 kB gzipped (wasm + glue), widget <= 150 kB gzipped.
// Prints only; exit code 0 even when something is not built.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const measure = (buf) => ({ raw: buf.length, gzip: gz(buf) });
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const rows = [];
const row = (name, m, note = '') => {
  rows.push({ name, ...m, note });
  console.log(`  ${name.padEnd(58)} ${String(m.raw).padStart(8)} B ${String(m.gzip).padStart(8)} B gz  ${note}`);
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  esbuild = undefined;
}

async function bundle(contents) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

console.log('# sizes (raw bytes, gzip -9 bytes)');
const results = {};

// ---- ours: core -------------------------------------------------------------------------------
const pkg = args.includes('--pkg') ? args[args.indexOf('--pkg') + 1] : join(root, 'pkg');
const wasmPath = join(pkg, 'wa_signup_bg.wasm');
const gluePath = join(pkg, 'wa_signup.js');
if (existsSync(wasmPath) && existsSync(gluePath)) {
  const wasm = readFileSync(wasmPath);
  const glue = readFileSync(gluePath);
  const w = measure(wasm);
  const g = measure(glue);
  row('ours core: wa_signup_bg.wasm', w);
  row('ours core: wa_signup.js (glue as shipped)', g);
  const total = { raw: w.raw + g.raw, gzip: w.gzip + g.gzip };
  row('ours core: wasm + glue', total, `budget 40 kB gz: ${total.gzip <= 40_000 ? 'ok' : 'OVER'}`);
  results.core = { wasm: w, glue: g, total };
  if (esbuild) {
    // Only the phone exports (tree-shaking drops the rest of the glue); those not built yet
    // are skipped, so the row says which ones it covers.
    const text = glue.toString('utf8');
    const wanted = ['parsePhoneNumber', 'isE164', 'isE164Batch', 'initSync'];
    const present = wanted.filter((n) => new RegExp(`export\\s*(?:(?:function|const|class) +|\\{[^}]*\\b)${n}\\b`).test(text));
    try {
      const min = measure(
        await bundle(
          `export { ${present.join(', ')} } from ${JSON.stringify(gluePath)};\n` +
            `export { default } from ${JSON.stringify(gluePath)};`,
        ),
      );
      const t = { raw: w.raw + min.raw, gzip: w.gzip + min.gzip };
      row(`ours core: glue bundled+minified (${present.join(', ')})`, min);
      row('ours core: wasm + minified glue', t, '(what an app ships)');
      results.core.glueMinified = min;
      results.core.totalMinified = t;
    } catch (e) {
      console.log(`  ours core: esbuild failed on the glue: ${e.message.split('\n')[0]}`);
    }
  }
} else {
  console.log('  ours core: pkg/ not built (scripts/build-pkg.sh)');
}

// ---- ours: the other entry points (wa-signup/api, wa-signup/flow), each its own wasm module ----
for (const name of ['api', 'flow']) {
  const wasm = join(pkg, `wa_signup_${name}_bg.wasm`);
  const glue = join(pkg, `wa_signup_${name}.js`);
  if (!existsSync(wasm) || !existsSync(glue)) continue;
  const w = measure(readFileSync(wasm));
  const g = measure(readFileSync(glue));
  const total = { raw: w.raw + g.raw, gzip: w.gzip + g.gzip };
  row(`ours wa-signup/${name}: wasm + glue as shipped`, total);
  results[name] = { wasm: w, glue: g, total };
}

// ---- ours: widget -----------------------------------------------------------------------------
const webWasm = join(root, 'web', 'pkg', 'wa_signup_web_bg.wasm');
const webGlue = join(root, 'web', 'pkg', 'wa_signup_web.js');
if (existsSync(webWasm) && existsSync(webGlue)) {
  const w = measure(readFileSync(webWasm));
  const g = measure(readFileSync(webGlue));
  const total = { raw: w.raw + g.raw, gzip: w.gzip + g.gzip };
  row('ours widget: wa_signup_web_bg.wasm', w);
  row('ours widget: wa_signup_web.js', g);
  row('ours widget: wasm + glue', total, `budget 150 kB gz: ${total.gzip <= 150_000 ? 'ok' : 'OVER'}`);
  results.widget = { wasm: w, glue: g, total };
} else {
  console.log('  ours widget: web/pkg/ not built');
}

// ---- libphonenumber-js min ------------------------------------------------------------------
if (esbuild) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/libphonenumber-js/package.json'), 'utf8')).version;
  const both = measure(
    await bundle(`export { isPossiblePhoneNumber, parsePhoneNumber } from 'libphonenumber-js/min';`),
  );
  const possible = measure(await bundle(`export { isPossiblePhoneNumber } from 'libphonenumber-js/min';`));
  const meta = measure(readFileSync(join(root, 'node_modules/libphonenumber-js/metadata.min.json')));
  row(`libphonenumber-js ${version} min: parsePhoneNumber+isPossible`, both, '(esbuild, minified)');
  row(`libphonenumber-js ${version} min: isPossiblePhoneNumber only`, possible, '(esbuild, minified)');
  row(`libphonenumber-js ${version} metadata.min.json (included above)`, meta);
  results.libphonenumber = { version, parseAndIsPossible: both, isPossibleOnly: possible, metadataMin: meta };
  if (results.core?.totalMinified) {
    const r = results.core.totalMinified.gzip / both.gzip;
    console.log(`\n  ours (wasm + minified glue) / libphonenumber-js min, gzip: ${r.toFixed(2)}x ` +
      `(${kB(results.core.totalMinified.gzip)} vs ${kB(both.gzip)})`);
    results.ratioGzip = r;
  }
} else {
  console.log('  libphonenumber-js: esbuild not installed (npm install); bundle sizes skipped');
}

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  console.log(`wrote ${jsonOut}`);
}
