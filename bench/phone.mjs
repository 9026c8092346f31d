// Side-by-side phone benchmark: our npm package (pkg/, release build) vs libphonenumber-js/min,
// in one node process, on the same deterministic corpus (bench/corpus.mjs).
//
//   node bench/phone.mjs                 # 1,000,000 numbers, 5 timed repetitions, median
//   node bench/phone.mjs --n 100000      # quicker smoke run
//   options: --seed N  --reps R  --list K (disagreements listed)  --pkg DIR  --json FILE
//            --only ours|theirs (for `node --cpu-prof`)
//
// Build the package first, as the tests do: `scripts/build-pkg.sh` (release, --target web,
// wasm-opt -Oz). A `wasm-pack build crate --release --target nodejs --out-dir ../pkg` build
// loads as well.
//
// It only prints (and optionally writes JSON). It never fails: exit code 0 even when the
// package is missing or a target is missed.

import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as lib from 'libphonenumber-js/min';
import { generateCorpus } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const N = Number(opt('--n', 1_000_000));
const SEED = Number(opt('--seed', 0x5eed));
const REPS = Math.max(1, Number(opt('--reps', 5)));
const LIST = Number(opt('--list', 20));
const PKG = resolve(opt('--pkg', join(here, '..', 'pkg')));
const JSON_OUT = opt('--json', undefined);
const ONLY = opt('--only', undefined);

/**
 * Loads pkg/. scripts/build-pkg.sh builds it with `--target web` (an ES module; node
 * initialises it with `initSync({ module: bytes })`, as tests/node does); a `--target nodejs`
 * build (CommonJS, self-initialising) works too. Undefined when it is not built.
 */
async function loadOurs() {
  const pj = join(PKG, 'package.json');
  if (!existsSync(pj)) return undefined;
  const meta = JSON.parse(readFileSync(pj, 'utf8'));
  const main = join(PKG, meta.main ?? meta.module ?? 'wa_signup.js');
  let m;
  if (meta.type === 'module' || meta.module) {
    m = await import(pathToFileURL(main).href);
    if (typeof m.initSync === 'function') {
      const wasm = (meta.files ?? []).find((f) => f.endsWith('.wasm')) ?? 'wa_signup_bg.wasm';
      m.initSync({ module: readFileSync(join(PKG, wasm)) });
    }
  } else {
    m = require(main);
  }
  if (typeof m.parsePhoneNumber !== 'function' || typeof m.isE164Batch !== 'function') return undefined;
  return m;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));

/**
 * Times `fn()` (one full pass over the corpus, returning a checksum so nothing is dead code):
 * one untimed warm-up pass, then REPS timed passes; ops/s from the median.
 */
function bench(name, ops, fn) {
  let sink = fn(); // warm-up (JIT tiers, wasm compilation, caches)
  const times = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    sink ^= fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const t = median(times);
  return { name, opsPerSec: ops / t, medianSeconds: t, minSeconds: Math.min(...times), sink };
}

// ---------------------------------------------------------------------------------------------
const t0 = performance.now();
const { inputs, defaults, regions, kinds } = generateCorpus({ n: N, seed: SEED });
// libphonenumber-js options, prebuilt (so neither side pays for an allocation per call):
// `defaultCountry` (the main region of our default calling code), see bench/corpus.mjs.
const theirOpts = regions.map((r) => (r === undefined ? undefined : { defaultCountry: r }));
const joined = inputs.join('\n');
const corpusMs = performance.now() - t0;

const ours = await loadOurs();
console.log(`# wa-signup phone benchmark`);
console.log(
  `node ${process.version}, libphonenumber-js ${require('libphonenumber-js/package.json').version} (min), ` +
    `corpus n=${N} seed=${SEED} (${corpusMs.toFixed(0)} ms), reps=${REPS} (median)`,
);
if (!ours) {
  console.log(
    `ours: no built package at ${PKG} (or it lacks parsePhoneNumber/isE164Batch); build it with\n` +
      `  scripts/build-pkg.sh\n` +
      `printing libphonenumber-js figures only.`,
  );
}

