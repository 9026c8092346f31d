// Deterministic phone-number corpus for the benchmarks in this directory.
//
// `generateCorpus({ n, seed })` returns `{ inputs, defaults, regions, kinds }`, parallel arrays:
//   inputs[i]   the text a user might type (never contains "\n", so the corpus can be joined
//               with newlines for `isE164Batch`),
//   defaults[i] a default calling code (number) for inputs written without "+", or undefined,
//   regions[i]  the main ISO region of that calling code (what libphonenumber-js is given as
//               `defaultCountry`: its `defaultCallingCode` option does not strip a "00" IDD
//               prefix, `defaultCountry` does), or undefined,
//   kinds[i]    the generator category (for reporting disagreements).
//
// Inputs written without "+" come in three kinds only: "00<cc>..." and national numbers with
// their trunk prefix ("0151 ...", "8 916 ..."), both with a default calling code whose main
// region dials abroad with "00" (idd00) or owns the number (national); and bare digits with
// no default at all (no_plus), which both libraries must reject.
//
// Same (n, seed) => byte-identical corpus, on every machine: the only randomness is a
// mulberry32 PRNG, and the only data is libphonenumber-js's own metadata (`metadata.min.json`,
// possible lengths + national prefix + IDD prefix per region) and `examples.mobile.json`
// (one realistic mobile number per region, used for leading digits), both devDependencies.
//
// Run directly to print a summary or dump it: `node bench/corpus.mjs --n 1000 --out corpus.txt`
// (the dump is `input<TAB>default<TAB>region` per line).

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const metadata = require('libphonenumber-js/metadata.min.json');
const examples = require('libphonenumber-js/examples.mobile.json');

/** Seeded 32-bit PRNG (mulberry32): returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Numbering plans, in a fixed order: one per region with an example number, plus the
 * non-geographic codes (+800, +808, +870, ...), which have lengths but no example.
 */
function buildPlans() {
  const plans = [];
  for (const region of Object.keys(metadata.countries).sort()) {
    const m = metadata.countries[region];
    plans.push({
      region,
      cc: m[0],
      idd: typeof m[1] === 'string' ? m[1] : undefined,
      lengths: m[3],
      nationalPrefix: typeof m[5] === 'string' ? m[5] : undefined,
      example: examples[region],
    });
  }
  for (const cc of Object.keys(metadata.nonGeographic).sort()) {
    const m = metadata.nonGeographic[cc];
    plans.push({ region: '001', cc, idd: undefined, lengths: m[3], nationalPrefix: undefined, example: undefined });
  }
  return plans;
}

const PLANS = buildPlans();
/** Plans whose region dials abroad with exactly "00", so "00<cc>..." means the same to both libraries. */
// Only main regions (first listed for their calling code) are used as a "home": our API takes a
// default calling code, libphonenumber-js a region, and the main region is what a calling
// code means to it.
const MAIN_REGION = new Set(Object.values(metadata.country_calling_codes).map((r) => r[0]));
const IDD00_PLANS = PLANS.filter((p) => p.idd === '00' && MAIN_REGION.has(p.region));
/** Plans with a national (trunk) prefix: users type "0151 ..." or "8 916 ...". */
const TRUNK_PLANS = PLANS.filter(
  (p) => p.nationalPrefix !== undefined && p.example !== undefined && MAIN_REGION.has(p.region),
);
const ASSIGNED = new Set(Object.keys(metadata.country_calling_codes));
/** Calling codes of 1-3 digits that nobody is assigned (e.g. +28, +42, +693). */
const UNASSIGNED = [];
for (let cc = 1; cc <= 999; cc++) {
  const s = String(cc);
  // Skip codes whose prefix is assigned (+1 covers +10..+19x): those are not "unknown".
  let shadowed = false;
  for (let k = 1; k < s.length; k++) if (ASSIGNED.has(s.slice(0, k))) shadowed = true;
  if (!shadowed && !ASSIGNED.has(s)) UNASSIGNED.push(s);
}

