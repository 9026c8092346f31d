//! Proxy and direct modes: `POST /api/signup/callback` goes through
//! `wa-signup-service` (Origin, content type, body and time bounds, the seed
//! 003 check, forwarded at most once). No test knobs here: those are
//! sandbox-mode only.

use std::time::Duration;

use wa_signup_service::{BaseUrl, DirectConfig, SignupService};

use crate::config::Config;

/// The service and what the banner says about it.
#[derive(Debug, Clone)]
pub struct CallbackService {
    /// The configured service.
    pub service: SignupService,
    /// `proxy` or `direct`.
    pub mode: &'static str,
    /// Where codes go (no secret).
    pub target: String,
}

/// The service for `config`, if it asks for proxy or direct mode.
pub fn build(
    config: &Config,
    app_origin: &str,
    sandbox_meta: &str,
) -> Result<Option<CallbackService>, String> {
    let (service, mode, target) = if let Some(up) = &config.upstream {
        let target = up.url.url_of(wa_signup::api::CallbackRequest::PATH);
        let service =
            SignupService::proxy(up.url.clone(), up.admin_key.clone()).upstream_timeout(up.timeout);
        (service, "proxy", target)
    } else if let Some(direct) = &config.direct {
        let graph = match &direct.graph_url {
            Some(url) => url.clone(),
            None => BaseUrl::parse(sandbox_meta).map_err(|e| e.to_string())?,
        };
        let target = graph.url_of(&format!("/{}/", config.graph_version));
        let mut settings = DirectConfig::new(config.app_id.clone(), direct.app_secret.clone());
        settings.graph = graph;
        settings.version = config.graph_version.clone();
        settings.redirect_uris = direct.redirect_uris.clone();
        let service = SignupService::direct(settings).upstream_timeout(direct.timeout);
        (service, "direct", target)
    } else {
        return Ok(None);
    };
    let mut origins = vec![app_origin.to_owned()];
    origins.extend(config.allowed_origins.iter().cloned());
    let mut service = service
        .allowed_origins(origins)
        .request_timeout(config.request_timeout)
        .code_ttl(Duration::from_secs(600));
    if let Some(url) = &config.redis_url {
        let store = wa_signup_service::RedisStore::from_url(url.expose(), Duration::from_secs(2))
            .map_err(|e| e.to_string())?;
        service = service.store(store);
    }
    let service = service.build().map_err(|e| e.to_string())?;
    Ok(Some(CallbackService {
        service,
        mode,
        target,
    }))
}