// --- the functions under test, each one full pass over the corpus ---------------------------
const oursParse = () => {
  let ok = 0;
  for (let i = 0; i < N; i++) {
    try {
      ours.parsePhoneNumber(inputs[i], defaults[i]);
      ok++;
    } catch {
      /* rejected: counted as "not possible" */
    }
  }
  return ok;
};
const oursIsE164 = () => {
  let ok = 0;
  for (let i = 0; i < N; i++) if (ours.isE164(inputs[i])) ok++;
  return ok;
};
const oursBatch = () => {
  const out = ours.isE164Batch(joined);
  return out.length;
};
const theirsParse = () => {
  let ok = 0;
  for (let i = 0; i < N; i++) {
    const p = lib.parsePhoneNumberFromString(inputs[i], theirOpts[i]);
    if (p !== undefined && p.isPossible()) ok++;
  }
  return ok;
};
const theirsParseWithError = () => {
  let ok = 0;
  for (let i = 0; i < N; i++) {
    try {
      if (lib.parsePhoneNumberWithError(inputs[i], theirOpts[i]).isPossible()) ok++;
    } catch {
      /* rejected */
    }
  }
  return ok;
};
const theirsIsPossible = () => {
  let ok = 0;
  for (let i = 0; i < N; i++) if (lib.isPossiblePhoneNumber(inputs[i], theirOpts[i])) ok++;
  return ok;
};
const theirsIsPossibleLines = () => {
  // What a caller with the same newline-joined text does with libphonenumber-js.
  const lines = joined.split('\n');
  const out = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = lib.isPossiblePhoneNumber(lines[i]) ? 1 : 0;
  return out.length;
};

// --- agreement (untimed) ---------------------------------------------------------------------
/**
 * Sorts a disagreement into the documented causes (bench/README.md), or 'unexplained'.
 * `p`: libphonenumber-js's parse of the (trimmed) input.
 */
function classify(okMine, code, p, input) {
  if (!okMine && p) {
    if (code === 'INVALID_CHARACTER' && /[~\uFF5E]/.test(input)) {
      return p.ext ? 'extension marker (# , ; x ~): they drop the rest as an extension, we reject'
        : 'tilde: punctuation to them where no extension can start, we always reject';
    }
    if (code === 'INVALID_CHARACTER' && p.ext) return 'extension marker (# , ; x ~): they drop the rest as an extension, we reject';
    if (code === 'TOO_LONG' && p.number.length > 16) return 'over E.164 15 digits: their metadata allows longer national numbers';
    const digits = input.replace(/\D/g, '');
    const cc = p.countryCallingCode;
    const rest = digits.startsWith(cc) ? digits.slice(cc.length) : digits;
    if (rest.length > p.nationalNumber.length && rest.endsWith(p.nationalNumber)) {
      return 'national-prefix rule our literal table approximates (+241 0(11|6x|7x)…)';
    }
  }
  return 'unexplained';
}

