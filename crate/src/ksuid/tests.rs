use super::*;

const SEED: &str = "2DbBs7GWhGvVNJGrDXr5RG0mBWI";

/// Slow reference decoder: schoolbook long division of the base62 digit
/// string by 256, one output byte per pass (no limbs, no u128).
fn slow_decode(s: &str) -> Option<[u8; BYTE_LEN]> {
    let mut digits: Vec<u32> = s
        .bytes()
        .map(|b| ALPHABET.iter().position(|&a| a == b).map(|p| p as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::new();
    while digits.iter().any(|&d| d != 0) {
        let mut rem = 0u32;
        for d in digits.iter_mut() {
            let acc = rem * 62 + *d;
            *d = acc / 256;
            rem = acc % 256;
        }
        out.push(rem as u8);
    }
    if out.len() > BYTE_LEN {
        return None;
    }
    out.resize(BYTE_LEN, 0);
    out.reverse();
    out.try_into().ok()
}

/// Slow reference encoder: long division of the byte string by 62.
fn slow_encode(bytes: &[u8; BYTE_LEN]) -> String {
    let mut num: Vec<u32> = bytes.iter().map(|&b| u32::from(b)).collect();
    let mut out = Vec::new();
    for _ in 0..ENCODED_LEN {
        let mut rem = 0u32;
        for d in num.iter_mut() {
            let acc = rem * 256 + *d;
            *d = acc / 62;
            rem = acc % 62;
        }
        out.push(ALPHABET[rem as usize]);
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

#[test]
fn min_is_zero_bytes_at_the_epoch() {
    let k = Ksuid::parse(MIN_STRING).unwrap();
    assert_eq!(k.as_bytes(), &[0u8; BYTE_LEN]);
    assert_eq!(k.timestamp(), EPOCH);
    assert_eq!(k.to_string(), MIN_STRING);
}

#[test]
fn max_is_all_ones() {
    let k = Ksuid::parse(MAX_STRING).unwrap();
    assert_eq!(k.as_bytes(), &[0xffu8; BYTE_LEN]);
    assert_eq!(k.timestamp(), EPOCH + u64::from(u32::MAX));
    assert_eq!(k.to_string(), MAX_STRING);
}

#[test]
fn rejects_each_problem_with_its_own_error() {
    let cases: &[(&str, KsuidError)] = &[
        ("aWgEPTl1tmebfsQzFP4bxwgy80W", KsuidError::OutOfRange), // max + 1
        ("zzzzzzzzzzzzzzzzzzzzzzzzzzz", KsuidError::OutOfRange),
        ("b00000000000000000000000000", KsuidError::OutOfRange),
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBW-",
            KsuidError::InvalidCharacter { position: 26 },
        ),
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBW_",
            KsuidError::InvalidCharacter { position: 26 },
        ),
        (
            " DbBs7GWhGvVNJGrDXr5RG0mBWI",
            KsuidError::InvalidCharacter { position: 0 },
        ),
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBWé",
            KsuidError::InvalidCharacter { position: 26 },
        ),
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBW",
            KsuidError::InvalidLength { len: 26 },
        ),
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBWIa",
            KsuidError::InvalidLength { len: 28 },
        ),
        ("", KsuidError::InvalidLength { len: 0 }),
        // 27 bytes but 26 characters: counted as characters.
        (
            "2DbBs7GWhGvVNJGrDXr5RG0mBé",
            KsuidError::InvalidLength { len: 26 },
        ),
        // Length is checked before characters, characters before range.
        (
            "zzzzzzzzzzzzzzzzzzzzzzzzzz!",
            KsuidError::InvalidCharacter { position: 26 },
        ),
        ("!!", KsuidError::InvalidLength { len: 2 }),
    ];
    for (input, want) in cases {
        assert_eq!(Ksuid::parse(input).as_ref(), Err(want), "{input:?}");
    }
}

#[test]
fn error_codes_are_stable() {
    assert_eq!(
        KsuidError::InvalidLength { len: 1 }.code(),
        "INVALID_LENGTH"
    );
    assert_eq!(
        KsuidError::InvalidCharacter { position: 1 }.code(),
        "INVALID_CHARACTER"
    );
    assert_eq!(KsuidError::OutOfRange.code(), "OUT_OF_RANGE");
    assert_eq!(
        KsuidError::TimestampOutOfRange { timestamp: 1 }.code(),
        "TIMESTAMP_OUT_OF_RANGE"
    );
    assert!(KsuidError::InvalidLength { len: 26 }
        .to_string()
        .contains("27"));
}

