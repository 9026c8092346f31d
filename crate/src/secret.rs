//! Recognising server secrets (`sk_admin_…`) that must never reach a browser.
