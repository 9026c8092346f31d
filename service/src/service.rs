//! [`SignupService`]: configuration, the `Router`, and the callback handler.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use bytes::Bytes;
use serde_json::Value;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use wa_signup::api::{parse_business_profile, ApiError, CallbackRequest};

use crate::checks::{check_csrf, check_json, check_origin, HostAllowlist};
use crate::client::{ClientError, HttpClient};
use crate::direct::DirectConfig;
use crate::error::ServiceError;
use crate::secret::Secret;
use crate::store::{code_key, BoxFuture, CodeStore, MemoryStore};
use crate::url::BaseUrl;

/// Default largest body (a seed 003 body is a few hundred bytes).
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024;
/// Default per-upstream timeout (the browser flow gives up at 20 s).
pub const DEFAULT_UPSTREAM_TIMEOUT: Duration = Duration::from_secs(15);
/// Default bound on the whole request, body reading included.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a forwarded code is remembered (Meta's codes live 30 s).
pub const DEFAULT_CODE_TTL: Duration = Duration::from_secs(600);

/// The integrator's session check: gets the request headers (cookies, the
/// CSRF token), answers `Ok(())`, [`ServiceError::Unauthenticated`] or
/// [`ServiceError::Forbidden`].
pub type AuthorizeHook =
    Arc<dyn Fn(&HeaderMap) -> BoxFuture<'static, Result<(), ServiceError>> + Send + Sync>;

/// Proxy mode: forward to the platform's seed 003 endpoint with the admin key.
#[derive(Debug, Clone)]
pub struct ProxyConfig {
    /// The platform's base URL (`https://api.example.com`).
    pub upstream: BaseUrl,
    /// The `sk_admin_` key.
    pub admin_key: Secret,
}

/// What the service does with a checked code.
#[derive(Clone)]
pub enum Mode {
    /// Forward to the platform.
    Proxy(ProxyConfig),
    /// Onboard directly with Meta's Graph API (Tech Providers).
    Direct(Box<DirectConfig>),
}

impl std::fmt::Debug for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Proxy(p) => f.debug_tuple("Proxy").field(p).finish(),
            Self::Direct(d) => f.debug_tuple("Direct").field(d).finish(),
        }
    }
}

/// Why a [`SignupService`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// The callback service. Build with [`SignupService::proxy`] or
/// [`SignupService::direct`], adjust with the builder methods, then mount
/// [`SignupService::router`] (one route, `POST /callback`) in your app.
#[derive(Clone)]
pub struct SignupService {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    mode: Mode,
    allowed_origins: Vec<String>,
    hosts: Option<HostAllowlist>,
    csrf_header: Option<HeaderName>,
    authorize: Option<AuthorizeHook>,
    store: Arc<dyn CodeStore>,
    max_body_bytes: usize,
    upstream_timeout: Duration,
    request_timeout: Duration,
    code_ttl: Duration,
    client: Option<HttpClient>,
    authorization: Option<HeaderValue>,
}

impl std::fmt::Debug for SignupService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let i = &self.inner;
        f.debug_struct("SignupService")
            .field("mode", &i.mode)
            .field("allowed_origins", &i.allowed_origins)
            .field("hosts", &i.hosts)
            .field("csrf_header", &i.csrf_header)
            .field("authorize", &i.authorize.is_some())
            .field("max_body_bytes", &i.max_body_bytes)
            .field("upstream_timeout", &i.upstream_timeout)
            .field("request_timeout", &i.request_timeout)
            .finish_non_exhaustive()
    }
}

impl SignupService {
    /// Proxy mode: forward to `upstream` + [`CallbackRequest::PATH`] with
    /// `Authorization: Bearer <admin_key>`.
    pub fn proxy(upstream: BaseUrl, admin_key: Secret) -> Self {
        Self::with_mode(Mode::Proxy(ProxyConfig {
            upstream,
            admin_key,
        }))
    }

    /// Direct mode: exchange the code with Meta and onboard (see [`DirectConfig`]).
    pub fn direct(config: DirectConfig) -> Self {
        Self::with_mode(Mode::Direct(Box::new(config)))
    }

    fn with_mode(mode: Mode) -> Self {
        Self {
            inner: Arc::new(Inner {
                mode,
                allowed_origins: Vec::new(),
                hosts: None,
                csrf_header: None,
                authorize: None,
                store: Arc::new(MemoryStore::default()),
                max_body_bytes: DEFAULT_MAX_BODY_BYTES,
                upstream_timeout: DEFAULT_UPSTREAM_TIMEOUT,
                request_timeout: DEFAULT_REQUEST_TIMEOUT,
                code_ttl: DEFAULT_CODE_TTL,
                client: None,
                authorization: None,
            }),
        }
    }

    fn edit(mut self, f: impl FnOnce(&mut Inner)) -> Self {
        f(Arc::make_mut(&mut self.inner));
        self
    }

    /// The page origins allowed to post (exact `scheme://host[:port]`).
    /// Requests without `Origin` or from any other origin get `403 ORIGIN_NOT_ALLOWED`.
    pub fn allowed_origins<I, S>(self, origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let origins: Vec<String> = origins.into_iter().map(Into::into).collect();
        self.edit(|i| i.allowed_origins = origins)
    }

