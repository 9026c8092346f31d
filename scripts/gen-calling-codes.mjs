#!/usr/bin/env node
// Generates crate/src/phone/calling_codes.rs from libphonenumber-js's published
// `metadata.min.json` (the metadata is data; no code is copied).
//
//   node scripts/gen-calling-codes.mjs            # rewrite the table
//   node scripts/gen-calling-codes.mjs --check    # exit 1 if the committed table is stale
//
// Per assigned country calling code it emits what `crate::phone` needs to
// decide whether a number is *possible* the way libphonenumber-js's
// `isPossiblePhoneNumber` does, without regular expressions at runtime:
//
// - the possible national-number lengths of the code's main region, as a u32
//   bitmask (bit n set = n digits possible);
// - prefix rules: national numbers starting with a literal prefix use another
//   region's lengths. They come from regions sharing the code whose lengths
//   differ from the main region's: by their `leading_digits` (e.g. Isle of Man
//   `7624…` numbers have 10 digits only), or by a type pattern with a literal
//   prefix and a length the main region lacks (Canada's 7-digit `310…`);
// - the trunk (national) prefixes to forgive after the calling code, as
//   literals (`0`, `8`, `06`, `0|180020` …), conditional ones dropped only in
//   front of some digits (Gabon's `0(11\d{6}|6[0-256]\d{6}|7[467]\d{6})`:
//   the `0` goes only before 11, 60-62, 65, 66, 74, 76, 77 and 6+ more
//   digits), and local-number rewrites such as Madagascar's 7-digit numbers
//   getting `20` prepended; other
//   `national_prefix_for_parsing` patterns are reduced to their literal
//   national prefix (listed at the end of the run);
// - per trunk prefix, where a national number can itself begin with it
//   (`8 800 …` in Russia, `000800…` toll-free in India): the literal leading
//   digits and lengths under which the main region's national number pattern
//   can match, probed per length (libphonenumber-js keeps the prefix when the
//   whole number matches that pattern and the rest does not);
// - the ISO regions sharing the code, main region first (`001` for the
//   non-geographic codes such as +800 and +882).
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const pkgVersion = require('libphonenumber-js/package.json').version
const metadata = require('libphonenumber-js/metadata.min.json')
const OUT = join(root, 'crate/src/phone/calling_codes.rs')

// Index of fields in a country's array in metadata.min.json (format version 4),
// as read by libphonenumber-js's own `metadata.js`.
const F = {
  callingCode: 0,
  nationalNumberPattern: 2,
  possibleLengths: 3,
  nationalPrefix: 5,
  nationalPrefixForParsing: 7,
  nationalPrefixTransformRule: 8,
  leadingDigits: 10,
  types: 11,
}
// The longest national number libphonenumber-js accepts at all.
const MAX_LENGTH_FOR_NSN = 17

if (metadata.version !== 4) {
  throw new Error(`unexpected metadata format version ${metadata.version}; update the field indexes`)
}

/** Expands a regex of digits, classes, groups and alternation into literal strings. */
function expandLiteral(pattern) {
  let i = 0
  const fail = (why) => {
    throw new Error(`cannot expand /${pattern}/ to literals at ${i}: ${why}`)
  }
  function alternation() {
    let out = sequence()
    while (pattern[i] === '|') {
      i++
      out = out.concat(sequence())
    }
    return out
  }
  function sequence() {
    let out = ['']
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom
      if (pattern[i] === '(') {
        i++
        if (pattern.startsWith('?:', i)) i += 2
        atom = alternation()
        if (pattern[i] !== ')') fail('unclosed group')
        i++
      } else if (pattern[i] === '[') {
        i++
        atom = []
        while (pattern[i] !== ']') {
          if (i >= pattern.length) fail('unclosed class')
          const from = pattern[i]
          if (pattern[i + 1] === '-' && pattern[i + 2] !== ']') {
            const to = pattern[i + 2]
            for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) atom.push(String.fromCharCode(c))
            i += 3
          } else {
            atom.push(from)
            i++
          }
        }
        i++
      } else if (/[0-9]/.test(pattern[i])) {
        atom = [pattern[i]]
        i++
      } else {
        fail(`unsupported '${pattern[i]}'`)
      }
      if (pattern[i] === '?') {
        // Greedy: the longer alternative is tried first, as a regex would.
        i++
        atom = atom.concat([''])
      }
      if (!atom.every((a) => /^[0-9]*$/.test(a))) fail('non-digit literal')
      out = out.flatMap((head) => atom.map((tail) => head + tail))
      if (out.length > 2000) fail('too many alternatives')
    }
    return out
  }
  const out = alternation()
  if (i !== pattern.length) fail('trailing input')
  return out
}

