//! The languages the widget speaks and the locale of Meta's JavaScript SDK:
//! the one place that matches a BCP 47 tag (`pt-BR`, `es-MX`, `ar`) to a
//! message catalogue ([`Language`]) and to Meta's `ll_CC` locale of
//! `https://connect.facebook.net/<ll_CC>/sdk.js`.
//!
//! Matching is RFC 4647 "Lookup" over [`LOCALES`]: the tag is compared with
//! each row (ASCII case-insensitively, `_` read as `-`), then shortened by its
//! last subtag and compared again, until a row matches or nothing is left. So
//! `es-ES-valencia` → `es-ES` (Spain, `es_ES`), `es-MX` → `es` (`es_LA`),
//! `pt-PT` → `pt` (the Brazilian Portuguese catalogue, `pt_BR`), `ja` → no
//! match. Several tags (the page's preferences) are tried in order; when none
//! matches, English.
//!
//! Meta's locale codes are `ll_CC` with two umbrella exceptions, `ar_AR` and
//! `es_LA` (<https://developers.facebook.com/docs/javascript/internationalization>);
//! the SDK's language is chosen by the script URL, `en_US` in the basic setup
//! (<https://developers.facebook.com/docs/javascript/advanced-setup>). Meta's
//! own dialogs (the signup popup) follow the language the person chose on
//! Facebook, whatever the SDK's locale; the SDK locale covers what the SDK
//! itself renders.

use crate::json::Value;

/// Where Meta serves its JavaScript SDK; the locale and `/sdk.js` follow.
pub const SDK_URL_PREFIX: &str = "https://connect.facebook.net/";

/// The longest `locale` option accepted.
pub const MAX_TAG_LEN: usize = 64;

/// A language the widget has a message catalogue for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (`en`), the fallback.
    #[default]
    En,
    /// Spanish (`es`).
    Es,
    /// Brazilian Portuguese (`pt-BR`); also serves `pt-PT`.
    PtBr,
    /// Indonesian (`id`).
    Id,
    /// Hindi (`hi`).
    Hi,
    /// Arabic (`ar`), written right to left.
    Ar,
    /// German (`de`).
    De,
    /// French (`fr`).
    Fr,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 8] = [
        Language::En,
        Language::Es,
        Language::PtBr,
        Language::Id,
        Language::Hi,
        Language::Ar,
        Language::De,
        Language::Fr,
    ];

    /// The catalogue's BCP 47 tag, for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::PtBr => "pt-BR",
            Language::Id => "id",
            Language::Hi => "hi",
            Language::Ar => "ar",
            Language::De => "de",
            Language::Fr => "fr",
        }
    }

    /// The `dir` attribute: `"rtl"` for Arabic, `"ltr"` otherwise.
    pub fn dir(self) -> &'static str {
        if self == Language::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }
}

/// A resolved locale: the widget's language and Meta's SDK locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The message catalogue.
    pub language: Language,
    /// Meta's locale code (`en_US`, `es_LA`, `ar_AR`…).
    pub facebook: &'static str,
}

/// The matching table, for [`Locale::lookup`] (and for a JavaScript mirror):
/// a BCP 47 tag (language, or language-region), its catalogue, Meta's locale.
pub const LOCALES: [(&str, Language, &str); 9] = [
    ("en", Language::En, "en_US"),
    ("es-ES", Language::Es, "es_ES"),
    ("es", Language::Es, "es_LA"),
    ("pt", Language::PtBr, "pt_BR"),
    ("id", Language::Id, "id_ID"),
    ("hi", Language::Hi, "hi_IN"),
    ("ar", Language::Ar, "ar_AR"),
    ("de", Language::De, "de_DE"),
    ("fr", Language::Fr, "fr_FR"),
];

/// A `locale` option that is not a BCP 47 language tag (code `INVALID_CONFIG`
/// where the configuration reports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("locale must be a BCP 47 language tag such as \"pt-BR\" or \"ar\"")]
pub struct InvalidLocale;

impl Locale {
    /// English, Meta's `en_US` (the SDK's default URL).
    pub const ENGLISH: Locale = Locale {
        language: Language::En,
        facebook: "en_US",
    };

    /// The row of [`LOCALES`] that `tag` reaches by RFC 4647 Lookup, if any.
    pub fn lookup(tag: &str) -> Option<Locale> {
        let mut prefix = tag.trim();
        loop {
            let row = LOCALES.iter().find(|(t, _, _)| same_tag(t, prefix));
            if let Some(&(_, language, facebook)) = row {
                return Some(Locale { language, facebook });
            }
            let end = prefix.rfind(['-', '_'])?;
            prefix = prefix.get(..end)?;
        }
    }

    /// The first of `preferences` (most preferred first) with a catalogue,
    /// else English.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Locale {
        preferences
            .into_iter()
            .find_map(Locale::lookup)
            .unwrap_or(Locale::ENGLISH)
    }

    /// Meta's SDK in this locale: `https://connect.facebook.net/<ll_CC>/sdk.js`.
    pub fn sdk_url(self) -> String {
        [SDK_URL_PREFIX, self.facebook, "/sdk.js"].concat()
    }
}

