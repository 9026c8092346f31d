//! Reads the message catalogues (`i18n/<tag>.json`, the one source of every
//! text the widget shows) and writes `$OUT_DIR/catalogues.rs` for
//! `src/i18n/mod.rs`: English's names and texts (compiled into the widget)
//! and, for the native tests only, every catalogue's texts.
//!
//! Each file is a JSON object of strings whose names are English's, in the
//! same order; a file that differs, or a text that is empty or holds a NUL,
//! fails the build. The other catalogues reach the browser as small ES
//! modules (`scripts/i18n-modules.mjs`), registered at run time.

use std::fmt;
use std::fs;
use std::path::Path;

use serde::de::{Deserializer, MapAccess, Visitor};

/// A catalogue's messages, in the file's order.
struct Ordered(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of message names to texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, String>()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// The messages of `i18n/<tag>.json`.
fn read(dir: &Path, tag: &str) -> Result<Vec<(String, String)>, String> {
    let path = dir.join(format!("{tag}.json"));
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let Ordered(entries) =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for (name, text) in &entries {
        if text.trim().is_empty() || text.contains('\0') {
            return Err(format!(
                "{}: {name} is empty or holds a NUL",
                path.display()
            ));
        }
    }
    Ok(entries)
}

/// The texts of `entries`, each followed by a NUL (the runtime format).
fn joined(entries: &[(String, String)]) -> String {
    entries
        .iter()
        .map(|(_, text)| format!("{text}\0"))
        .collect()
}

fn main() -> Result<(), String> {
    let dir = Path::new("i18n");
    println!("cargo::rerun-if-changed=i18n");
    let english = read(dir, "en")?;
    let names: Vec<&str> = english.iter().map(|(name, _)| name.as_str()).collect();
    let mut tags = Vec::new();
    for file in fs::read_dir(dir).map_err(|e| format!("i18n/: {e}"))? {
        let file = file.map_err(|e| format!("i18n/: {e}"))?.file_name();
        let file = file.to_string_lossy();
        if let Some(tag) = file.strip_suffix(".json") {
            tags.push(tag.to_owned());
        }
    }
    tags.sort();
    let mut all = String::new();
    for tag in &tags {
        let entries = read(dir, tag)?;
        let theirs: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
        if theirs != names {
            return Err(format!(
                "i18n/{tag}.json: the message names differ from en.json's (names or order)"
            ));
        }
        all.push_str(&format!("    ({tag:?}, {:?}),\n", joined(&entries)));
    }
    let out = format!(
        "/// English's message names, in order (`i18n/en.json`).\n\
         const EN_NAMES: &[&str] = &{names:?};\n\
         /// English's texts, each followed by a NUL.\n\
         const EN_TEXT: &str = {:?};\n\
         /// Every catalogue of `i18n/`: its tag and its texts (tests only).\n\
         #[cfg(test)]\n\
         const FILES: &[(&str, &str)] = &[\n{all}];\n",
        joined(&english)
    );
    let out_dir = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    fs::write(Path::new(&out_dir).join("catalogues.rs"), out).map_err(|e| e.to_string())
}