    /// Only these `Host` values are served (`421 HOST_NOT_ALLOWED` otherwise).
    pub fn allowed_hosts(self, hosts: HostAllowlist) -> Self {
        self.edit(|i| i.hosts = Some(hosts))
    }

    /// Requires the header `name` (the widget's `headers` option sends it).
    pub fn csrf_header(self, name: HeaderName) -> Self {
        self.edit(|i| i.csrf_header = Some(name))
    }

    /// Authorises each request against the integrator's own session, before
    /// the body is read or anything is sent.
    pub fn authorize<F, Fut>(self, hook: F) -> Self
    where
        F: Fn(&HeaderMap) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), ServiceError>> + Send + 'static,
    {
        let hook: AuthorizeHook = Arc::new(move |h| Box::pin(hook(h)));
        self.edit(|i| i.authorize = Some(hook))
    }

    /// The forwarded-once store ([`MemoryStore`] by default; a
    /// `RedisStore` for several instances).
    pub fn store(self, store: impl CodeStore) -> Self {
        let store: Arc<dyn CodeStore> = Arc::new(store);
        self.edit(|i| i.store = store)
    }

    /// Largest body accepted (`413 BODY_TOO_LARGE`).
    pub fn max_body_bytes(self, bytes: usize) -> Self {
        self.edit(|i| i.max_body_bytes = bytes)
    }

    /// Per-upstream-call timeout (`504 UPSTREAM_TIMEOUT`).
    pub fn upstream_timeout(self, timeout: Duration) -> Self {
        self.edit(|i| i.upstream_timeout = timeout)
    }

    /// Bound on the whole request (`408 REQUEST_TIMEOUT`); keep it above the
    /// upstream timeout (times the Graph calls in direct mode).
    pub fn request_timeout(self, timeout: Duration) -> Self {
        self.edit(|i| i.request_timeout = timeout)
    }

    /// How long a forwarded code is remembered.
    pub fn code_ttl(self, ttl: Duration) -> Self {
        self.edit(|i| i.code_ttl = ttl)
    }

    /// Checks the configuration and builds the HTTP client.
    pub fn build(self) -> Result<Self, ConfigError> {
        let i = &self.inner;
        if i.allowed_origins.is_empty() {
            return Err(ConfigError(
                "allowed_origins is empty: name the page origins that may post codes".into(),
            ));
        }
        for o in &i.allowed_origins {
            // The core crate's URL check; an origin is nothing after the authority.
            let ok = wa_signup::http_url::HttpUrl::parse(o).is_ok_and(|u| u.rest.is_empty());
            if !ok {
                return Err(ConfigError(format!(
                    "allowed origin {o:?} is not scheme://host[:port]"
                )));
            }
        }
        let authorization = match &i.mode {
            Mode::Proxy(p) => {
                let key = p
                    .admin_key
                    .clone()
                    .require_admin_key()
                    .map_err(|e| ConfigError(e.0))?;
                let mut v = HeaderValue::from_str(&format!("Bearer {}", key.expose()))
                    .map_err(|_| ConfigError("the admin key is not a valid header value".into()))?;
                v.set_sensitive(true);
                Some(v)
            }
            Mode::Direct(d) => {
                d.validate().map_err(ConfigError)?;
                None
            }
        };
        let client = HttpClient::new().map_err(|e| ConfigError(e.to_string()))?;
        Ok(self.edit(|i| {
            i.client = Some(client);
            i.authorization = authorization;
        }))
    }

    /// One route, `POST /callback`, with the body limit and the request
    /// timeout as tower layers. Nest it: `.nest("/api/signup", service.router())`.
    pub fn router(&self) -> Router {
        with_limits(
            Router::new()
                .route("/callback", post(handle))
                .with_state(self.clone()),
            self.inner.max_body_bytes,
            self.inner.request_timeout,
        )
    }

    /// Handles one callback (the router's handler; also callable directly).
    pub async fn handle_callback(
        &self,
        method: &Method,
        headers: &HeaderMap,
        body: Body,
    ) -> Response {
        match self.run(method, headers, body).await {
            Ok(response) => response,
            Err(e) => e.into_response(),
        }
    }

    async fn run(
        &self,
        method: &Method,
        headers: &HeaderMap,
        body: Body,
    ) -> Result<Response, ServiceError> {
        let i = &self.inner;
        if method != Method::POST {
            return Err(ServiceError::MethodNotAllowed);
        }
        if let Some(hosts) = &i.hosts {
            hosts.check(headers)?;
        }
        check_origin(headers, &i.allowed_origins)?;
        check_json(headers)?;
        if let Some(name) = &i.csrf_header {
            check_csrf(headers, name)?;
        }
        if let Some(hook) = &i.authorize {
            hook(headers).await?;
        }
        let bytes = read_body(body, i.max_body_bytes).await?;
        let text = std::str::from_utf8(&bytes).map_err(|_| {
            ServiceError::InvalidRequest(ApiError::InvalidJson {
                reason: "the body is not UTF-8".into(),
            })
        })?;
        let request = CallbackRequest::from_json(text).map_err(ServiceError::InvalidRequest)?;
        if let Mode::Direct(d) = &i.mode {
            d.check_redirect_uri(&request)?;
        }
        let client = i
            .client
            .as_ref()
            .ok_or_else(|| ServiceError::UpstreamUnavailable("call build() first".into()))?;
        let key = code_key(request.code());
        let first = i
            .store
            .claim(&key, i.code_ttl)
            .await
            .map_err(|e| ServiceError::StoreUnavailable(e.0))?;
        if !first {
            return Err(ServiceError::CodeAlreadyForwarded);
        }
        let result = match &i.mode {
            Mode::Proxy(p) => self.forward(client, p, bytes).await,
            Mode::Direct(d) => d
                .onboard(client, i.upstream_timeout, &request)
                .await
                .map(|done| (StatusCode::CREATED, Json(done)).into_response()),
        };
        if let Err(ServiceError::UpstreamUnreachable(_)) = &result {
            // Nothing left this process: the code is still unused, let it be posted again.
            let _ = i.store.release(&key).await;
        }
        result
    }

    async fn forward(
        &self,
        client: &HttpClient,
        p: &ProxyConfig,
        body: Bytes,
    ) -> Result<Response, ServiceError> {
        let mut headers = HeaderMap::new();
        if let Some(auth) = &self.inner.authorization {
            headers.insert(header::AUTHORIZATION, auth.clone());
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            header::USER_AGENT,
            HeaderValue::from_static(concat!("wa-signup-service/", env!("CARGO_PKG_VERSION"))),
        );
        let answer = client
            .send(
                &p.upstream,
                Method::POST,
                CallbackRequest::PATH,
                headers,
                body,
                self.inner.upstream_timeout,
            )
            .await
            .map_err(|e| match e {
                ClientError::Timeout => ServiceError::UpstreamTimeout,
                ClientError::Unsent(why) => ServiceError::UpstreamUnreachable(why),
                ClientError::Transport(why) => ServiceError::UpstreamUnavailable(why),
            })?;
        let text = std::str::from_utf8(&answer.body)
            .map_err(|_| ServiceError::UpstreamInvalidResponse("not UTF-8".into()))?;
        if answer.status.is_success() {
            let profile = parse_business_profile(text)
                .map_err(|e| ServiceError::UpstreamInvalidResponse(e.to_string()))?;
            return Ok((answer.status, Json(profile)).into_response());
        }
        Err(upstream_error(answer.status, text))
    }
}

