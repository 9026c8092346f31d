//! JS exports for phone numbers: `parsePhoneNumber`, `isE164`,
//! `toMetaPhoneParams`, `isE164Batch`.
//!
//! The per-call path avoids Rust heap allocation, serde and text decoding
//! (measured: these dominate a call): the result object is filled with
//! cached property keys, the digits go out as one number that JS spells
//! with `String(n)`, and each calling code's `regions` array is created
//! once, frozen and reused.

use std::cell::RefCell;

use js_sys::{Array, JsString, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::error::{to_js_error, to_js_error_with, InvalidType, EXPECTED_STRING};
use crate::phone::{self, parse_parts, Parts, PhoneError, Resolved};

#[wasm_bindgen(typescript_custom_section)]
const TS_PHONE: &'static str = r#"
/** A possible phone number in canonical E.164 form. */
export interface PhoneNumber {
  /** `+`, calling code, national number, digits only, e.g. "+447911123456". */
  e164: string;
  /** Country calling code, e.g. 44. */
  callingCode: number;
  /** National (significant) number: no calling code, no `+`, no trunk prefix. */
  nationalNumber: string;
  /**
   * ISO 3166 regions sharing the calling code, main region first
   * (["GB", "GG", "IM", "JE"] for +44; ["001"] for non-geographic codes such
   * as +800). A frozen array shared by every number with that code.
   */
  regions: readonly string[];
  /**
   * The extension written after the number, digits only: "12" for
   * "+1 212 555 1234 ext. 12" (or x12, #12, ~12, ;ext=12, ,,12 …), as
   * libphonenumber-js reads it. Present only when there is one; never part
   * of `e164`. `toMetaPhoneParams` refuses numbers with an extension.
   */
  extension?: string;
}

/** The `cc` / `phone_number` parameters of Meta's `POST /{WABA-ID}/phone_numbers`. */
export interface MetaPhoneParams {
  /** Country dial code, digits only, e.g. "1". */
  cc: string;
  /** The number without the country code or `+`. */
  phone_number: string;
}
"#;

/// Property names, created once.
struct Keys {
    e164: JsValue,
    calling_code: JsValue,
    national_number: JsValue,
    regions: JsValue,
    extension: JsValue,
    cc: JsValue,
    phone_number: JsValue,
    plus: JsString,
}

thread_local! {
    static KEYS: Keys = Keys {
        e164: JsValue::from_str("e164"),
        calling_code: JsValue::from_str("callingCode"),
        national_number: JsValue::from_str("nationalNumber"),
        regions: JsValue::from_str("regions"),
        extension: JsValue::from_str("extension"),
        cc: JsValue::from_str("cc"),
        phone_number: JsValue::from_str("phone_number"),
        plus: JsString::from("+"),
    };
    /// Frozen `regions` arrays, indexed by calling code.
    static REGIONS: RefCell<Vec<Option<JsValue>>> = const { RefCell::new(Vec::new()) };
}

/// `parsePhoneNumber(input, defaultCallingCode?)`: `{ e164, callingCode,
/// nationalNumber, regions }` (and `extension` when the input has one), or
/// throws a `WaSignupError` whose `code` is `EMPTY`, `INVALID_CHARACTER`
/// (with `position`, the index of the character in Unicode code points),
/// `MISSING_PLUS`, `UNKNOWN_CALLING_CODE`,
/// `TOO_SHORT` or `TOO_LONG`, or `INVALID_TYPE` for a non-string input or a
/// `defaultCallingCode` that is not a non-negative integer.
#[wasm_bindgen(js_name = parsePhoneNumber, unchecked_return_type = "PhoneNumber")]
pub fn parse_phone_number(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(js_name = defaultCallingCode)] default_calling_code: Option<f64>,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input)?;
    let default = calling_code_arg(default_calling_code)?;
    parse_parts(&input, default)
        .map(phone_object)
        .map_err(|e| phone_error(&e))
}

/// `isE164(input)`: `true` only for a canonical E.164 string (`+` and 2-15
/// digits, nothing else) that `parsePhoneNumber` accepts; `false` for
/// anything else, non-strings included.
#[wasm_bindgen(js_name = isE164)]
pub fn is_e164(#[wasm_bindgen(unchecked_param_type = "unknown")] input: JsValue) -> bool {
    input.as_string().is_some_and(|s| phone::is_e164(&s))
}

/// `toMetaPhoneParams(input)`: `{ cc, phone_number }` for Meta's
/// add-phone-number call (no `+`, no country code in `phone_number`). The
/// input must carry `+` or `00`; errors as `parsePhoneNumber`, and a number
/// with an extension throws `INVALID_CHARACTER` at the extension's marker
/// (WhatsApp numbers cannot have extensions).
#[wasm_bindgen(js_name = toMetaPhoneParams, unchecked_return_type = "MetaPhoneParams")]
pub fn to_meta_phone_params(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input = string_arg(&input)?;
    parse_parts(&input, None)
        .and_then(|parts| match parts.extension {
            Some(extension) => Err(extension.refusal()),
            None => Ok(meta_object(parts.resolved)),
        })
        .map_err(|e| phone_error(&e))
}