/** Why libphonenumber-js said no, in its own words. */
function theirReason(input, o) {
  try {
    return lib.validatePhoneNumberLength(input, o) ?? 'possible';
  } catch (e) {
    return e?.message ?? String(e);
  }
}
function agreement() {
  const res = {
    possible: { agree: 0, disagree: 0, oursOnly: 0, theirsOnly: 0, trimmed: 0, causes: {}, classes: {}, first: [] },
    e164: { agree: 0, disagree: 0, causes: {}, first: [] },
    sameNumber: { both: 0, differ: 0, first: [] },
    batchMatchesPerCall: true,
  };
  const bits = ours.isE164Batch(joined);
  if (bits.length !== N) res.batchMatchesPerCall = `length ${bits.length} != ${N}`;
  // E.164-shaped: "+" and 2 to 15 ASCII digits (what isE164 also requires before parsing).
  const canonical = /^\+[0-9]{2,15}$/;
  for (let i = 0; i < N; i++) {
    const input = inputs[i];
    const o = theirOpts[i];
    let mine;
    let code;
    try {
      mine = ours.parsePhoneNumber(input, defaults[i]);
    } catch (e) {
      code = e?.code ?? String(e);
    }
    // isPossiblePhoneNumber (extract: false) rejects surrounding whitespace as NOT_A_NUMBER,
    // although libphonenumber-js's parsePhoneNumber accepts it; we accept pasted values, so
    // the comparison is on the trimmed text (the count is printed).
    const trimmed = input.trim();
    const theirs = lib.isPossiblePhoneNumber(trimmed, o);
    if (trimmed !== input && theirs && !lib.isPossiblePhoneNumber(input, o)) res.possible.trimmed++;
    const okMine = mine !== undefined;
    if (okMine === theirs) res.possible.agree++;
    else {
      res.possible.disagree++;
      if (okMine) res.possible.oursOnly++;
      else res.possible.theirsOnly++;
      const p = lib.parsePhoneNumberFromString(trimmed, o);
      const why = okMine ? `ours ok, theirs ${theirReason(trimmed, o)}` : `ours ${code}, theirs possible`;
      const cause = `${kinds[i]}: ${why}`;
      res.possible.causes[cause] = (res.possible.causes[cause] || 0) + 1;
      const cls = classify(okMine, code, p, trimmed);
      res.possible.classes[cls] = (res.possible.classes[cls] || 0) + 1;
      if (res.possible.first.length < LIST) {
        res.possible.first.push({
          input,
          default: defaults[i],
          kind: kinds[i],
          ours: okMine ? mine.e164 : code,
          theirs: theirs ? p?.number : theirReason(trimmed, o),
        });
      }
    }
    if (okMine && theirs) {
      const p = lib.parsePhoneNumberFromString(trimmed, o);
      if (p?.number === mine.e164) res.sameNumber.both++;
      else {
        res.sameNumber.differ++;
        if (res.sameNumber.first.length < LIST) {
          res.sameNumber.first.push({ input, default: defaults[i], kind: kinds[i], ours: mine.e164, theirs: p?.number });
        }
      }
    }
    // isE164 / isE164Batch vs "canonical and possible" for libphonenumber-js.
    const e = ours.isE164(input);
    if ((bits[i] === 1) !== e && res.batchMatchesPerCall === true) res.batchMatchesPerCall = `line ${i}: ${JSON.stringify(input)}`;
    const te = canonical.test(input) && lib.isPossiblePhoneNumber(input);
    if (e === te) res.e164.agree++;
    else {
      res.e164.disagree++;
      const cause = `${kinds[i]}: ours ${e}, theirs ${te ? 'possible' : theirReason(input, undefined)}`;
      res.e164.causes[cause] = (res.e164.causes[cause] || 0) + 1;
      if (res.e164.first.length < LIST) res.e164.first.push({ input, kind: kinds[i], ours: e, theirs: te });
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
const results = { n: N, seed: SEED, reps: REPS, node: process.version, timings: {} };
const row = (r) => {
  results.timings[r.name] = { opsPerSec: r.opsPerSec, medianSeconds: r.medianSeconds };
  console.log(`  ${r.name.padEnd(44)} ${fmt(r.opsPerSec).padStart(9)} ops/s   (median ${(r.medianSeconds * 1000).toFixed(0)} ms / ${N})`);
  return r;
};

console.log(`\n## throughput (parse + validate, one call per number)`);
let oP;
let oE;
let oB;
if (ours && ONLY !== 'theirs') {
  oP = row(bench('ours parsePhoneNumber (try/catch)', N, oursParse));
  oE = row(bench('ours isE164', N, oursIsE164));
}
let tP;
let tPE;
let tI;
if (ONLY !== 'ours') {
  tP = row(bench('theirs parsePhoneNumberFromString+isPossible', N, theirsParse));
  tPE = row(bench('theirs parsePhoneNumberWithError+isPossible', N, theirsParseWithError));
  tI = row(bench('theirs isPossiblePhoneNumber', N, theirsIsPossible));
}
console.log(`\n## bulk (the corpus joined by "\\n", ${(joined.length / 1e6).toFixed(1)} M chars)`);
let tL;
if (ours && ONLY !== 'theirs') oB = row(bench('ours isE164Batch (one crossing)', N, oursBatch));
if (ONLY !== 'ours') tL = row(bench('theirs split + isPossiblePhoneNumber/line', N, theirsIsPossibleLines));

if (ours && ONLY === undefined) {
  const ratio = (a, b) => a.opsPerSec / b.opsPerSec;
  const ratios = {
    parseVsParse: ratio(oP, tP),
    parseVsParseWithError: ratio(oP, tPE),
    isE164VsIsPossible: ratio(oE, tI),
    batchVsIsPossiblePerLine: ratio(oB, tL),
    batchVsIsPossible: ratio(oB, tI),
  };
  results.ratios = ratios;
  console.log(`\n## ratios (ours / theirs; >1 = we are faster)`);
  console.log(`  parsePhoneNumber vs parsePhoneNumberFromString+isPossible  ${ratios.parseVsParse.toFixed(2)}x   (target >= 1)`);
  console.log(`  parsePhoneNumber vs parsePhoneNumberWithError+isPossible   ${ratios.parseVsParseWithError.toFixed(2)}x`);
  console.log(`  isE164 vs isPossiblePhoneNumber                            ${ratios.isE164VsIsPossible.toFixed(2)}x`);
  console.log(`  isE164Batch vs split + isPossiblePhoneNumber per line      ${ratios.batchVsIsPossiblePerLine.toFixed(2)}x   (target >= 10)`);
  console.log(`  isE164Batch vs isPossiblePhoneNumber (array, no split)     ${ratios.batchVsIsPossible.toFixed(2)}x`);
}

if (ours && ONLY === undefined) {
  const a = agreement();
  results.agreement = a;
  const pct = (x) => ((100 * x) / N).toFixed(3);
  console.log(`\n## agreement on "possible number" (parsePhoneNumber ok  vs  isPossiblePhoneNumber(input.trim()))`);
  console.log(`  agree ${a.possible.agree} / ${N} = ${pct(a.possible.agree)}%   (target >= 99.9%)`);
  console.log(`  disagree ${a.possible.disagree}: ours-only ${a.possible.oursOnly}, theirs-only ${a.possible.theirsOnly}`);
  console.log(`  (${a.possible.trimmed} inputs with surrounding whitespace that isPossiblePhoneNumber rejects untrimmed)`);
  console.log(`  by documented cause:`);
  for (const [c, k] of Object.entries(a.possible.classes).sort((x, y) => y[1] - x[1])) {
    console.log(`    ${String(k).padStart(7)}  (${pct(k)}%)  ${c}`);
  }
  const unexplained = a.possible.classes.unexplained || 0;
  console.log(`  agreement counting documented causes as explained: ${pct(N - unexplained)}%`);
  console.log(`  by generator category and verdicts:`);
  const causes = Object.entries(a.possible.causes).sort((x, y) => y[1] - x[1]);
  for (const [c, k] of causes.slice(0, 25)) console.log(`    ${String(k).padStart(7)}  ${c}`);
  if (a.possible.first.length) {
    console.log(`  first ${a.possible.first.length} disagreements (input [default cc] | kind | ours | theirs):`);
    for (const d of a.possible.first) {
      console.log(`    ${JSON.stringify(d.input)}${d.default ? ` [${d.default}]` : ''} | ${d.kind} | ${d.ours} | ${d.theirs}`);
    }
  }
  console.log(`  both possible: same E.164 ${a.sameNumber.both}, different ${a.sameNumber.differ}`);
  for (const d of a.sameNumber.first) {
    console.log(`    ${JSON.stringify(d.input)}${d.default ? ` [${d.default}]` : ''} | ${d.kind} | ours ${d.ours} | theirs ${d.theirs}`);
  }
  console.log(`\n## agreement of isE164 with /^\\+[0-9]{2,15}$/ && isPossiblePhoneNumber`);
  console.log(`  agree ${a.e164.agree} / ${N} = ${pct(a.e164.agree)}%`);
  for (const [c, k] of Object.entries(a.e164.causes).sort((x, y) => y[1] - x[1]).slice(0, 10)) {
    console.log(`    ${String(k).padStart(7)}  ${c}`);
  }
  for (const d of a.e164.first) console.log(`    ${JSON.stringify(d.input)} | ${d.kind} | ours ${d.ours} | theirs ${d.theirs}`);
  console.log(`  isE164Batch == isE164 per line: ${a.batchMatchesPerCall}`);
}

if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${JSON_OUT}`);
}
