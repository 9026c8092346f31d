//! The widget's words: one [`Messages`] catalogue per language, chosen by
//! the resolved [`Locale`](wa_signup::flow::locale::Locale).
//!
//! The texts live in `web/i18n/<tag>.json` (one JSON object per language,
//! every message by name, in English's order; `build.rs` refuses a file whose
//! names differ). English is compiled into the wasm ([`ENGLISH`], its names
//! checked against [`Key`] at compile time); the other languages are not:
//! they ship beside the wasm as small ES modules (`widget-locale-<tag>.js`,
//! written by `scripts/i18n-modules.mjs`) that the page loads in parallel with
//! the wasm and hands over with [`register`] (the `registerCatalogue` export).
//! Until a language is registered, [`messages`] gives English and [`loaded`]
//! turns its locale into English, so a widget never shows a mix.
//!
//! At run time a language's texts are one string, each message followed by a
//! NUL, read by [`Messages::text`] (`messages.text(Key::Connect)`): no table
//! of pointers per language.
//!
//! Placeholders are `{0}`, `{1}`… (a translation may reorder them), filled by
//! [`fill`], which never reads placeholders inside the values it inserts.
//! Data stays as it is: business names, phone numbers, error codes, Meta's
//! field names.
//!
//! Adding a language: a row in the core's `flow::locale::LOCALES` (its tag and
//! Meta's locale) and a `Language` variant, then `web/i18n/<tag>.json` (a copy
//! of `en.json`, translated) and a `case` in `js/widget.js`'s
//! `importCatalogue`; the tests walk every language and check both.

mod register;
pub use register::{loaded, messages, register, CatalogueError};

// EN_NAMES, EN_TEXT and (tests) FILES, from i18n/*.json (build.rs).
include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

const _: () = assert!(
    same_keys(EN_NAMES) && ends_count(EN_TEXT) == KEYS.len(),
    "i18n/en.json differs from the catalogue's names (names, order, or a NUL in a text)"
);

/// English, compiled in: the fallback of every other language.
pub const ENGLISH: Messages = Messages(EN_TEXT);

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub(crate) use page::page_locale;

#[cfg(test)]
mod tests;

/// Every text the widget shows, in one language: the texts of the
/// [`catalogue!`] in order, each followed by a NUL. Read with [`Messages::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Messages(&'static str);

impl Messages {
    /// The text of `key`. A plain byte scan (smaller than `split().nth()`),
    /// never inlined: one copy, and each use is a small call.
    #[inline(never)]
    pub fn text(self, key: Key) -> &'static str {
        let (mut start, mut skip) = (0, key as usize);
        for (at, byte) in self.0.bytes().enumerate() {
            if byte == 0 {
                if skip == 0 {
                    return self.0.get(start..at).unwrap_or("");
                }
                skip -= 1;
                start = at + 1;
            }
        }
        ""
    }

    /// Each message's name and text.
    #[cfg(test)]
    pub(crate) fn entries(self) -> Vec<(&'static str, &'static str)> {
        KEYS.iter().copied().zip(self.0.split('\0')).collect()
    }
}

/// Declares the messages: [`Key`] (one variant each, in order) and their
/// names ([`KEYS`]), which every language file lists in the same order.
macro_rules! catalogue {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// A message of the catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($(#[doc = $doc])* $name,)*
        }

        /// The names of the messages, in order.
        const KEYS: &[&str] = &[$(stringify!($name)),*];
    };
}