/// `isE164Batch(text)`: one byte per line of `text` (`\n` or `\r\n`), `1`
/// where `isE164` would be true, else `0`. A final line terminator does not
/// start another line. One call for the whole batch; throws `INVALID_TYPE`
/// for a non-string.
#[wasm_bindgen(js_name = isE164Batch)]
pub fn is_e164_batch(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Uint8Array, JsValue> {
    let text = string_arg(&text)?;
    Ok(Uint8Array::from(phone::is_e164_batch(&text).as_slice()))
}

fn string_arg(value: &JsValue) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| to_js_error(&InvalidType(EXPECTED_STRING)))
}

/// `undefined`/`null` or an integer 0..=65535 (an unassigned one is then
/// `UNKNOWN_CALLING_CODE`). The binding converts other values with JS's
/// `Number(…)`, so `"44"` counts as 44 and `{}` (NaN) is refused.
fn calling_code_arg(value: Option<f64>) -> Result<Option<u16>, JsValue> {
    match value {
        None => Ok(None),
        // Range- and integer-checked first, so the cast is exact.
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&n) => {
            Ok(Some(n as u16))
        }
        Some(_) => Err(to_js_error(&InvalidType(
            "defaultCallingCode must be an integer calling code such as 44, or undefined",
        ))),
    }
}

fn phone_error(err: &PhoneError) -> JsValue {
    match err.position().and_then(|p| u32::try_from(p).ok()) {
        Some(position) => to_js_error_with(err, &[("position", JsValue::from(position))]),
        None => to_js_error(err),
    }
}

#[wasm_bindgen]
extern "C" {
    /// A fresh `{}` we fill in.
    #[wasm_bindgen(extends = Object)]
    type PlainObject;

    /// `target[key] = value`: no try/catch wrapper (unlike `Reflect.set`), as
    /// setting a property on a fresh object literal cannot throw.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &PlainObject, key: &JsValue, value: &JsValue);

    /// `target[key] = value` for a number, passed without boxing.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_number(this: &PlainObject, key: &JsValue, value: f64);

    /// JS `String(n)`: the decimal digits of an integer-valued number.
    #[wasm_bindgen(js_name = String)]
    fn number_to_string(n: f64) -> JsString;
}

/// A new empty plain object.
fn plain_object() -> PlainObject {
    Object::new().unchecked_into()
}

/// `+`, calling code and national number as one JS string, with the length
/// of the `+` and calling code part. The digits after `+` never start with 0
/// and are at most 15, so they go out as one exactly representable number
/// and JS's `String(n)` spells them: far cheaper than `TextDecoder` or
/// `String.fromCharCode` for strings this short.
fn e164_string(resolved: &Resolved) -> (JsString, u32) {
    let mut code = [0u8; 3];
    let code = phone::write_code(resolved.plan.code, &mut code);
    let value = code
        .iter()
        .chain(resolved.national.digits())
        .fold(0u64, |acc, &d| {
            acc.saturating_mul(10)
                .saturating_add(u64::from(d.saturating_sub(b'0')))
        });
    // At most 15 digits (checked by `resolve`), so below 2^53: exact as f64.
    let digits = number_to_string(value as f64);
    let head = u32::try_from(1 + code.len()).unwrap_or(0);
    (KEYS.with(|k| k.plus.concat(&digits)), head)
}

fn phone_object(parts: Parts) -> JsValue {
    let Parts {
        resolved,
        extension,
    } = parts;
    let obj = plain_object();
    let (e164, head) = e164_string(&resolved);
    let national = e164.substring(head, e164.length());
    KEYS.with(|k| {
        obj.set(&k.e164, &e164);
        obj.set_number(&k.calling_code, f64::from(resolved.plan.code));
        obj.set(&k.national_number, &national);
        obj.set(&k.regions, &regions_value(&resolved));
        if let Some(extension) = extension {
            obj.set(&k.extension, &JsValue::from_str(extension.as_str()));
        }
    });
    obj.into()
}

fn meta_object(resolved: Resolved) -> JsValue {
    let obj = plain_object();
    let (e164, head) = e164_string(&resolved);
    KEYS.with(|k| {
        obj.set(&k.cc, &e164.substring(1, head));
        obj.set(&k.phone_number, &e164.substring(head, e164.length()));
    });
    obj.into()
}

/// The frozen `regions` array of the number's calling code, built once.
fn regions_value(resolved: &Resolved) -> JsValue {
    let index = usize::from(resolved.plan.code);
    REGIONS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() <= index {
            cache.resize(index + 1, None);
        }
        match cache.get_mut(index) {
            Some(Some(array)) => array.clone(),
            Some(slot) => {
                let array: Array = resolved
                    .plan
                    .regions()
                    .iter()
                    .map(|r| JsValue::from_str(r))
                    .collect();
                let frozen: JsValue = Object::freeze(&array).into();
                *slot = Some(frozen.clone());
                frozen
            }
            None => JsValue::UNDEFINED,
        }
    })
}
