//! The `appIds` list shared by seed 000 (assign apps) and seed 001 (register).

use super::error::ApiError;
use crate::ids;

/// Every entry must be an `app_[test_]{ksuid}`; the error names `appIds[i]`.
pub(crate) fn check_app_ids(app_ids: &[String]) -> Result<(), ApiError> {
    match app_ids.iter().position(|id| !ids::is_app_id(id)) {
        Some(i) => Err(ApiError::InvalidAppId {
            field: format!("appIds[{i}]"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_bad_entry() {
        let ok = "app_2DbBs7GWhGvVNJGrDXr5RG0mBWI".to_owned();
        assert_eq!(check_app_ids(&[]), Ok(()));
        assert_eq!(
            check_app_ids(&[ok.clone(), "app_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI".into()]),
            Ok(())
        );
        assert_eq!(
            check_app_ids(&[
                ok.clone(),
                ok.clone(),
                "APP_2DbBs7GWhGvVNJGrDXr5RG0mBWI".into(),
                "x".into()
            ]),
            Err(ApiError::InvalidAppId {
                field: "appIds[2]".into()
            })
        );
    }
}
