#!/usr/bin/env node
// Writes FILE.br (Brotli, quality 11) and FILE.gz (gzip level 9) beside each
// FILE, for servers that send a precompressed sibling when the browser accepts
// its encoding (the demo server's ServeFile, nginx `gzip_static`/`brotli_static`,
// most CDNs). Brotli 11 is too slow to run per request (about 2 s of CPU for the
// widget's wasm), and 17 % smaller than gzip -9 on it: a build step.
//
//   node scripts/precompress.mjs web/pkg/wa_signup_web_bg.wasm web/pkg/wa_signup_web.js …
//
// Prints raw, gzip and Brotli bytes per file. The siblings are written after
// their file, so a server that ignores siblings older than their file (the demo
// server does) never pairs a new build with old compressed bytes.

import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/precompress.mjs FILE...");
  process.exit(2);
}
for (const file of files) {
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  console.log(`[precompress] ${file}: ${bytes.length} B, gzip -9 ${gz.length} B, brotli 11 ${br.length} B`);
}