const mask = (lengths) => lengths.reduce((m, n) => {
  if (!Number.isInteger(n) || n < 1 || n > MAX_LENGTH_FOR_NSN) throw new Error(`bad length ${n}`)
  return m | (1 << n)
}, 0)
const lengthsOf = (m) => [...Array(32).keys()].filter((n) => m & (1 << n))

// Deterministic PRNG (mulberry32) for probing national number patterns.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Can a national number of one of these regions start with `prefix`?
 * Probes every 3-digit continuation of the prefix, for every possible length,
 * with a few fillers, against the regions' national number patterns.
 */
function canStartWith(regionsMeta, prefix, onlyLength) {
  const random = rng(0x5eed)
  for (const meta of regionsMeta) {
    const nnp = new RegExp(`^(?:${meta[F.nationalNumberPattern]})$`)
    for (const len of onlyLength ? [onlyLength] : meta[F.possibleLengths]) {
      const free = len - prefix.length
      if (free < 0) continue
      const head = Math.min(free, 3)
      for (let h = 0; h < 10 ** head; h++) {
        const start = prefix + String(h).padStart(head, '0')
        const fillers = ['0', '9', '5']
        for (let r = 0; r < 4; r++) fillers.push(String(Math.floor(random() * 10)))
        for (const f of fillers) {
          let s = start
          while (s.length < len) s += f === '0' || f === '9' || f === '5' ? f : String(Math.floor(random() * 10))
          if (nnp.test(s)) return true
        }
      }
    }
  }
  return false
}

/**
 * Where a national number of `meta` (one region) can begin with `prefix`:
 * `[leadingDigits, lengthMask]` pairs, found per possible length by walking
 * the digits after `prefix` (at most `depth` more) while only some of the ten
 * continuations can match the national number pattern. A walk cut short by
 * `depth` keeps the shorter head (over-approximates: keeps the prefix).
 */
