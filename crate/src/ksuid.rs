//! KSUIDs: 27-character base62 ids with an embedded timestamp.
