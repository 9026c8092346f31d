//! The screens Meta names in an abandoned flow's `CANCEL` event.

/// The `current_step` values Meta documents for an abandoned flow
/// (`{ data: { current_step }, type: "WA_EMBEDDED_SIGNUP", event: "CANCEL" }`),
/// in the order a person meets them: Embedded Signup "Errors" page,
/// <https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/errors>.
/// Meta may add screens: a step outside this list is still Meta's data and is
/// passed on as it comes.
pub const CANCEL_STEPS: [&str; 6] = [
    "BUSINESS_ACCOUNT_SELECTION",
    "WABA_PHONE_PROFILE_PICKER",
    "WHATSAPP_BUSINESS_PROFILE_SETUP",
    "PHONE_NUMBER_SETUP",
    "PHONE_NUMBER_VERIFICATION",
    "PERMISSIONS",
];