function nationalStarts(meta, prefix, depth = 5) {
  const out = new Map()
  const add = (head, len) => out.set(head, (out.get(head) ?? 0) | (1 << len))
  for (const len of meta[F.possibleLengths]) {
    const walk = (head, left) => {
      if (!canStartWith([meta], head, len)) return
      if (head.length >= len || left === 0) return add(head, len)
      const next = [...Array(10).keys()].map((d) => head + d).filter((h) => canStartWith([meta], h, len))
      if (next.length === 10) return add(head, len)
      for (const h of next) walk(h, left - 1)
    }
    walk(prefix, depth)
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const approximations = []

/** Splits a pattern at its top-level `|`. */
function splitTop(pattern) {
  const parts = []
  let depth = 0
  let from = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') i++
    else if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (c === '|' && depth === 0) {
      parts.push(pattern.slice(from, i))
      from = i + 1
    }
  }
  parts.push(pattern.slice(from))
  return parts
}

/**
 * How the main region's `national_prefix_for_parsing` (or plain national
 * prefix) reads: `local` is a whole-number rewrite like Madagascar's
 * `([24-9]\d{6})$` -> `20$1` (a local number gets its area code), tried
 * first; `literals` are trunk prefixes stripped as written, in the order a
 * regex alternation tries them.
 */
function trunkRules(code, meta) {
  const np = meta[F.nationalPrefix] || ''
  const npp = meta[F.nationalPrefixForParsing] || ''
  const transform = meta[F.nationalPrefixTransformRule] || ''
  if (!npp) return { literals: np ? [{ digits: np, before: [] }] : [], local: null }
  let local = null
  const literals = []
  const parts = splitTop(npp)
  try {
    parts.forEach((part, i) => {
      const whole = /^\((\[[0-9-]+\]|[0-9])\\d\{(\d+)\}\)\$$/.exec(part)
      const prepend = /^(\d*)\$1$/.exec(transform)
      if (whole && prepend && i === 0) {
        let first = 0
        for (const d of expandLiteral(whole[1])) first |= 1 << Number(d)
        local = { first, len: Number(whole[2]) + 1, prepend: prepend[1] }
        return
      }
      // A conditional trunk prefix: `0(11\d{6}|6[0-2]\d{6}|…)` with `$1`
      // drops the literal only in front of what the group matches (the
      // group's literal head and at least its digit count; the regex
      // matches a prefix, so more digits may follow).
      const conditional = /^(\d+)\((?!\?)(.*)\)$/.exec(part)
      if (conditional && transform === '$1') {
        const before = []
        for (const alt of splitTop(conditional[2])) {
          const m = /^(.*?)\\d\{(\d+)\}$/.exec(alt)
          if (!m) throw new Error('conditional')
          for (const head of expandLiteral(m[1])) {
            let lengths = 0
            for (let n = head.length + Number(m[2]); n < 32; n++) lengths |= 1 << n
            before.push([head, lengths >>> 0])
          }
        }
        literals.push({ digits: conditional[1], before })
        return
      }
      // With a transform rule, captured digits are rewritten, not stripped.
      if (transform && part.includes('(') && !part.startsWith('(?:')) throw new Error('rewrite')
      literals.push(...expandLiteral(part).filter((s) => s !== '').map((digits) => ({ digits, before: [] })))
    })
    if (literals.length || local) return { literals, local }
  } catch (_) {
    // not expressible as literals: approximated below
  }
  approximations.push(`+${code}: national_prefix_for_parsing /${npp}/ reduced to ${np ? `"${np}"` : 'nothing'}`)
  return { literals: np ? [{ digits: np, before: [] }] : [], local: null }
}

/** Can a national number of these regions have `len` digits and start with one of `first`? */
function canBeLocal(regionsMeta, { first, len }) {
  for (let d = 0; d < 10; d++) {
    if (first & (1 << d) && canStartWith(regionsMeta, String(d), len)) return true
  }
  return false
}

/** Prefix rules for regions sharing `code` whose lengths differ from the main region's. */
function prefixRules(code, regions) {
  const main = metadata.countries[regions[0]]
  const mainMask = mask(main[F.possibleLengths])
  const rules = []
  for (const region of regions.slice(1)) {
    const meta = metadata.countries[region]
    const regionMask = mask(meta[F.possibleLengths])
    if (regionMask === mainMask) continue
    const leading = meta[F.leadingDigits]
    if (leading) {
      for (const prefix of expandLiteral(leading)) rules.push([prefix, regionMask, region])
      continue
    }
    if ((regionMask & ~mainMask) === 0) {
      // Detected only when a type pattern matches, i.e. for a number of one of
      // the region's lengths, all of which the main region allows too.
      continue
    }
    // Lengths the main region lacks: find the type patterns that produce them.
    for (const type of meta[F.types] || []) {
      if (!type) continue
      const typeMask = type[1] ? mask(type[1]) : regionMask
      if ((typeMask & ~mainMask) === 0) continue
      for (const alt of type[0].split('|')) {
        const m = /^(.*?)\\d\{(\d+)(?:,(\d+))?\}$/.exec(alt)
        if (!m) throw new Error(`+${code} ${region}: cannot split type pattern /${type[0]}/`)
        const tail = [Number(m[2]), Number(m[3] ?? m[2])]
        for (const prefix of expandLiteral(m[1])) {
          let extra = 0
          for (let n = tail[0]; n <= tail[1]; n++) extra |= 1 << (prefix.length + n)
          rules.push([prefix, mainMask | extra, region])
        }
      }
    }
  }
  return rules
}

const entries = []
for (const [code, regions] of Object.entries(metadata.country_calling_codes)) {
  entries.push({ code: Number(code), regions, main: metadata.countries[regions[0]] })
}
for (const [code, meta] of Object.entries(metadata.nonGeographic)) {
  if (metadata.country_calling_codes[code]) throw new Error(`+${code} is both geographic and not`)
  entries.push({ code: Number(code), regions: ['001'], main: meta })
}
entries.sort((a, b) => a.code - b.code)

// Calling codes must be prefix-free for first-match extraction to be right.
for (const a of entries) {
  for (const b of entries) {
    if (a !== b && String(b.code).startsWith(String(a.code))) {
      throw new Error(`calling codes are not prefix-free: +${a.code} / +${b.code}`)
    }
  }
}

const regionTable = []
const trunkTable = [[]]
const ruleTable = [[]]
const localTable = [null]
const indexOf = (table, value) => {
  const key = JSON.stringify(value)
  let i = table.findIndex((v) => JSON.stringify(v) === key)
  if (i < 0) {
    table.push(value)
    i = table.length - 1
  }
  return i
}
const overE164 = []
const rows = entries.map(({ code, regions, main }) => {
  const lengths = mask(main[F.possibleLengths])
  const regionStart = regionTable.length
  regionTable.push(...regions)
  const regionsMeta = regions.map((r) => metadata.countries[r] ?? main)
  const { literals, local } = trunkRules(code, main)
  // libphonenumber-js judges a trunk prefix against the numbering plan it
  // selected by calling code: the main region's.
  const trunk = literals.map(({ digits, before }) => [digits, nationalStarts(main, digits), before])
  const localIndex = local
    ? indexOf(localTable, [local.first, local.len, local.prepend, canBeLocal(regionsMeta, local)])
    : 0
  const rules = regions.length > 1 ? prefixRules(code, regions) : []
  const maxLen = Math.max(...lengthsOf(lengths))
  if (String(code).length + maxLen > 15) overE164.push(`+${code} (up to ${maxLen} national digits)`)
  return {
    code,
    lengths,
    regionStart,
    regionCount: regions.length,
    trunk: indexOf(trunkTable, trunk),
    rules: indexOf(ruleTable, rules.map(([p, m]) => [p, m])),
    local: localIndex,
    comment: `${regions.slice(0, 4).join(' ')}${regions.length > 4 ? ' …' : ''}: ${lengthsOf(lengths).join(',')}`,
  }
})

if (regionTable.length > 0xffff || trunkTable.length > 0xff || ruleTable.length > 0xff || localTable.length > 0xff) {
  throw new Error('table indexes overflow their integer types')
}

const hex = (n) => `0x${n.toString(16).padStart(5, '0')}`
const lines = []
lines.push('// @generated by `node scripts/gen-calling-codes.mjs` — do not edit by hand.')
lines.push(`// Source: libphonenumber-js ${pkgVersion}, metadata.min.json (format version ${metadata.version}).`)
lines.push('// Regenerate after updating libphonenumber-js; `--check` verifies it is current.')
lines.push('//! Generated table of assigned country calling codes (see `plan.rs` for the types).')
lines.push('')
lines.push('use super::plan::{LocalRule, NationalStart, Plan, PrefixRule, TrunkPrefix};')
lines.push('')
lines.push('/// The metadata this table was generated from.')
lines.push(`pub const METADATA_SOURCE: &str = "libphonenumber-js ${pkgVersion} metadata.min.json";`)
lines.push('')
lines.push('/// ISO 3166 region codes; each plan owns a contiguous run, main region first.')
lines.push(`pub(crate) static REGIONS: [&str; ${regionTable.length}] = [`)
for (let i = 0; i < regionTable.length; i += 12) {
  lines.push(`    ${regionTable.slice(i, i + 12).map((r) => `"${r}"`).join(', ')},`)
}
lines.push('];')
lines.push('')
lines.push('/// Literal trunk prefixes, tried in order; index 0 means none.')
lines.push(`pub(crate) static TRUNK_PREFIXES: [&[TrunkPrefix]; ${trunkTable.length}] = [`)
for (const t of trunkTable) {
  if (!t.length) {
    lines.push('    &[],')
    continue
  }
  lines.push('    &[')
  const list = (starts) => starts.map(([head, m]) => `            NationalStart { digits: "${head}", lengths: ${hex(m)} },`)
  for (const [p, starts, before] of t) {
    let head = `        TrunkPrefix { digits: "${p}", before: &[`
    if (before.length) {
      lines.push(head)
      lines.push(...list(before))
      head = '        ]'
    } else {
      head += ']'
    }
    if (!starts.length) {
      lines.push(`${head}, starts: &[] },`)
      continue
    }
    lines.push(`${head}, starts: &[`)
    lines.push(...list(starts))
    lines.push('        ] },')
  }
  lines.push('    ],')
}
lines.push('];')
lines.push('')
lines.push('/// Local-number rewrites (a whole national number gets digits prepended); index 0 means none.')
lines.push(`pub(crate) static LOCAL_RULES: [Option<LocalRule>; ${localTable.length}] = [`)
for (const l of localTable) {
  lines.push(
    l
      ? `    Some(LocalRule { first_digits: 0b${l[0].toString(2).padStart(10, '0')}, len: ${l[1]}, prepend: "${l[2]}", ambiguous: ${l[3]} }),`
      : '    None,',
  )
}
lines.push('];')
lines.push('')
lines.push('/// Prefix rules (first match wins); index 0 means none.')
lines.push(`pub(crate) static PREFIX_RULES: [&[PrefixRule]; ${ruleTable.length}] = [`)
for (const set of ruleTable) {
  if (!set.length) {
    lines.push('    &[],')
    continue
  }
  lines.push('    &[')
  for (const [prefix, m] of set) lines.push(`        PrefixRule { prefix: "${prefix}", lengths: ${hex(m)} },`)
  lines.push('    ],')
}
lines.push('];')
lines.push('')
lines.push('/// Every assigned calling code, sorted by code.')
lines.push(`pub(crate) static PLANS: [Plan; ${rows.length}] = [`)
for (const r of rows) {
  lines.push(`    // ${r.comment}`)
  lines.push(
    `    Plan { code: ${r.code}, lengths: ${hex(r.lengths)}, region_start: ${r.regionStart}, region_count: ${r.regionCount}, ` +
      `trunk: ${r.trunk}, local: ${r.local}, rules: ${r.rules} },`,
  )
}
lines.push('];')
const text = lines.join('\n') + '\n'

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(OUT, 'utf8')
  } catch (_) {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${OUT} is stale: run node scripts/gen-calling-codes.mjs`)
    process.exit(1)
  }
  console.log(`${OUT} is current`)
} else {
  writeFileSync(OUT, text)
  console.log(`wrote ${OUT}: ${rows.length} calling codes, ${regionTable.length} regions`)
}
for (const a of approximations) console.log(`approximated ${a}`)
if (overE164.length) console.log(`lengths beyond E.164's 15 digits (capped at runtime): ${overE164.join(', ')}`)
