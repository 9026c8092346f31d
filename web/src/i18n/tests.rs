//! Every state the widget can show, in every language: no missing or empty
//! text, no placeholder left, no English left in another language, brands
//! and codes kept. The non-English catalogues are registered first, as a page
//! does ([`register`], the texts of `web/i18n/*.json`); the registration's
//! checks and its English fallback are in `tests/registration.rs`.

use wa_signup::flow::locale::Language;
use wa_signup::flow::{
    CallbackResponse, CancelSource, FailureKind, FlowState, NoticeKind, Outcome, ReadyNotice,
};

use super::{fill, messages, register, same_keys, Key, Messages, FILES, KEYS};
use crate::phone_model::phone_field_view;
use crate::status::tests::failed;
use crate::status::{status_view, StatusContext};
use wa_signup::events::CANCEL_STEPS;

mod registration;

/// Fields whose text may be the same as English's (punctuation only).
const SAME_AS_ENGLISH: [&str; 1] = ["ListComma"];

/// Names and codes that stay as they are in every language.
const KEPT: [&str; 5] = [
    "WhatsApp",
    "Meta",
    "Facebook",
    "Cross-Origin-Opener-Policy",
    "same-origin-allow-popups",
];

/// English words none of the other catalogues uses.
const ENGLISH_WORDS: [&str; 14] = [
    "the", "your", "you", "please", "again", "window", "phone", "number", "try", "could", "and",
    "with", "this", "signup",
];

/// Registers every catalogue of `web/i18n/` but English's, as a page does.
fn load_all() {
    for (tag, text) in FILES {
        if *tag != "en" {
            register(tag, text).unwrap_or_else(|e| panic!("{tag}: {e}"));
        }
    }
}

/// The `{n}` placeholders of `template`, in order of appearance.
fn placeholders(template: &str) -> Vec<u8> {
    template
        .as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .map(|w| w[1])
        .collect()
}

/// True when `text` is `template` with its placeholders filled: the literal
/// parts, in order, the first at the start and the last at the end.
fn is_filled(template: &str, text: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        match (rest.get(..at), rest.get(at..at + 3)) {
            (Some(part), Some(p)) if placeholders(p).len() == 1 => {
                parts.push(part);
                rest = rest.get(at + 3..).unwrap_or("");
            }
            _ => break,
        }
    }
    parts.push(rest);
    let (first, middle, last) = match parts.as_slice() {
        [only] => return text == *only,
        [first, middle @ .., last] => (*first, middle, *last),
        [] => return false,
    };
    let Some(mut body) = text
        .strip_prefix(first)
        .and_then(|body| body.strip_suffix(last))
    else {
        return false;
    };
    for part in middle {
        match body.find(part) {
            Some(at) => body = &body[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn connected(json: serde_json::Value) -> FlowState {
    FlowState::Ended(Outcome::Connected {
        profile: CallbackResponse::Json(serde_json::from_value(json).expect("converts")),
        session: None,
    })
}

/// Every state the status region can show (data kept free of English words).
fn states() -> Vec<FlowState> {
    let mut states = vec![
        FlowState::SdkLoading,
        FlowState::READY,
        FlowState::WaitingForMeta,
        FlowState::Sending,
        connected(serde_json::json!({"businessName": "Acme"})),
        connected(serde_json::json!({"phoneNumbers": [{"displayPhoneNumber": "+1555"}]})),
        connected(serde_json::json!({"phoneNumbers": [
            {"displayPhoneNumber": "+1555"}, {"displayPhoneNumber": "+4477"}
        ]})),
        FlowState::Ended(Outcome::Cancelled {
            current_step: None,
            source: CancelSource::Page,
        }),
        FlowState::Ended(Outcome::Cancelled {
            current_step: None,
            source: CancelSource::Meta,
        }),
    ];
    for kind in [NoticeKind::PopupIsolated, NoticeKind::InAppBrowser] {
        states.push(FlowState::Ready {
            notice: Some(ReadyNotice::new(kind)),
        });
    }
    for step in CANCEL_STEPS {
        states.push(FlowState::Ended(Outcome::Cancelled {
            current_step: Some(step.into()),
            source: CancelSource::Meta,
        }));
    }
    for kind in FailureKind::ALL {
        states.push(failed(kind, None, None));
    }
    states.push(failed(FailureKind::CallbackHttpError, Some(502), None));
    states.push(failed(FailureKind::MetaError, None, Some("x42")));
    states
}

/// Inputs that reach every hint of the phone field.
fn phone_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "",
        "+44 7911 123456",
        "()",
        "+1 212 555 12a4",
        "+44 7911 123456 ext. 12",
        "212 555 1234",
        "+999 1234",
        "+4",
        "+1 212 555",
        "+44 7911 1234",
        "+1 212 555 12345",
        "+49 1234 5678 9012 34",
    ]
    .map(String::from)
    .into();
    inputs.push(format!("+44 {}", "1".repeat(10_000)));
    inputs
}

/// Everything the widget renders in language `language`, in a fixed order:
/// the status (title, detail, error line) in each context, the buttons, the
/// phone field's label and hints.
fn rendered(language: Language) -> Vec<String> {
    let m = messages(language);
    let mut out = vec![
        m.text(Key::Connect).to_owned(),
        m.text(Key::TryAgain).to_owned(),
        m.text(Key::Redirect).to_owned(),
        m.text(Key::Cancel).to_owned(),
        m.text(Key::PhoneLabel).to_owned(),
    ];
    for redirect_mode in [false, true] {
        let context = StatusContext {
            redirect_mode,
            redirect_available: true,
            messages: m,
        };
        for state in states() {
            let view = status_view(&state, context);
            out.push(view.title.clone());
            out.extend(view.detail.clone());
            out.extend(view.error_code_line(m));
            out.extend(view.primary_label(m).map(String::from));
        }
    }
    for input in phone_inputs() {
        out.push(phone_field_view(&input, m).message);
    }
    out
}

#[test]
fn every_catalogue_has_every_message_with_the_same_placeholders() {
    load_all();
    let english = messages(Language::En).entries();
    assert!(english.len() > 60, "{}", english.len());
    for language in Language::ALL {
        let entries = messages(language).entries();
        assert_eq!(entries.len(), english.len(), "{language:?}");
        for ((name, text), (en_name, en_text)) in entries.iter().zip(&english) {
            assert_eq!(name, en_name);
            assert!(!text.trim().is_empty(), "{language:?}.{name} is empty");
            let mut ours = placeholders(text);
            let mut theirs = placeholders(en_text);
            ours.sort_unstable();
            theirs.sort_unstable();
            assert_eq!(ours, theirs, "{language:?}.{name}: {text}");
            for kept in KEPT {
                if en_text.contains(kept) {
                    assert!(
                        text.contains(kept),
                        "{language:?}.{name} lost {kept}: {text}"
                    );
                }
            }
        }
    }
}

#[test]
fn no_catalogue_keeps_an_english_text() {
    load_all();
    let english = messages(Language::En).entries();
    for language in Language::ALL.into_iter().filter(|l| *l != Language::En) {
        for ((name, text), (_, en_text)) in messages(language).entries().iter().zip(&english) {
            if !SAME_AS_ENGLISH.contains(name) {
                assert_ne!(text, en_text, "{language:?}.{name} is still English");
            }
        }
    }
}

#[test]
fn every_state_reads_in_every_language() {
    load_all();
    let english = rendered(Language::En);
    // The walk reaches every message: each one is some text, filled.
    for (name, template) in messages(Language::En).entries() {
        // Lists and step names are parts of other texts.
        let part = name.starts_with("List") || name.starts_with("Step");
        assert!(
            english
                .iter()
                .any(|text| is_filled(template, text) || part && text.contains(template)),
            "the walk never shows {name}"
        );
    }
    assert!(english
        .iter()
        .any(|t| t.contains("+44 numbers have 7, 9 or 10 digits")));
    for language in Language::ALL {
        let texts = rendered(language);
        assert_eq!(texts.len(), english.len(), "{language:?}");
        for (text, en_text) in texts.iter().zip(&english) {
            assert!(
                !text.trim().is_empty(),
                "{language:?}: empty text for {en_text:?}"
            );
            assert!(
                placeholders(text).is_empty(),
                "{language:?}: unfilled {text}"
            );
            if language == Language::En {
                continue;
            }
            assert_ne!(text, en_text, "{language:?} shows English");
            let words = text
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_ascii_lowercase);
            for word in words {
                assert!(
                    !ENGLISH_WORDS.contains(&word.as_str()),
                    "{language:?}: English {word:?} in {text}"
                );
            }
        }
    }
}

