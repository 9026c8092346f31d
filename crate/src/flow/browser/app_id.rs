//! The page-wide [`AppIds`] registry and its RAII claim.

use std::cell::RefCell;

use super::cell_access::CellAccess;
use crate::flow::app_ids::AppIds;
use crate::flow::config::ConfigError;

thread_local! {
    static APP_IDS: RefCell<AppIds> = RefCell::new(AppIds::default());
}

/// A live claim on the page's `appId`; released when dropped.
#[must_use = "the claim is released when dropped"]
#[derive(Debug)]
pub struct AppIdClaim {
    app_id: String,
}

/// Claims `app_id` for this page: `APP_ID_CONFLICT` while another live flow
/// or widget holds a different one (`FB.init` is global).
pub fn claim_app_id(app_id: &str) -> Result<AppIdClaim, ConfigError> {
    APP_IDS.with(|ids| {
        ids.try_borrow_mut()
            .map_err(|_| ConfigError::InvalidConfig("re-entrant appId claim".into()))?
            .claim(app_id)
    })?;
    Ok(AppIdClaim {
        app_id: app_id.to_owned(),
    })
}

impl Drop for AppIdClaim {
    fn drop(&mut self) {
        APP_IDS.with(|ids| {
            let _ = ids.with_mut(|ids| ids.release(&self.app_id));
        });
    }
}
