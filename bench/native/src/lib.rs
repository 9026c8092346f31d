//! Deterministic inputs for the criterion benchmarks in `benches/`.
//!
//! Everything is generated from a fixed seed with a tiny xorshift PRNG, so two runs (and two
//! machines) measure the same work. The phone mix mirrors `bench/corpus.mjs` (valid numbers
//! for many calling codes, formatting, typos, too short/long, junk) at a smaller scale; the
//! node benchmark is the one compared with libphonenumber-js.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use wa_signup::ids::{IdKind, PlatformId};
use wa_signup::ksuid::Ksuid;

/// xorshift64* PRNG: deterministic, no dependencies.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed (zero is replaced by a constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A uniform index in `0..n` (`n > 0`; 0 when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % n64).unwrap_or(0)
    }

    /// One random ASCII digit.
    pub fn digit(&mut self) -> char {
        char::from(b"0123456789"[self.below(10)])
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// (calling code, example national number) for a spread of numbering plans, taken from
/// libphonenumber's example mobile numbers.
pub const PLANS: &[(&str, &str)] = &[
    ("1", "2015550123"),
    ("7", "9123456789"),
    ("20", "1001234567"),
    ("27", "711234567"),
    ("31", "612345678"),
    ("33", "612345678"),
    ("34", "612345678"),
    ("39", "3123456789"),
    ("44", "7400123456"),
    ("49", "15123456789"),
    ("52", "2221234567"),
    ("54", "91123456789"),
    ("55", "11961234567"),
    ("61", "412345678"),
    ("62", "812345678"),
    ("63", "9051234567"),
    ("81", "9012345678"),
    ("82", "1020000000"),
    ("86", "13123456789"),
    ("90", "5012345678"),
    ("91", "8123456789"),
    ("92", "3012345678"),
    ("234", "8021234567"),
    ("254", "712123456"),
    ("351", "912345678"),
    ("353", "850123456"),
    ("380", "501234567"),
    ("880", "1812345678"),
    ("966", "512345678"),
    ("971", "501234567"),
    ("800", "12345678"),
    ("882", "3421234567"),
];

fn national(rng: &mut Rng, example: &str) -> String {
    let keep = example.len().min(3);
    let mut s: String = example.chars().take(keep).collect();
    for _ in keep..example.len() {
        s.push(rng.digit());
    }
    s
}

/// `n` phone inputs: ~60% canonical E.164, then formatted, `00`-prefixed, typos, too short,
/// too long, unknown calling codes and junk.
pub fn phone_corpus(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (cc, example) = rng.pick(PLANS).copied().unwrap_or(("1", "2015550123"));
        let nn = national(&mut rng, example);
        let s = match rng.below(100) {
            0..=59 => format!("+{cc}{nn}"),
            60..=74 => {
                let (a, b) = nn.split_at(nn.len() / 2);
                match rng.below(3) {
                    0 => format!("+{cc} {a} {b}"),
                    1 => format!("+{cc} ({a}) {b}"),
                    _ => format!("+{cc}-{a}-{b}"),
                }
            }
            75..=79 => format!("00{cc} {nn}"),
            80..=86 => {
                let mut s = format!("+{cc}{nn}");
                let pos = 1 + cc.len() + rng.below(nn.len());
                if s.is_char_boundary(pos) && pos < s.len() {
                    s.replace_range(pos..=pos, "O");
                }
                s
            }
            87..=90 => format!("+{cc}{}", &nn[..nn.len().saturating_sub(3)]),
            91..=94 => format!("+{cc}{nn}{}{}", rng.digit(), rng.digit()),
            95..=96 => format!("+28{nn}"),
            _ => match rng.below(4) {
                0 => String::new(),
                1 => "call me maybe".to_owned(),
                2 => "+".to_owned(),
                _ => format!("+{nn}{nn}{nn}"),
            },
        };
        out.push(s);
    }
    out
}

/// `n` KSUID strings: mostly valid, some too short, with a bad character, or above the maximum.
pub fn ksuid_corpus(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let valid = random_ksuid(&mut rng).to_string();
            match rng.below(10) {
                0 => valid[..26].to_owned(),
                1 => format!("{}-", &valid[..26]),
                2 => "zzzzzzzzzzzzzzzzzzzzzzzzzzz".to_owned(),
                _ => valid,
            }
        })
        .collect()
}

fn random_ksuid(rng: &mut Rng) -> Ksuid {
    let mut bytes = [0u8; 20];
    for chunk in bytes.chunks_mut(8) {
        let r = rng.next_u64().to_le_bytes();
        chunk.copy_from_slice(&r[..chunk.len()]);
    }
    Ksuid::from_bytes(bytes)
}

/// `n` platform ids (`wapn_`, `wabp_`, `app_`, with and without `test_`), ~20% invalid.
pub fn id_corpus(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let kinds = [IdKind::PhoneNumber, IdKind::BusinessProfile, IdKind::App];
    (0..n)
        .map(|_| {
            let kind = rng.pick(&kinds).copied().unwrap_or(IdKind::App);
            let id = PlatformId::new(kind, rng.below(2) == 0, random_ksuid(&mut rng)).to_string();
            match rng.below(10) {
                0 => id.replacen('_', "-", 1),
                1 => id[..id.len() - 1].to_owned(),
                _ => id,
            }
        })
        .collect()
}

/// `n` (origin, JSON text) pairs of Embedded Signup `message` events, v3 and v4, plus foreign
/// origins, other message types and malformed JSON.
pub fn session_event_corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let waba: String = (0..16).map(|_| rng.digit()).collect();
            let phone: String = (0..15).map(|_| rng.digit()).collect();
            let origin = match rng.below(10) {
                0 => "https://www.facebook.com.evil.test",
                1..=4 => "https://web.facebook.com",
                _ => "https://www.facebook.com",
            };
            let data = match rng.below(8) {
                0..=2 => format!(
                    r#"{{"data":{{"phone_number_id":"1{phone}","waba_id":"1{waba}"}},"type":"WA_EMBEDDED_SIGNUP","event":"FINISH","version":3}}"#
                ),
                3 => format!(
                    r#"{{"data":{{"phone_number_id":"1{phone}","waba_id":"1{waba}","business_id":"1{waba}"}},"type":"WA_EMBEDDED_SIGNUP","event":"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING","version":4}}"#
                ),
                4 => r#"{"data":{"current_step":"PHONE_NUMBER_SETUP"},"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","version":3}"#.to_owned(),
                5 => format!(
                    r#"{{"data":{{"error_message":"Something went wrong","error_id":"52{phone}","session_id":"f34b{waba}","timestamp":"1689{phone}"}},"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","version":3}}"#
                ),
                6 => r#"{"type":"SOMETHING_ELSE","event":"FINISH"}"#.to_owned(),
                _ => r#"{"type":"WA_EMBEDDED_SIGNUP","event":"FINI"#.to_owned(),
            };
            (origin.to_owned(), data)
        })
        .collect()
}