#[test]
fn the_compile_time_check_compares_names_in_order() {
    load_all();
    assert!(same_keys(KEYS));
    let mut swapped = KEYS.to_vec();
    swapped.swap(0, 1);
    assert!(!same_keys(&swapped));
    assert!(!same_keys(&KEYS[1..]));
    let mut renamed = KEYS.to_vec();
    renamed[3] = "Cancelled";
    assert!(!same_keys(&renamed));
    assert_eq!(super::ends_count("a\0b\0"), 2);
    assert_eq!(Key::Connect as usize, 0);
    assert_eq!(messages(Language::Fr).text(Key::ListOr), " ou ");
}

#[test]
fn placeholders_are_filled_with_the_data_as_is() {
    let cases: [(&str, &[&str], &str); 7] = [
        ("Connected: {0}", &["Acme"], "Connected: Acme"),
        ("{1} before {0}", &["a", "b"], "b before a"),
        // A value that looks like a placeholder is never read again.
        ("{0} and {1}", &["{1}", "x"], "{1} and x"),
        ("{0}{0}", &["ab"], "abab"),
        ("missing {2}.", &["a"], "missing ."),
        ("braces { } {x} {", &["a"], "braces { } {x} {"),
        ("«\u{a0}{0}\u{a0}»", &["é"], "«\u{a0}é\u{a0}»"),
    ];
    for (template, args, filled) in cases {
        assert_eq!(fill(template, args), filled, "{template}");
    }
}

#[test]
fn arabic_keeps_a_phone_numbers_plus_on_its_left() {
    load_all();
    // A LEFT-TO-RIGHT MARK before each `+` that starts a number in the
    // Arabic texts, so the bidi algorithm does not move the sign.
    let m: Messages = messages(Language::Ar);
    for (name, text) in m.entries() {
        for (at, _) in text.match_indices('+') {
            let before = text.get(..at).and_then(|b| b.chars().next_back());
            let after = text.get(at + 1..).and_then(|a| a.chars().next());
            let starts_number = after.is_some_and(|c| c.is_ascii_digit() || c == '{');
            if starts_number {
                assert_eq!(before, Some('\u{200E}'), "ar.{name}: {text}");
            }
        }
    }
    let valid = phone_field_view("+44 7911 123456", m).message;
    assert!(valid.ends_with("\u{200E}+447911123456"), "{valid}");
}
