//! The catalogues loaded at run time: [`register`] checks a language's texts
//! against English's and keeps them; [`messages`] and [`loaded`] read them.

use std::cell::Cell;
use std::fmt;

use wa_signup::flow::locale::{Language, Locale};

use super::{Messages, ENGLISH, KEYS};

thread_local! {
    /// The texts registered per language, in `Language::ALL`'s order (the
    /// wasm has one thread; each native test thread registers its own).
    static LOADED: [Cell<Option<&'static str>>; Language::ALL.len()] =
        const { [const { Cell::new(None) }; Language::ALL.len()] };
}

/// Why [`register`] refused a catalogue (the JS export's code:
/// `INVALID_CATALOGUE`, for every variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueError {
    /// The locale matches no language, or matches English (compiled in).
    Locale,
    /// Not one NUL-terminated text per message: `found` instead of `expected`.
    Count {
        /// How many messages the widget has.
        expected: usize,
        /// How many texts the catalogue has.
        found: usize,
    },
    /// The text of message `index` is blank.
    Empty {
        /// The message's position in the catalogue.
        index: usize,
    },
    /// Message `index` has other `{n}` placeholders than English's.
    Placeholders {
        /// The message's position in the catalogue.
        index: usize,
    },
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let english = |index: usize| ENGLISH.0.split('\0').nth(index).unwrap_or("");
        match *self {
            CatalogueError::Locale => f.write_str(
                "invalid catalogue: the locale must name one of the widget's languages other \
                 than English (English is built in)",
            ),
            CatalogueError::Count { expected, found } => write!(
                f,
                "invalid catalogue: {found} texts, expected {expected} (each followed by a NUL)"
            ),
            CatalogueError::Empty { index } => write!(
                f,
                "invalid catalogue: message {index} (English {:?}) is empty",
                english(index)
            ),
            CatalogueError::Placeholders { index } => write!(
                f,
                "invalid catalogue: message {index} needs the placeholders of English {:?}",
                english(index)
            ),
        }
    }
}

impl std::error::Error for CatalogueError {}

/// The `{n}` placeholders of `text`, one bit per digit.
fn placeholder_set(text: &str) -> u16 {
    text.as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .fold(0, |set, w| set | 1 << (w[1] - b'0'))
}

/// The position of `language` in `Language::ALL`.
fn slot(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0)
}

/// Registers the texts of the language `locale` names (a BCP 47 tag, matched
/// as the `locale` option is: `"ar"`, `"pt-BR"`, `"es-MX"`…): `text` holds one
/// text per message, in the catalogue's order, each followed by a NUL (the
/// default export of `widget-locale-<tag>.js`). Refused, and nothing kept,
/// when the locale is English's or none of the widget's, when the count
/// differs, a text is blank, or a text's `{n}` placeholders differ from
/// English's. A language registered before keeps its first texts (widgets
/// already mounted read them); registering it again only checks `text`.
pub fn register(locale: &str, text: &str) -> Result<Language, CatalogueError> {
    let language = Locale::lookup(locale)
        .map(|l| l.language)
        .filter(|l| *l != Language::En)
        .ok_or(CatalogueError::Locale)?;
    let found = text.bytes().filter(|b| *b == 0).count();
    if found != KEYS.len() || !text.ends_with('\0') {
        return Err(CatalogueError::Count {
            expected: KEYS.len(),
            found,
        });
    }
    let pairs = text.split('\0').zip(ENGLISH.0.split('\0'));
    for (index, (ours, english)) in pairs.take(KEYS.len()).enumerate() {
        if ours.trim().is_empty() {
            return Err(CatalogueError::Empty { index });
        }
        if placeholder_set(ours) != placeholder_set(english) {
            return Err(CatalogueError::Placeholders { index });
        }
    }
    LOADED.with(|loaded| {
        let cell = &loaded[slot(language)];
        if cell.get().is_none() {
            cell.set(Some(Box::leak(text.into())));
        }
    });
    Ok(language)
}

/// The catalogue of `language`: English's texts until that language is
/// [`register`]ed.
pub fn messages(language: Language) -> Messages {
    LOADED
        .with(|loaded| loaded[slot(language)].get())
        .map_or(ENGLISH, Messages)
}

/// `locale` when its language's texts are here (English always is), else
/// English: the language a widget asked for `locale` shows, with its
/// `lang`/`dir`.
pub fn loaded(locale: Locale) -> Locale {
    let here = locale.language == Language::En
        || LOADED.with(|loaded| loaded[slot(locale.language)].get().is_some());
    if here {
        locale
    } else {
        Locale::ENGLISH
    }
}
