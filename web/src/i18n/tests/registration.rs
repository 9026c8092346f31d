//! Registering a catalogue: the files are the languages, English is compiled in,
//! the widget entry imports every other catalogue, a language stays English until
//! registered, and a wrong catalogue is refused with English kept.

use wa_signup::flow::locale::{Language, Locale};

use crate::i18n::{loaded, messages, register, CatalogueError, Key, ENGLISH, FILES, KEYS};

#[test]
fn the_files_are_the_languages_and_english_is_compiled_in() {
    let mut files: Vec<&str> = FILES.iter().map(|(tag, _)| *tag).collect();
    let mut tags: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
    files.sort_unstable();
    tags.sort_unstable();
    assert_eq!(files, tags, "one web/i18n/<tag>.json per Language");
    let en = FILES
        .iter()
        .find(|(tag, _)| *tag == "en")
        .map(|(_, text)| *text);
    assert_eq!(en, Some(ENGLISH.0));
    assert_eq!(ENGLISH.text(Key::Connect), "Connect WhatsApp");
}

#[test]
fn the_widget_entry_imports_every_other_catalogue_by_a_static_specifier() {
    // js/widget.js loads a catalogue with `import("./widget-locale-<tag>.js")`
    // (a literal, so bundlers find every module) under `case "<tag>"`.
    let widget = include_str!("../../../../js/widget.js");
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        let tag = language.tag();
        let case = format!("case \"{tag}\":\n      return import(\"./widget-locale-{tag}.js\");");
        assert!(widget.contains(&case), "js/widget.js lacks {case}");
    }
    assert!(!widget.contains("widget-locale-en.js"));
}

#[test]
fn until_registered_a_language_is_english_with_englishs_lang() {
    let arabic = Locale::lookup("ar").expect("a locale");
    assert_eq!(messages(Language::Ar), ENGLISH);
    assert_eq!(loaded(arabic), Locale::ENGLISH);
    assert_eq!(loaded(Locale::ENGLISH), Locale::ENGLISH);
    let text = FILES
        .iter()
        .find(|(tag, _)| *tag == "ar")
        .map_or("", |(_, t)| *t);
    assert_eq!(register("ar-EG", text), Ok(Language::Ar));
    assert_eq!(loaded(arabic), arabic);
    assert_eq!(messages(Language::Ar).text(Key::Connect), "ربط WhatsApp");
    // Other languages stay English.
    assert_eq!(messages(Language::De), ENGLISH);
    // A second registration keeps the first texts.
    let german = FILES
        .iter()
        .find(|(tag, _)| *tag == "de")
        .map_or("", |(_, t)| *t);
    let changed = german.replacen("WhatsApp verbinden", "Verbinden", 1);
    assert_eq!(register("de", german), Ok(Language::De));
    assert_eq!(register("de", &changed), Ok(Language::De));
    assert_eq!(
        messages(Language::De).text(Key::Connect),
        "WhatsApp verbinden"
    );
}

#[test]
fn a_wrong_catalogue_is_refused_and_english_stays() {
    let german = FILES
        .iter()
        .find(|(tag, _)| *tag == "de")
        .map_or("", |(_, t)| *t);
    let n = KEYS.len();
    let connected = Key::ConnectedNamed as usize;
    let without_placeholder = german.replacen("{0}", "", 1);
    let swapped = german.replacen("{0}", "{1}", 1);
    let blank = german.replacen("WhatsApp verbinden", " ", 1);
    let cases: [(&str, &str, CatalogueError); 10] = [
        ("en", german, CatalogueError::Locale),
        ("ja", german, CatalogueError::Locale),
        ("", german, CatalogueError::Locale),
        (
            "de",
            "",
            CatalogueError::Count {
                expected: n,
                found: 0,
            },
        ),
        (
            "de",
            &german[..german.len() - 1],
            CatalogueError::Count {
                expected: n,
                found: n - 1,
            },
        ),
        (
            "de",
            &format!("{german}x\0"),
            CatalogueError::Count {
                expected: n,
                found: n + 1,
            },
        ),
        (
            "de",
            &format!("{german}x"),
            CatalogueError::Count {
                expected: n,
                found: n,
            },
        ),
        ("de", &blank, CatalogueError::Empty { index: 0 }),
        (
            "de",
            &without_placeholder,
            CatalogueError::Placeholders { index: connected },
        ),
        (
            "de",
            &swapped,
            CatalogueError::Placeholders { index: connected },
        ),
    ];
    for (locale, text, error) in cases {
        assert_eq!(register(locale, text), Err(error), "{locale}: {error}");
        assert_eq!(messages(Language::De), ENGLISH, "nothing kept");
        assert!(
            error.to_string().starts_with("invalid catalogue: "),
            "{error}"
        );
    }
    let message = CatalogueError::Placeholders { index: connected }.to_string();
    assert!(message.contains("Connected: {0}"), "{message}");
    assert_eq!(register("de-AT", german), Ok(Language::De));
}
