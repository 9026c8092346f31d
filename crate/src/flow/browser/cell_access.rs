//! The one way browser glue reaches into its `RefCell`s: the flow's glue
//! here, and the widget's (`wa-signup-web`) through the public re-export.
//!
//! Browser glue never holds a borrow while foreign code (a subscriber, a host
//! listener, Meta's SDK) runs, so a cell that is already borrowed is a bug,
//! not a case to handle. Rather than let each site skip it silently, every
//! access goes through [`CellAccess`]: the failure is a typed [`Reentered`]
//! (each caller keeps its safe fallback), and a debug build reports the
//! first one on the console with the caller's file and line.

use std::cell::RefCell;

use crate::error::ErrorCode;

/// A `RefCell` was found borrowed: a re-entrant call the glue does not expect.
/// The step that needed the cell was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a RefCell was already borrowed (a re-entrant call that should not happen); that step was skipped")]
pub struct Reentered;

impl ErrorCode for Reentered {
    fn code(&self) -> &'static str {
        "REENTERED"
    }
}

/// Borrowing access to a `RefCell` that reports the impossible case (the cell
/// is already borrowed) as [`Reentered`] instead of hiding it.
///
/// ```ignore
/// use wa_signup::flow::browser::CellAccess;
/// let cell = std::cell::RefCell::new(1);
/// let _ = cell.with_mut(|n| *n += 1); // Err(Reentered) only if re-entered
/// ```
pub trait CellAccess<T> {
    /// `f` on the value; [`Reentered`] if the cell is mutably borrowed.
    fn with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R, Reentered>;
    /// `f` on the value, mutably; [`Reentered`] if the cell is borrowed.
    fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> Result<R, Reentered>;
}

impl<T> CellAccess<T> for RefCell<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn with<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R, Reentered> {
        match self.try_borrow() {
            Ok(value) => Ok(f(&value)),
            Err(_) => Err(reentered()),
        }
    }

    #[cfg_attr(debug_assertions, track_caller)]
    fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> Result<R, Reentered> {
        match self.try_borrow_mut() {
            Ok(mut value) => Ok(f(&mut value)),
            Err(_) => Err(reentered()),
        }
    }
}

/// The error, reported once per page in debug builds (release builds carry
/// neither the message nor the caller's location).
#[cfg_attr(debug_assertions, track_caller)]
fn reentered() -> Reentered {
    #[cfg(debug_assertions)]
    {
        thread_local! {
            static REPORTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if !REPORTED.with(|reported| reported.replace(true)) {
            let at = std::panic::Location::caller();
            web_sys::console::error_1(
                &format!(
                    "wa-signup: a RefCell was already borrowed at {at} (a re-entrant call that should not happen); that step was skipped"
                )
                .into(),
            );
        }
    }
    Reentered
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::{CellAccess, Reentered};

    wasm_bindgen_test_configure!(run_in_browser);

    /// A borrowed cell is a typed error, not a silent skip, and (debug build)
    /// the first one is reported on the console with where it happened.
    #[wasm_bindgen_test]
    fn a_reentrant_access_is_an_error_reported_once() {
        let console = Reflect::get(&js_sys::global(), &"console".into()).expect("console");
        let original = Reflect::get(&console, &"error".into()).expect("console.error");
        let seen = Array::new();
        let record = Function::new_with_args("m", "this.push(String(m))").bind0(&seen);
        Reflect::set(&console, &"error".into(), &record).expect("replace console.error");

        let cell = RefCell::new(1);
        let nested = cell.with_mut(|outer| {
            *outer += 1;
            (cell.with(|v| *v), cell.with_mut(|v| *v += 1))
        });
        let after = cell.with(|v| *v);

        Reflect::set(&console, &"error".into(), &original).expect("restore console.error");
        assert_eq!(nested, Ok((Err(Reentered), Err(Reentered))));
        assert_eq!(after, Ok(2), "the skipped step changed nothing");
        if cfg!(debug_assertions) {
            assert_eq!(seen.length(), 1, "reported once: {:?}", seen.to_vec());
            let message = seen.get(0).as_string().unwrap_or_default();
            assert!(message.contains("already borrowed"), "{message}");
            assert!(
                message.contains("cell_access.rs"),
                "names the caller: {message}"
            );
        }
    }
}
