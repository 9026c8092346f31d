//! The asset id lists a `FINISH*` session event may carry besides the WABA:
//! ad accounts, Pages, datasets, catalogs and Instagram accounts the person
//! shared in Meta's dialog.

use serde::{Deserialize, Serialize};

use super::fields::{meta_id_list, Malformed};
use crate::json::Map;

/// `data.ad_account_ids`, `page_ids`, `dataset_ids`, `catalog_ids` and
/// `instagram_account_ids`: each a list of valid Meta ids, empty when Meta
/// sent none (and then left out of the JavaScript shape).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetIds {
    /// `data.ad_account_ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ad_account_ids: Vec<String>,
    /// `data.page_ids`: Facebook Pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_ids: Vec<String>,
    /// `data.dataset_ids`: datasets (Conversions API).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dataset_ids: Vec<String>,
    /// `data.catalog_ids`: product catalogs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalog_ids: Vec<String>,
    /// `data.instagram_account_ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instagram_account_ids: Vec<String>,
}

impl AssetIds {
    /// The wire name and the JavaScript name of each list, with its value.
    pub fn lists(&self) -> [(&'static str, &'static str, &[String]); 5] {
        [
            ("ad_account_ids", "adAccountIds", &self.ad_account_ids),
            ("page_ids", "pageIds", &self.page_ids),
            ("dataset_ids", "datasetIds", &self.dataset_ids),
            ("catalog_ids", "catalogIds", &self.catalog_ids),
            (
                "instagram_account_ids",
                "instagramAccountIds",
                &self.instagram_account_ids,
            ),
        ]
    }

    /// Reads the five lists from an event's `data`; a list that is present
    /// but not a list of valid Meta ids is [`Malformed`] (the event is dropped,
    /// as for any other id field).
    pub(crate) fn from_payload(payload: &Map) -> Result<AssetIds, Malformed> {
        Ok(AssetIds {
            ad_account_ids: meta_id_list(payload, "ad_account_ids")?,
            page_ids: meta_id_list(payload, "page_ids")?,
            dataset_ids: meta_id_list(payload, "dataset_ids")?,
            catalog_ids: meta_id_list(payload, "catalog_ids")?,
            instagram_account_ids: meta_id_list(payload, "instagram_account_ids")?,
        })
    }
}
