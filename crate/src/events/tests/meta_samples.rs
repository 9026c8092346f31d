//! Meta's documented `message` event samples, each parsed to the event it names.

use serde_json::json;

use super::*;

#[test]
fn metas_documented_samples() {
    use SessionEventKind as K;
    let cases: Vec<(serde_json::Value, SessionEvent)> = vec![
        // Implementation guide, successful flow (example values from its table).
        (
            json!({"data": {"phone_number_id": "106540352242922", "waba_id": "524126980791429",
                   "business_id": "2729063490586005"}, "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("106540352242922"),
                    waba_id: s("524126980791429"),
                    business_id: s("2729063490586005"),
                },
                ..base(K::Finish)
            },
        ),
        // Same, with the optional asset lists (issue 10: every list is kept).
        (
            json!({"data": {"phone_number_id": "106540352242922", "waba_id": "524126980791429",
                   "business_id": "2729063490586005", "ad_account_ids": ["4052175343162067"],
                   "page_ids": ["1791141545170328"], "dataset_ids": ["524126980791429"],
                   "catalog_ids": ["8827498273649182"], "instagram_account_ids": ["1749204838281942"],
                   "waba_ids": ["524126980791429", "524126980791430"]},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("106540352242922"),
                    waba_id: s("524126980791429"),
                    business_id: s("2729063490586005"),
                },
                waba_ids: vec!["524126980791429".into(), "524126980791430".into()],
                assets: AssetIds {
                    ad_account_ids: vec!["4052175343162067".into()],
                    page_ids: vec!["1791141545170328".into()],
                    dataset_ids: vec!["524126980791429".into()],
                    catalog_ids: vec!["8827498273649182".into()],
                    instagram_account_ids: vec!["1749204838281942".into()],
                },
                ..base(K::Finish)
            },
        ),
        // Bypass phone addition.
        (
            json!({"data": {"waba_id": "524126980791429"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_ONLY_WABA", "version": 3}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("524126980791429"),
                    ..SessionIds::default()
                },
                version: Some(3),
                ..base(K::FinishOnlyWaba)
            },
        ),
        // Coexistence: WABA only, version 3.
        (
            json!({"data": {"waba_id": "524126980791429"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", "version": 3}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("524126980791429"),
                    ..SessionIds::default()
                },
                version: Some(3),
                is_coexistence: true,
                ..base(K::FinishWhatsAppBusinessAppOnboarding)
            },
        ),
        (
            json!({"data": {"phone_number_id": "1", "waba_id": "2", "business_id": "3"},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH_GRANT_ONLY_API_ACCESS"}),
            SessionEvent {
                ids: SessionIds {
                    phone_number_id: s("1"),
                    waba_id: s("2"),
                    business_id: s("3"),
                },
                ..base(K::FinishGrantOnlyApiAccess)
            },
        ),
        (
            json!({"data": {"waba_ids": ["11", "12"]}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "FINISH_OBO_MIGRATION"}),
            SessionEvent {
                waba_ids: vec!["11".into(), "12".into()],
                ..base(K::FinishOboMigration)
            },
        ),
        // Abandoned flow.
        (
            json!({"data": {"current_step": "PHONE_NUMBER_SETUP"}, "type": "WA_EMBEDDED_SIGNUP",
                   "event": "CANCEL"}),
            SessionEvent {
                current_step: s("PHONE_NUMBER_SETUP"),
                ..base(K::Cancel)
            },
        ),
        // User-reported error, v4 (error_code).
        (
            json!({"data": {"error_message": "Your verified name violates WhatsApp guidelines.",
                   "error_code": "524126", "session_id": "f34b51dab5e0498", "timestamp": "1746041036"},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"}),
            SessionEvent {
                error_message: s("Your verified name violates WhatsApp guidelines."),
                error_code: s("524126"),
                session_id: s("f34b51dab5e0498"),
                timestamp: s("1746041036"),
                ..base(K::Cancel)
            },
        ),
        // User-reported error, v3 (error_id), numbers instead of strings.
        (
            json!({"data": {"error_message": "x", "error_id": 524126, "session_id": "f34b51dab5e0498",
                   "timestamp": 1746041036}, "type": "WA_EMBEDDED_SIGNUP", "event": "CANCEL"}),
            SessionEvent {
                error_message: s("x"),
                error_code: s("524126"),
                session_id: s("f34b51dab5e0498"),
                timestamp: s("1746041036"),
                ..base(K::Cancel)
            },
        ),
        (
            json!({"data": {"error_message": "Something went wrong", "error_code": 2},
                   "type": "WA_EMBEDDED_SIGNUP", "event": "ERROR"}),
            SessionEvent {
                error_message: s("Something went wrong"),
                error_code: s("2"),
                ..base(K::Error)
            },
        ),
        // A future event is kept with its name.
        (
            json!({"data": {"waba_id": "5"}, "type": "WA_EMBEDDED_SIGNUP", "event": "FINISH_SOMETHING_NEW"}),
            SessionEvent {
                ids: SessionIds {
                    waba_id: s("5"),
                    ..SessionIds::default()
                },
                ..base(K::Other("FINISH_SOMETHING_NEW".into()))
            },
        ),
        (
            json!({"type": "WA_EMBEDDED_SIGNUP", "event": "PROGRESS"}),
            base(K::Other("PROGRESS".into())),
        ),
    ];
    for (data, want) in cases {
        assert_eq!(parse(&data).as_ref(), Some(&want), "{data}");
    }
}
