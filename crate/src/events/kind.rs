//! The `event` field of a session event.

use std::fmt;

/// The longest unknown event name kept as [`SessionEventKind::Other`].
pub const MAX_EVENT_NAME_LEN: usize = 64;

/// What happened in the Embedded Signup session.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SessionEventKind {
    /// `FINISH`: the Cloud API flow completed (phone number included).
    Finish,
    /// `FINISH_ONLY_WABA`: completed without a phone number.
    FinishOnlyWaba,
    /// `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`: completed with a WhatsApp
    /// Business app number (coexistence).
    FinishWhatsAppBusinessAppOnboarding,
    /// `FINISH_OBO_MIGRATION`: an on-behalf-of migration completed.
    FinishOboMigration,
    /// `FINISH_GRANT_ONLY_API_ACCESS`: a grant-only API access (app-only
    /// install) flow completed.
    FinishGrantOnlyApiAccess,
    /// `CANCEL`: abandoned (`current_step`) or a user-reported error
    /// (`error_message`, `error_code`/`error_id`, `session_id`, `timestamp`).
    Cancel,
    /// `ERROR`: the user met an error during the flow.
    Error,
    /// An event name this version does not know, kept so a future Meta event
    /// is not silently dropped. Always `[A-Z][A-Z0-9_]*`, at most
    /// [`MAX_EVENT_NAME_LEN`] characters.
    Other(String),
}

impl SessionEventKind {
    /// The wire name, e.g. `"FINISH_ONLY_WABA"`.
    pub fn as_str(&self) -> &str {
        match self {
            SessionEventKind::Finish => "FINISH",
            SessionEventKind::FinishOnlyWaba => "FINISH_ONLY_WABA",
            SessionEventKind::FinishWhatsAppBusinessAppOnboarding => {
                "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"
            }
            SessionEventKind::FinishOboMigration => "FINISH_OBO_MIGRATION",
            SessionEventKind::FinishGrantOnlyApiAccess => "FINISH_GRANT_ONLY_API_ACCESS",
            SessionEventKind::Cancel => "CANCEL",
            SessionEventKind::Error => "ERROR",
            SessionEventKind::Other(name) => name,
        }
    }

    /// `true` for every known `FINISH_*` variant (and `FINISH`). An unknown
    /// name is never a finish, even if it starts with `FINISH`: completing a
    /// signup on an event whose payload is undocumented would be a guess.
    pub fn is_finish(&self) -> bool {
        matches!(
            self,
            SessionEventKind::Finish
                | SessionEventKind::FinishOnlyWaba
                | SessionEventKind::FinishWhatsAppBusinessAppOnboarding
                | SessionEventKind::FinishOboMigration
                | SessionEventKind::FinishGrantOnlyApiAccess
        )
    }

    /// `true` for the coexistence finish.
    pub fn is_coexistence(&self) -> bool {
        matches!(self, SessionEventKind::FinishWhatsAppBusinessAppOnboarding)
    }

    /// Reads a wire name: exact (case-sensitive) known names, otherwise
    /// [`SessionEventKind::Other`] if the name looks like an event name
    /// (`[A-Z][A-Z0-9_]*`, at most [`MAX_EVENT_NAME_LEN`]); else `None`.
    pub fn from_wire(name: &str) -> Option<SessionEventKind> {
        Some(match name {
            "FINISH" => SessionEventKind::Finish,
            "FINISH_ONLY_WABA" => SessionEventKind::FinishOnlyWaba,
            "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING" => {
                SessionEventKind::FinishWhatsAppBusinessAppOnboarding
            }
            "FINISH_OBO_MIGRATION" => SessionEventKind::FinishOboMigration,
            "FINISH_GRANT_ONLY_API_ACCESS" => SessionEventKind::FinishGrantOnlyApiAccess,
            "CANCEL" => SessionEventKind::Cancel,
            "ERROR" => SessionEventKind::Error,
            other if is_event_name(other) => SessionEventKind::Other(other.to_owned()),
            _ => return None,
        })
    }
}

fn is_event_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() <= MAX_EVENT_NAME_LEN
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

impl fmt::Display for SessionEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for SessionEventKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