/// Reads a `locale` option: `Ok(None)` when absent or `null`; for a language
/// tag, its locale ([`Locale::lookup`], English when no catalogue matches);
/// [`InvalidLocale`] for anything else (not a string, not a tag).
pub fn locale_option(value: Option<&Value>) -> Result<Option<Locale>, InvalidLocale> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(tag)) if is_language_tag(tag) => {
            Ok(Some(Locale::lookup(tag).unwrap_or(Locale::ENGLISH)))
        }
        Some(_) => Err(InvalidLocale),
    }
}

/// Meta's SDK URL for `locale` (a BCP 47 tag), `en_US` when it is absent or
/// has no catalogue: what a page (or a preloader) injects before the flow runs.
pub fn facebook_sdk_url(locale: Option<&str>) -> String {
    locale
        .and_then(Locale::lookup)
        .unwrap_or(Locale::ENGLISH)
        .sdk_url()
}

/// True for a well-formed language tag, leniently: at most [`MAX_TAG_LEN`]
/// characters, subtags of 1 to 8 ASCII letters or digits separated by `-`
/// (or `_`), the first of 2 to 8 letters (`en`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next().unwrap_or("");
    tag.len() <= MAX_TAG_LEN
        && (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `row` (a table tag) and `tag` are the same, ignoring ASCII case, `_` as `-`.
fn same_tag(row: &str, tag: &str) -> bool {
    row.len() == tag.len()
        && row
            .bytes()
            .zip(tag.bytes())
            .all(|(r, t)| r.eq_ignore_ascii_case(&t) || (r == b'-' && t == b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_exact_then_shorter_prefixes() {
        // (tag, language, Meta's locale)
        let cases = [
            ("en", Language::En, "en_US"),
            ("en-GB", Language::En, "en_US"),
            ("es", Language::Es, "es_LA"),
            ("es-MX", Language::Es, "es_LA"),
            ("es-419", Language::Es, "es_LA"),
            ("es-ES", Language::Es, "es_ES"),
            ("es-es", Language::Es, "es_ES"),
            ("es_ES", Language::Es, "es_ES"),
            ("es-ES-valencia", Language::Es, "es_ES"),
            ("pt-BR", Language::PtBr, "pt_BR"),
            ("pt", Language::PtBr, "pt_BR"),
            ("pt-PT", Language::PtBr, "pt_BR"),
            ("id-ID", Language::Id, "id_ID"),
            ("hi", Language::Hi, "hi_IN"),
            ("hi-Latn-IN", Language::Hi, "hi_IN"),
            ("ar", Language::Ar, "ar_AR"),
            ("ar-EG", Language::Ar, "ar_AR"),
            ("AR-sa", Language::Ar, "ar_AR"),
            ("de-AT", Language::De, "de_DE"),
            ("de_DE", Language::De, "de_DE"),
            ("fr-CA", Language::Fr, "fr_FR"),
            (" fr ", Language::Fr, "fr_FR"),
        ];
        for (tag, language, facebook) in cases {
            assert_eq!(
                Locale::lookup(tag),
                Some(Locale { language, facebook }),
                "{tag}"
            );
        }
    }

    #[test]
    fn lookup_without_a_catalogue_is_none() {
        for tag in [
            "",
            "ja",
            "zh-Hant-TW",
            "e",
            "esp",
            "-es",
            "ptBR",
            "in",
            "x-es",
            "é",
        ] {
            assert_eq!(Locale::lookup(tag), None, "{tag:?}");
        }
    }

    #[test]
    fn negotiate_takes_the_first_preference_with_a_catalogue() {
        let cases: [(&[&str], Locale); 5] = [
            (&[], Locale::ENGLISH),
            (&["ja", "ko"], Locale::ENGLISH),
            (
                &["ja", "de-CH", "fr"],
                Locale::lookup("de").unwrap_or(Locale::ENGLISH),
            ),
            (
                &["", "es-ES", "en"],
                Locale::lookup("es-ES").unwrap_or(Locale::ENGLISH),
            ),
            (&["en-US", "ar"], Locale::ENGLISH),
        ];
        for (preferences, locale) in cases {
            assert_eq!(
                Locale::negotiate(preferences.iter().copied()),
                locale,
                "{preferences:?}"
            );
        }
    }

    #[test]
    fn sdk_urls_carry_metas_locale() {
        let cases = [
            (None, "https://connect.facebook.net/en_US/sdk.js"),
            (Some("en"), "https://connect.facebook.net/en_US/sdk.js"),
            (Some("ja"), "https://connect.facebook.net/en_US/sdk.js"),
            (Some("es-MX"), "https://connect.facebook.net/es_LA/sdk.js"),
            (Some("es-ES"), "https://connect.facebook.net/es_ES/sdk.js"),
            (Some("pt-BR"), "https://connect.facebook.net/pt_BR/sdk.js"),
            (Some("id"), "https://connect.facebook.net/id_ID/sdk.js"),
            (Some("hi-IN"), "https://connect.facebook.net/hi_IN/sdk.js"),
            (Some("ar"), "https://connect.facebook.net/ar_AR/sdk.js"),
            (Some("de"), "https://connect.facebook.net/de_DE/sdk.js"),
            (Some("fr-FR"), "https://connect.facebook.net/fr_FR/sdk.js"),
        ];
        for (locale, url) in cases {
            assert_eq!(facebook_sdk_url(locale), url, "{locale:?}");
        }
        // The English URL is config::DEFAULT_SDK_URL (not imported here:
        // config reads the `locale` option through this module).
        assert_eq!(
            Locale::ENGLISH.sdk_url(),
            "https://connect.facebook.net/en_US/sdk.js"
        );
    }

    #[test]
    fn every_language_has_one_row_tag_and_direction() {
        for language in Language::ALL {
            let rows = LOCALES
                .iter()
                .filter(|(t, l, _)| *l == language && !t.contains('-'));
            assert_eq!(rows.count(), 1, "{language:?}");
            assert_eq!(
                Locale::lookup(language.tag()).map(|l| l.language),
                Some(language)
            );
            let rtl = language == Language::Ar;
            assert_eq!(language.dir(), if rtl { "rtl" } else { "ltr" });
        }
        for (tag, language, facebook) in LOCALES {
            assert!(
                Language::ALL.contains(&language),
                "{language:?} missing from ALL"
            );
            assert!(is_language_tag(tag), "{tag}");
            let (ll, cc) = facebook.split_once('_').unwrap_or_default();
            assert!(ll.len() == 2 && cc.len() == 2, "{facebook}");
            assert!(ll.bytes().all(|b| b.is_ascii_lowercase()), "{facebook}");
            assert!(cc.bytes().all(|b| b.is_ascii_uppercase()), "{facebook}");
        }
    }

    #[test]
    fn the_option_is_a_language_tag_or_nothing() {
        let s = |t: &str| Value::String(t.into());
        let ok = [
            (None, None),
            (Some(Value::Null), None),
            (Some(s("ar")), Some(Language::Ar)),
            (Some(s("pt-PT")), Some(Language::PtBr)),
            (Some(s("ja")), Some(Language::En)),
            (Some(s("zh-Hant-TW")), Some(Language::En)),
        ];
        for (value, language) in ok {
            let read = locale_option(value.as_ref()).map(|l| l.map(|l| l.language));
            assert_eq!(read, Ok(language), "{value:?}");
        }
        let long = format!("en-{}", "a1234567-".repeat(8));
        let bad = [
            Value::Bool(true),
            Value::Array(Vec::new()),
            s(""),
            s("e"),
            s("-de"),
            s("de-"),
            s("de--AT"),
            s("de AT"),
            s("1de"),
            s("de-ABCDEFGHI"),
            s("dé"),
            s(&long),
        ];
        for value in bad {
            assert_eq!(locale_option(Some(&value)), Err(InvalidLocale), "{value:?}");
        }
        assert!(InvalidLocale.to_string().starts_with("locale "));
    }

    #[test]
    fn the_flow_configuration_loads_the_sdk_in_its_locale_unless_sdk_url_is_given() {
        use crate::error::ErrorCode;
        use crate::flow::config::{SignupConfig, DEFAULT_SDK_URL};

        let read = |extra: &str| {
            let text = format!(
                r#"{{"appId":"1","configId":"2","callbackUrl":"https://example.com/cb"{extra}}}"#
            );
            let raw = crate::json::parse(&text).map_err(|_| "json".to_owned())?;
            SignupConfig::from_json(&raw).map_err(|e| format!("{}: {e}", e.code()))
        };
        let sandbox = "http://127.0.0.1:8787/sdk.js";
        let cases = [
            ("", Ok(DEFAULT_SDK_URL.to_owned())),
            (r#","locale":null"#, Ok(DEFAULT_SDK_URL.to_owned())),
            (
                r#","locale":"ar""#,
                Ok("https://connect.facebook.net/ar_AR/sdk.js".into()),
            ),
            (
                r#","locale":"es-ES""#,
                Ok("https://connect.facebook.net/es_ES/sdk.js".into()),
            ),
            (r#","locale":"ja""#, Ok(DEFAULT_SDK_URL.to_owned())),
            (
                r#","locale":"de","sdkUrl":"http://127.0.0.1:8787/sdk.js""#,
                Ok(sandbox.to_owned()),
            ),
            (
                r#","sdkUrl":"http://127.0.0.1:8787/sdk.js","locale":"de""#,
                Ok(sandbox.to_owned()),
            ),
        ];
        for (extra, url) in cases {
            assert_eq!(read(extra).map(|c| c.sdk_url), url, "{extra}");
        }
        for extra in [r#","locale":3"#, r#","locale":"""#, r#","locale":["de"]"#] {
            let err = read(extra).err().unwrap_or_default();
            assert!(err.starts_with("INVALID_CONFIG: "), "{extra}: {err}");
            assert!(err.contains("locale"), "{extra}: {err}");
        }
    }
}
