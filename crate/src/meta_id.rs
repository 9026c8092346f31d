//! Meta numeric ids (WABA, phone number, business).