/// True when `names` are [`KEYS`], in order (a `const` check).
const fn same_keys(names: &[&str]) -> bool {
    if names.len() != KEYS.len() {
        return false;
    }
    let mut i = 0;
    while i < names.len() {
        let (a, b) = (names[i].as_bytes(), KEYS[i].as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut j = 0;
        while j < a.len() {
            if a[j] != b[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

/// How many NULs end messages in `text` (a `const` check).
const fn ends_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == 0 {
            count += 1;
        }
        i += 1;
    }
    count
}

catalogue! {
    /// The main button before any run ("Connect WhatsApp").
    Connect,
    /// The main button after a cancelled or failed run.
    TryAgain,
    /// The button that restarts the signup in redirect mode.
    Redirect,
    /// The button that ends a run waiting for Meta.
    Cancel,
    /// Title while the SDK loads.
    SdkLoading,
    /// Title when ready.
    Ready,
    /// Detail when ready, popup mode.
    ReadyPopup,
    /// Detail when ready, redirect mode.
    ReadyRedirect,
    /// Title while Meta's window is open.
    Waiting,
    /// Detail while Meta's window is open.
    WaitingDetail,
    /// Title while the code is sent.
    Sending,
    /// Detail while the code is sent.
    SendingDetail,
    /// Title when connected; `{0}` the business name.
    ConnectedNamed,
    /// Title when connected without a business name.
    Connected,
    /// Detail: no phone number.
    NumbersNone,
    /// Detail: one phone number follows.
    NumbersOne,
    /// Detail: several phone numbers follow.
    NumbersMany,
    /// Title when cancelled.
    Cancelled,
    /// Detail: the page's Cancel button ended the run.
    CancelledByPage,
    /// Detail: Meta's window was left at step `{0}`.
    CancelledAtStep,
    /// Detail: Meta's window was closed.
    CancelledByMeta,
    /// Title when failed.
    Failed,
    /// The error code line; `{0}` the code.
    ErrorCode,
    /// Ready notice: the page's opener policy cuts the popup off.
    NoticePopupIsolated,
    /// Ready notice: an in-app browser.
    NoticeInApp,
    /// Failure `SDK_NOT_READY`.
    SdkNotReady,
    /// Failure `SDK_LOAD_FAILED`.
    SdkLoadFailed,
    /// Failure `ALREADY_RUNNING`.
    AlreadyRunning,
    /// Failure `CALLBACK_HTTP_ERROR`; `{0}` the HTTP status.
    HttpErrorStatus,
    /// Failure `CALLBACK_HTTP_ERROR` without a status.
    HttpError,
    /// Failure `NETWORK_ERROR`.
    NetworkError,
    /// Failure `TIMEOUT`.
    Timeout,
    /// Failure `NO_AUTH_RESPONSE`.
    NoAuthResponse,
    /// Failure `STATE_MISMATCH`.
    StateMismatch,
    /// Failure `MISSING_CODE`.
    MissingCode,
    /// Failure `CODE_EXPIRED`.
    CodeExpired,
    /// Failure `META_ERROR`; `{0}` Meta's own message.
    MetaErrorMessage,
    /// Failure `META_ERROR` without a message.
    MetaError,
    /// Failure `ABORTED`.
    Aborted,
    /// Failure `INVALID_CONFIG`.
    InvalidConfig,
    /// Failure `POPUP_BLOCKED`.
    PopupBlocked,
    /// Failure `POPUP_ISOLATED`.
    PopupIsolated,
    /// Failure `RUN_TIMEOUT`.
    RunTimeout,
    /// Meta's step `BUSINESS_ACCOUNT_SELECTION`.
    StepBusiness,
    /// Meta's step `WABA_PHONE_PROFILE_PICKER`.
    StepWaba,
    /// Meta's step `WHATSAPP_BUSINESS_PROFILE_SETUP`.
    StepProfile,
    /// Meta's step `PHONE_NUMBER_SETUP`.
    StepPhoneSetup,
    /// Meta's step `PHONE_NUMBER_VERIFICATION`.
    StepPhoneVerification,
    /// Meta's step `PERMISSIONS`.
    StepPermissions,
    /// The phone field's label.
    PhoneLabel,
    /// The phone hint while empty.
    PhoneHint,
    /// A valid number; `{0}` its E.164 form.
    PhoneValid,
    /// `EMPTY`: no digits.
    PhoneEmpty,
    /// `INVALID_CHARACTER`; `{0}` the character, `{1}` its position.
    PhoneInvalidCharacter,
    /// `INVALID_CHARACTER` (an extension); `{0}` where it starts.
    PhoneExtension,
    /// `MISSING_PLUS`.
    PhoneMissingPlus,
    /// `UNKNOWN_CALLING_CODE`; `{0}` the digits.
    PhoneUnknownCode,
    /// `TOO_SHORT` inside the calling code.
    PhoneIncompleteCode,
    /// `TOO_SHORT`; `{0}` calling code, `{1}` fewest digits, `{2}` typed.
    PhoneTooShort,
    /// `TOO_SHORT` between lengths; `{0}` calling code, `{1}` the lengths, `{2}` typed.
    PhoneLengths,
    /// `TOO_LONG`; `{0}` calling code, `{1}` most digits, `{2}` typed.
    PhoneTooLong,
    /// `TOO_LONG` past E.164; `{0}` the limit, `{1}` typed.
    PhoneExceedsE164,
    /// `TOO_LONG` input; `{0}` the limit in characters.
    PhoneInputTooLong,
    /// Between list items but the last two (`7, 9 or 10`).
    ListComma,
    /// Between the last two list items.
    ListOr,
}

/// `template` with each `{n}` (one digit) replaced by `args[n]` (nothing when
/// absent). Inserted values are copied as they are, never scanned again.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match after.as_bytes() {
            [digit @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get(usize::from(digit - b'0')).copied().unwrap_or(""));
                rest = after.get(2..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
