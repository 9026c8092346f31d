//! Platform ids and KSUIDs: never panic; whatever parses prints back as the
//! same text; 20 arbitrary bytes always make a KSUID that round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wa_signup::ids::{is_app_id, is_business_profile_id, is_phone_number_id, parse_id, IdKind};
use wa_signup::ksuid::Ksuid;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    match parse_id(text) {
        Ok(id) => {
            assert_eq!(id.to_string(), text, "Display round-trips");
            assert_eq!(id.timestamp(), id.ksuid().timestamp());
            assert_eq!(is_phone_number_id(text), id.kind() == IdKind::PhoneNumber);
            assert_eq!(
                is_business_profile_id(text),
                id.kind() == IdKind::BusinessProfile
            );
            assert_eq!(is_app_id(text), id.kind() == IdKind::App);
        }
        Err(_) => {
            assert!(!is_phone_number_id(text) && !is_business_profile_id(text) && !is_app_id(text));
        }
    }

    if let Ok(k) = Ksuid::parse(text) {
        assert_eq!(k.to_string(), text, "KSUID Display round-trips");
        assert_eq!(Ksuid::from_bytes(*k.as_bytes()), k);
    }

    // Any 20 bytes are a valid KSUID; its text form must parse back to it.
    if let Some(bytes) = data.get(..20).and_then(|b| <[u8; 20]>::try_from(b).ok()) {
        let k = Ksuid::from_bytes(bytes);
        let again = Ksuid::parse(&k.to_string());
        assert_eq!(again, Ok(k), "bytes -> text -> bytes");
    }
});