/// The seed pages' example. Expected values computed independently with
/// Python big integers: int(s, base62) >> 128 == 260958107, so the time
/// is 1400000000 + 260958107 = 1660958107 (2022-08-20T01:15:07Z).
#[test]
fn seed_example_timestamp() {
    let k = Ksuid::parse(SEED).unwrap();
    assert_eq!(k.timestamp(), 1_660_958_107);
    assert_eq!(&k.as_bytes()[..4], &[0x0f, 0x8d, 0xe7, 0x9b]);
    assert_eq!(
        k.payload(),
        [
            0x22, 0x82, 0x46, 0xf4, 0x80, 0x58, 0xe2, 0x1a, 0x66, 0xa0, 0x6c, 0xa0, 0xe4, 0xf0,
            0x3c, 0xbe
        ]
    );
    assert_eq!(Some(*k.as_bytes()), slow_decode(SEED));
    assert_eq!(k.to_string(), SEED);
}

#[test]
fn from_parts_round_trips_and_checks_the_timestamp() {
    let seed = Ksuid::parse(SEED).unwrap();
    let again = Ksuid::from_parts(seed.timestamp(), seed.payload()).unwrap();
    assert_eq!(again, seed);
    assert_eq!(again.to_string(), SEED);
    assert!(Ksuid::from_parts(EPOCH, [0; 16]).is_ok());
    assert!(Ksuid::from_parts(EPOCH + u64::from(u32::MAX), [0xff; 16]).is_ok());
    assert_eq!(
        Ksuid::from_parts(EPOCH - 1, [0; 16]),
        Err(KsuidError::TimestampOutOfRange {
            timestamp: EPOCH - 1
        })
    );
    let too_late = EPOCH + u64::from(u32::MAX) + 1;
    assert_eq!(
        Ksuid::from_parts(too_late, [0; 16]),
        Err(KsuidError::TimestampOutOfRange {
            timestamp: too_late
        })
    );
    assert!(Ksuid::from_parts(u64::MAX, [0; 16]).is_err());
}

#[test]
fn serializes_as_its_string() {
    let k = Ksuid::parse(SEED).unwrap();
    assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{SEED}\""));
    assert_eq!(SEED.parse::<Ksuid>(), Ok(k));
}

#[test]
fn slow_reference_agrees_on_the_edges() {
    assert_eq!(slow_decode(MAX_STRING), Some([0xff; BYTE_LEN]));
    assert_eq!(slow_decode("aWgEPTl1tmebfsQzFP4bxwgy80W"), None);
    assert_eq!(slow_encode(&[0xff; BYTE_LEN]), MAX_STRING);
    assert_eq!(slow_encode(&[0; BYTE_LEN]), MIN_STRING);
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in ".*") {
            let _ = Ksuid::parse(&s);
        }

        #[test]
        fn bytes_round_trip(bytes in proptest::array::uniform20(any::<u8>())) {
            let k = Ksuid::from_bytes(bytes);
            let s = k.to_string();
            prop_assert_eq!(s.len(), ENCODED_LEN);
            prop_assert_eq!(&s, &slow_encode(&bytes));
            prop_assert_eq!(Ksuid::parse(&s), Ok(k));
        }

        #[test]
        fn parts_round_trip(offset in any::<u32>(), payload in proptest::array::uniform16(any::<u8>())) {
            let ts = EPOCH + u64::from(offset);
            let k = Ksuid::from_parts(ts, payload).unwrap();
            prop_assert_eq!(k.timestamp(), ts);
            prop_assert_eq!(k.payload(), payload);
            prop_assert_eq!(Ksuid::parse(&k.to_string()), Ok(k));
        }

        #[test]
        fn fast_decoder_agrees_with_slow_reference(s in "[0-9A-Za-z]{27}") {
            match slow_decode(&s) {
                Some(bytes) => {
                    prop_assert!(s.as_str() <= MAX_STRING);
                    prop_assert_eq!(Ksuid::parse(&s).map(|k| *k.as_bytes()), Ok(bytes));
                }
                None => {
                    prop_assert!(s.as_str() > MAX_STRING);
                    prop_assert_eq!(Ksuid::parse(&s), Err(KsuidError::OutOfRange));
                }
            }
        }

        #[test]
        fn strings_sharing_a_prefix_with_the_max_agree(
            cut in 0usize..27,
            tail in "[0-9A-Za-z]{27}",
        ) {
            let s = format!("{}{}", &MAX_STRING[..cut], &tail[cut..]);
            prop_assert_eq!(slow_decode(&s).is_some(), Ksuid::parse(&s).is_ok());
        }
    }
}
