//! Which Meta app a page serves: `FB.init` is global, so every live flow and
//! widget on a page must share one `appId`. [`AppIds`] counts the claims on
//! the current one; a different `appId` is refused while any claim lives.

use super::config::ConfigError;

/// The page's claimed `appId` and how many live flows or widgets hold it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AppIds {
    current: Option<(String, usize)>,
}

impl AppIds {
    /// Adds a claim on `app_id`: accepted when nothing is claimed or the same
    /// `appId` is; `APP_ID_CONFLICT` naming the other one otherwise.
    pub fn claim(&mut self, app_id: &str) -> Result<(), ConfigError> {
        match &mut self.current {
            None => {
                self.current = Some((app_id.to_owned(), 1));
                Ok(())
            }
            Some((held, count)) if held == app_id => {
                *count = count.saturating_add(1);
                Ok(())
            }
            Some((held, _)) => Err(ConfigError::AppIdConflict(held.clone())),
        }
    }

    /// Drops one claim on `app_id`; the last one frees the page for another app.
    pub fn release(&mut self, app_id: &str) {
        if let Some((held, count)) = &mut self.current {
            if held == app_id {
                *count = count.saturating_sub(1);
                if *count == 0 {
                    self.current = None;
                }
            }
        }
    }

    /// The claimed `appId`, if any.
    pub fn current(&self) -> Option<&str> {
        self.current.as_ref().map(|(id, _)| id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn one_app_per_page_shared_by_every_claim() {
        let mut ids = AppIds::default();
        assert_eq!(ids.claim("111"), Ok(()));
        assert_eq!(ids.claim("111"), Ok(()));
        let err = ids.claim("222").unwrap_err();
        assert_eq!(err.code(), "APP_ID_CONFLICT");
        assert!(err.to_string().contains("appId 111"), "{err}");
        ids.release("222"); // not held: no effect
        ids.release("111");
        assert_eq!(ids.current(), Some("111"));
        assert!(ids.claim("222").is_err());
        ids.release("111");
        assert_eq!(ids.current(), None);
        assert_eq!(ids.claim("222"), Ok(()));
        assert_eq!(ids.current(), Some("222"));
    }
}
