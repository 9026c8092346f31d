//! The fixed business assets the simulated dialog offers. Fixed ids let tests
//! assert exact callback bodies; the dialog's defaults (and `auto` scenarios)
//! use the first portfolio, its first WABA and that WABA's first number.

use serde::Serialize;

/// Default business portfolio id (`business_id`).
pub const BUSINESS_ID: &str = "2729063490586005";
/// Default business portfolio name.
pub const BUSINESS_NAME: &str = "Acme Corp";
/// Default WhatsApp Business Account id (`waba_id`).
pub const WABA_ID: &str = "102290129340398";
/// Default phone number id (`phone_number_id`).
pub const PHONE_NUMBER_ID: &str = "106540352242922";
/// Default phone number.
pub const DISPLAY_PHONE_NUMBER: &str = "+15551234567";
/// Phone number id of the WhatsApp Business app number (coexistence).
pub const COEXISTENCE_PHONE_NUMBER_ID: &str = "117788990011223";
/// The WhatsApp Business app number (coexistence).
pub const COEXISTENCE_DISPLAY_PHONE_NUMBER: &str = "+5511987654321";

/// A phone number on a WABA.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    id: &'static str,
    display_phone_number: &'static str,
}

/// A WhatsApp Business Account.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Waba {
    id: &'static str,
    name: &'static str,
    phone_numbers: Vec<Phone>,
}

/// A business portfolio.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Business {
    id: &'static str,
    name: &'static str,
    wabas: Vec<Waba>,
}

/// Everything the dialog can pick from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assets {
    businesses: Vec<Business>,
    coexistence: Phone,
}

/// The sandbox's assets.
pub fn assets() -> Assets {
    Assets {
        businesses: vec![
            Business {
                id: BUSINESS_ID,
                name: BUSINESS_NAME,
                wabas: vec![
                    Waba {
                        id: WABA_ID,
                        name: "Acme Support",
                        phone_numbers: vec![
                            Phone {
                                id: PHONE_NUMBER_ID,
                                display_phone_number: DISPLAY_PHONE_NUMBER,
                            },
                            Phone {
                                id: "106540352242923",
                                display_phone_number: "+15551234568",
                            },
                        ],
                    },
                    Waba {
                        id: "104996122399160",
                        name: "Acme Marketing",
                        phone_numbers: vec![],
                    },
                ],
            },
            Business {
                id: "3141592653589793",
                name: "Globex Ltd",
                wabas: vec![Waba {
                    id: "110200340056780",
                    name: "Globex Sales",
                    phone_numbers: vec![Phone {
                        id: "109876543210987",
                        display_phone_number: "+447700900123",
                    }],
                }],
            },
        ],
        coexistence: Phone {
            id: COEXISTENCE_PHONE_NUMBER_ID,
            display_phone_number: COEXISTENCE_DISPLAY_PHONE_NUMBER,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_id_is_a_meta_id_and_every_number_e164() {
        let json = serde_json::to_value(assets()).expect("serializes");
        let mut ids = vec![];
        let mut numbers = vec![];
        let mut stack = vec![&json];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, child) in map {
                        match (k.as_str(), child.as_str()) {
                            ("id", Some(id)) => ids.push(id.to_owned()),
                            ("displayPhoneNumber", Some(n)) => numbers.push(n.to_owned()),
                            _ => stack.push(child),
                        }
                    }
                }
                serde_json::Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        assert_eq!(ids.len(), 9);
        assert!(
            ids.iter().all(|id| wa_signup::meta_id::is_meta_id(id)),
            "{ids:?}"
        );
        assert_eq!(numbers.len(), 4);
        assert!(
            numbers.iter().all(|n| wa_signup::phone::is_e164(n)),
            "{numbers:?}"
        );
    }
}
