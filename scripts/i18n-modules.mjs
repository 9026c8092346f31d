// Writes the widget's non-English message catalogues as ES modules beside its
// glue: web/i18n/<tag>.json -> OUT/widget-locale-<tag>.js, whose default export
// is the text the wasm's registerCatalogue(locale, text) takes (each message's
// text followed by a NUL, in en.json's order). English is compiled into the
// wasm (web/build.rs) and gets no module. js/widget.js imports the one the
// page needs, in parallel with the wasm.
//
//   node scripts/i18n-modules.mjs OUT_DIR
//
// Refuses (exit 1) a file whose names differ from en.json's or whose text is
// blank, as web/build.rs does; removes OUT/widget-locale-*.js of languages
// that are gone.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/i18n-modules.mjs OUT_DIR");
  process.exit(2);
}
const dir = fileURLToPath(new URL("../web/i18n/", import.meta.url));
const read = (tag) => JSON.parse(readFileSync(join(dir, `${tag}.json`), "utf8"));
const names = Object.keys(read("en")).join();

for (const f of readdirSync(out)) {
  if (/^widget-locale-.*\.js(\.br|\.gz)?$/.test(f)) rmSync(join(out, f));
}
for (const file of readdirSync(dir).sort()) {
  const tag = file.endsWith(".json") ? file.slice(0, -5) : null;
  if (!tag || tag === "en") continue;
  const messages = read(tag);
  const texts = Object.values(messages);
  if (Object.keys(messages).join() !== names) {
    console.error(`web/i18n/${file}: the message names differ from en.json's (names or order)`);
    process.exit(1);
  }
  if (texts.some((text) => typeof text !== "string" || !text.trim() || text.includes("\0"))) {
    console.error(`web/i18n/${file}: a text is empty, not a string, or holds a NUL`);
    process.exit(1);
  }
  const text = texts.map((t) => `${t}\0`).join("");
  writeFileSync(
    join(out, `widget-locale-${tag}.js`),
    `// The widget's texts in "${tag}" (web/i18n/${file}), for registerCatalogue().\nexport default ${JSON.stringify(text)};\n`,
  );
}