/// The platform's `{ "error": { "code", "message", … } }` with a 4xx/5xx
/// status, passed on; anything else is `UPSTREAM_INVALID_RESPONSE`.
fn upstream_error(status: StatusCode, text: &str) -> ServiceError {
    let parsed: Option<serde_json::Map<String, Value>> = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| match v {
            Value::Object(mut o) => match o.remove("error") {
                Some(Value::Object(e)) => Some(e),
                _ => None,
            },
            _ => None,
        })
        .filter(|e| {
            e.get("code").is_some_and(Value::is_string)
                && e.get("message").is_some_and(Value::is_string)
        });
    match parsed {
        Some(error) if status.is_client_error() || status.is_server_error() => {
            ServiceError::Upstream { status, error }
        }
        _ => ServiceError::UpstreamInvalidResponse(format!(
            "status {} without the platform's error object",
            status.as_u16()
        )),
    }
}

async fn read_body(body: Body, limit: usize) -> Result<Bytes, ServiceError> {
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let too_large = std::error::Error::source(&e)
            .is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
            || e.to_string().contains("length limit");
        if too_large {
            ServiceError::BodyTooLarge
        } else {
            ServiceError::InvalidRequest(ApiError::InvalidJson {
                reason: "the body could not be read".into(),
            })
        }
    })
}

async fn handle(
    State(service): State<SignupService>,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    service.handle_callback(&method, &headers, body).await
}

/// `router` with a body limit ([`RequestBodyLimitLayer`]) and a bound on each
/// request ([`TimeoutLayer`]), both answering with the service's JSON errors
/// (`413 BODY_TOO_LARGE`, `408 REQUEST_TIMEOUT`). For the rest of your app.
pub fn with_limits(router: Router, max_body_bytes: usize, timeout: Duration) -> Router {
    router
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::map_response(json_errors))
}

/// Turns the bare 413/408/405 answers of the tower layers into the service's JSON errors.
async fn json_errors(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return response;
    }
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ServiceError::BodyTooLarge.into_response(),
        StatusCode::REQUEST_TIMEOUT => ServiceError::RequestTimeout.into_response(),
        StatusCode::METHOD_NOT_ALLOWED => {
            let mut answer = ServiceError::MethodNotAllowed.into_response();
            if let Some(allow) = response.headers().get(header::ALLOW) {
                answer.headers_mut().insert(header::ALLOW, allow.clone());
            }
            answer
        }
        _ => response,
    }
}

#[cfg(test)]
mod tests;
