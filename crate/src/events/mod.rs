//! Meta Embedded Signup session events (`WA_EMBEDDED_SIGNUP` messages).