/** Generator categories and their weight out of 1000. */
export const CATEGORIES = [
  ['e164', 450], // canonical "+4915123456789"
  ['formatted', 150], // "+49 151 2345-6789", "+49 (151) 23.45.67.89"
  ['idd00', 40], // "0049 151 23456789" with the default calling code of a region using "00"
  ['national', 50], // "0151 23456789" with default calling code 49
  ['typo', 120], // a letter, a lost or doubled digit, two digits swapped, a stray symbol
  ['too_short', 50], // 1-4 digits cut
  ['too_long', 50], // 1-5 digits added
  ['unknown_cc', 30], // "+28 ..." (unassigned)
  ['junk', 40], // empty, whitespace, "+", letters, symbols, very long digit runs
  ['no_plus', 20], // digits only, no default calling code
];

export function generateCorpus({ n = 1_000_000, seed = 0x5eed } = {}) {
  const rand = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const digits = (k) => {
    let s = '';
    for (let i = 0; i < k; i++) s += String.fromCharCode(48 + Math.floor(rand() * 10));
    return s;
  };

  // Cumulative category table.
  const cum = [];
  let total = 0;
  for (const [name, w] of CATEGORIES) cum.push([name, (total += w)]);

  /** A national significant number that is possible for the plan (length from its table). */
  function nationalNumber(plan) {
    const lengths = plan.lengths;
    if (plan.example && rand() < 0.7) {
      // The example's length, its first digits kept (realistic prefix), the rest random.
      const ex = plan.example;
      const keep = Math.min(3, Math.max(1, ex.length - 4));
      return ex.slice(0, keep) + digits(ex.length - keep);
    }
    // A valid number fits E.164's 15 digits; libphonenumber's metadata also lists longer
    // national lengths (+49 up to 15, +62/+81 up to 17): those appear as too_long inputs.
    const fit = lengths.filter((l) => plan.cc.length + l <= 15);
    const len = pick(fit.length ? fit : lengths);
    const lead = plan.example ? plan.example.slice(0, Math.min(2, len)) : String(int(1, 9));
    return (lead + digits(len)).slice(0, len);
  }

  /** Groups digits the way people write them: "151 2345 6789", "151-234-56789", ... */
  function group(nn) {
    const parts = [];
    let i = 0;
    while (i < nn.length) {
      const k = int(2, 4);
      parts.push(nn.slice(i, i + k));
      i += k;
    }
    return parts;
  }
  function formatted(cc, nn) {
    const parts = group(nn);
    switch (int(0, 5)) {
      case 0:
        return `+${cc} ${parts.join(' ')}`;
      case 1:
        return `+${cc}-${parts.join('-')}`;
      case 2:
        return parts.length > 1 ? `+${cc} (${parts[0]}) ${parts.slice(1).join('-')}` : `+${cc} ${nn}`;
      case 3:
        return `+${cc}.${parts.join('.')}`;
      case 4:
        return `  +${cc} ${parts.join(' ')} `; // pasted with surrounding spaces
      default:
        return `+${cc}${parts.join(' ')}`;
    }
  }

  function typo(plan) {
    const nn = nationalNumber(plan);
    const s = `+${plan.cc}${nn}`;
    const pos = int(1 + plan.cc.length, s.length - 1);
    switch (int(0, 5)) {
      case 0: // letter for a digit (O for 0, l for 1, ...)
        return s.slice(0, pos) + pick(['O', 'l', 'I', 'S', 'B', 'o', 'x']) + s.slice(pos + 1);
      case 1: // lost digit
        return s.slice(0, pos) + s.slice(pos + 1);
      case 2: // doubled digit
        return s.slice(0, pos) + s[pos] + s.slice(pos);
      case 3: // swapped neighbours (still possible: same length)
        return pos + 1 < s.length ? s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2) : s;
      case 4: // stray symbol
        return s.slice(0, pos) + pick(['/', '#', '*', ',', ';', '_', '+', '~']) + s.slice(pos);
      default: // plus typed twice or as "++"
        return `+${s}`;
    }
  }

  function junk() {
    switch (int(0, 7)) {
      case 0:
        return '';
      case 1:
        return pick([' ', '+', '++', '+-', '()', '00', '+0', '-']);
      case 2: {
        let s = '';
        const k = int(1, 20);
        for (let i = 0; i < k; i++) s += String.fromCharCode(int(33, 126));
        return s;
      }
      case 3:
        return pick(['call me', 'n/a', 'null', 'undefined', 'tel:', 'phone', '+phone', 'TBD']);
      case 4:
        return `+${digits(int(16, 40))}`; // way past 15 digits
      case 5:
        return `+${pick(['\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668', '１２３４５６７８９０', '📞12345678'])}`;
      case 6:
        return `+0${digits(int(6, 12))}`; // calling codes never start with 0
      default:
        return `${pick(['+', ''])}${digits(int(1, 3))}`;
    }
  }

  const inputs = new Array(n);
  const defaults = new Array(n);
  const regions = new Array(n);
  const kinds = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand() * total;
    let kind = cum[cum.length - 1][0];
    for (const [name, c] of cum) {
      if (r < c) {
        kind = name;
        break;
      }
    }
    let input;
    let dflt;
    let region;
    switch (kind) {
      case 'e164': {
        const p = pick(PLANS);
        input = `+${p.cc}${nationalNumber(p)}`;
        break;
      }
      case 'formatted': {
        const p = pick(PLANS);
        input = formatted(p.cc, nationalNumber(p));
        break;
      }
      case 'idd00': {
        const home = pick(IDD00_PLANS);
        const p = pick(PLANS);
        input = `00${p.cc}${rand() < 0.5 ? ' ' : ''}${group(nationalNumber(p)).join(' ')}`;
        dflt = Number(home.cc);
        region = home.region;
        break;
      }
      case 'national': {
        const p = pick(TRUNK_PLANS);
        input = `${p.nationalPrefix}${rand() < 0.5 ? ' ' : ''}${group(nationalNumber(p)).join(' ')}`;
        dflt = Number(p.cc);
        region = p.region;
        break;
      }
      case 'typo':
        input = typo(pick(PLANS));
        break;
      case 'too_short': {
        const p = pick(PLANS);
        const nn = nationalNumber(p);
        input = `+${p.cc}${nn.slice(0, Math.max(0, nn.length - int(1, 4)))}`;
        break;
      }
      case 'too_long': {
        const p = pick(PLANS);
        input = `+${p.cc}${nationalNumber(p)}${digits(int(1, 5))}`;
        break;
      }
      case 'unknown_cc':
        input = `+${pick(UNASSIGNED)}${digits(int(6, 11))}`;
        break;
      case 'junk':
        input = junk();
        break;
      default: {
        const p = pick(PLANS);
        input = `${p.cc}${nationalNumber(p)}`;
        break;
      }
    }
    inputs[i] = input;
    defaults[i] = dflt;
    regions[i] = region;
    kinds[i] = kind;
  }
  return { inputs, defaults, regions, kinds };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  const n = Number(opt('--n', 1_000_000));
  const seed = Number(opt('--seed', 0x5eed));
  const out = opt('--out', undefined);
  const t0 = performance.now();
  const { inputs, defaults, regions, kinds } = generateCorpus({ n, seed });
  const ms = performance.now() - t0;
  const counts = {};
  for (const k of kinds) counts[k] = (counts[k] || 0) + 1;
  console.log(`corpus: n=${n} seed=${seed} plans=${PLANS.length} generated in ${ms.toFixed(0)} ms`);
  console.log(counts);
  console.log('first 12:', inputs.slice(0, 12).map((s, i) => (defaults[i] ? `${s} [cc ${defaults[i]}]` : s)));
  if (out) {
    writeFileSync(out, inputs.map((s, i) => `${s}\t${defaults[i] ?? ''}\t${regions[i] ?? ''}`).join('\n') + '\n');
    console.log(`wrote ${out}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
