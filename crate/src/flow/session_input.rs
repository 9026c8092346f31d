//! Turning a parsed session event ([`crate::events::SessionEvent`]) into a
//! correlator [`Input`].

use super::correlator::Input;
use super::session_info::{MetaError, SessionInfo};
use crate::events::{SessionEvent, SessionEventKind, SessionIds};

/// The correlator input for `event` at `at_ms`; `None` for events the flow
/// does not act on (unknown future events).
///
/// - every `FINISH*` becomes [`Input::Finish`] with its ids and asset lists
///   (`wabaId` falls back to the first of `waba_ids`);
/// - `CANCEL` becomes [`Input::Cancel`], with Meta's error when it carries
///   `error_message` or `error_code`;
/// - `ERROR` becomes [`Input::MetaFailure`].
pub fn input_from_event(event: &SessionEvent, at_ms: u64) -> Option<Input> {
    let meta_error = || MetaError {
        message: event.error_message.clone(),
        code: event.error_code.clone(),
        session_id: event.session_id.clone(),
        timestamp: event.timestamp.clone(),
        current_step: event.current_step.clone(),
    };
    match &event.event {
        kind if kind.is_finish() => Some(Input::Finish {
            session: SessionInfo {
                event: kind.as_str().to_owned(),
                ids: SessionIds {
                    waba_id: event
                        .ids
                        .waba_id
                        .clone()
                        .or_else(|| event.waba_ids.first().cloned()),
                    ..event.ids.clone()
                },
                is_coexistence: event.is_coexistence,
                waba_ids: event.waba_ids.clone(),
                assets: event.assets.clone(),
            },
            at_ms,
        }),
        SessionEventKind::Cancel => {
            let has_error = event.error_message.is_some() || event.error_code.is_some();
            Some(Input::Cancel {
                current_step: event.current_step.clone(),
                error: has_error.then(meta_error),
                at_ms,
            })
        }
        SessionEventKind::Error => Some(Input::MetaFailure {
            error: meta_error(),
            at_ms,
        }),
        _ => None,
    }
}
