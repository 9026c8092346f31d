//! Command line and environment of the demo server.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

use wa_signup_service::{BaseUrl, Secret};

/// Environment variable holding the platform admin key (proxy mode).
pub const ADMIN_KEY_ENV: &str = "WA_SIGNUP_ADMIN_KEY";
/// Environment variable holding the Meta app secret (direct mode).
pub const APP_SECRET_ENV: &str = "WA_SIGNUP_APP_SECRET";
/// The sandbox Meta's app secret (direct mode against the sandbox).
pub const SANDBOX_APP_SECRET: &str = "5a4db0c3e9f1a2b3c4d5e6f708192a3b";
/// Default header-read timeout.
pub const DEFAULT_HEADER_TIMEOUT_MS: u64 = 10_000;
/// Default bound on each request.
pub const DEFAULT_REQUEST_TIMEOUT_MS: u64 = 30_000;
/// Environment variable for `--port`.
pub const PORT_ENV: &str = "WA_SIGNUP_DEMO_PORT";
/// Environment variable for `--meta-port`.
pub const META_PORT_ENV: &str = "WA_SIGNUP_DEMO_META_PORT";

/// Default demo port.
pub const DEFAULT_PORT: u16 = 8080;
/// Default port of the sandbox Meta origin.
pub const DEFAULT_META_PORT: u16 = 8081;
/// Default TLS port in facebook mode.
pub const DEFAULT_TLS_PORT: u16 = 443;
/// Default Graph API version.
pub const DEFAULT_GRAPH_VERSION: &str = wa_signup::flow::config::DEFAULT_GRAPH_API_VERSION;
/// Default path of the simulated SDK.
pub const DEFAULT_SDK_PATH: &str = "/en_US/sdk.js";
/// Sandbox Meta app id.
pub const DEFAULT_APP_ID: &str = "1234567890";
/// Sandbox Facebook Login for Business configuration id.
pub const DEFAULT_CONFIG_ID: &str = "9876543210";
/// Default upstream timeout (the flow gives up at 20 s by default).
pub const DEFAULT_UPSTREAM_TIMEOUT_MS: u64 = 15_000;

/// Usage text for `--help`.
pub const USAGE: &str = "\
wa-signup-demo: the wa-signup demo server (sandbox by default)

USAGE: wa-signup-demo [OPTIONS]

  --port N              demo page and API port (default 8080; env WA_SIGNUP_DEMO_PORT; 0 = any)
  --meta-port N         sandbox Meta origin: simulated SDK + dialog (default 8081;
                        env WA_SIGNUP_DEMO_META_PORT; 0 = any)
  --host ADDR           loopback address to bind (default 127.0.0.1)
  --web-pkg DIR         the widget package (default: web/pkg of this repository)
  --sdk-path PATH       path of the simulated SDK (default /en_US/sdk.js)
  --graph-version V     Graph API version (default v25.0)
  --app-id ID           Meta app id shown to the widget (default 1234567890)
  --config-id ID        configuration id shown to the widget (default 9876543210)

Proxy mode (the admin key stays on this server; WA_SIGNUP_ADMIN_KEY_FILE names a file instead):
  --upstream URL        forward POST /api/signup/callback to
                        URL/v1/organization/whatsapp/business-profiles/callback with
                        Authorization: Bearer $WA_SIGNUP_ADMIN_KEY (must be sk_admin_...)
  --upstream-timeout-ms N   give up on the upstream after N ms (default 15000)
  --real-meta           the page loads Meta's real SDK (needs your --app-id/--config-id)

Direct mode (you are the Tech Provider: no platform in between):
  --direct              exchange the code with Meta's Graph API, check debug_token, subscribe
                        the app to the WABA, register the number (not for coexistence)
  --graph-url URL       Graph API base (default: this server's sandbox Meta; for the real one
                        https://graph.facebook.com with WA_SIGNUP_APP_SECRET[_FILE] and --app-id)
  --redirect-uri URL    the exact redirect_uri of a redirect-flow dialog (repeatable; popup
                        codes need none)

Proxy and direct modes (the callback goes through wa-signup-service):
  --allowed-origin O    another page origin allowed to post codes (repeatable; the demo page's
                        own origin is always allowed)
  --redis-url URL       share the forwarded-once store with other instances (redis://host:port)

Every mode:
  --allowed-host H      another Host value served (repeatable; default 127.0.0.1:<port>,
                        localhost:<port>, [::1]:<port> of each listener)
  --header-timeout-ms N close connections that send no whole header within N ms (default 10000)
  --request-timeout-ms N  bound on each request (default 30000)

End-to-end mode (simulated facebook.com over TLS):
  --facebook-mode       also serve https://connect.facebook.net/en_US/sdk.js,
                        https://www.facebook.com/<v>/dialog/oauth and https://evilfacebook.com/
                        on one TLS port; the page uses the production SDK URL and allowlist
  --tls-cert FILE       PEM certificate chain (SANs: connect.facebook.net, www.facebook.com,
                        web.facebook.com, evilfacebook.com)
  --tls-key FILE        PEM private key
  --tls-port N          TLS port (default 443; 0 = any)

  --help                this text
";

/// Where the page gets Meta from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaMode {
    /// Simulated SDK and dialog on the sandbox Meta origin (`--meta-port`).
    Sandbox,
    /// Simulated SDK and dialog as `https://connect.facebook.net` /
    /// `https://www.facebook.com` over TLS (`--facebook-mode`).
    Facebook(TlsConfig),
    /// Meta's real SDK (`--real-meta`).
    Real,
}

/// TLS files and port for facebook mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
    /// Port to listen on.
    pub port: u16,
}

/// Proxy mode settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    /// The platform base URL.
    pub url: BaseUrl,
    /// The admin key (a [`Secret`]: `Debug` redacts it).
    pub admin_key: Secret,
    /// How long to wait for the upstream.
    pub timeout: Duration,
}

/// Direct mode settings (onboard with Meta's Graph API, no platform).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Direct {
    /// The Graph API base; `None` = this server's sandbox Meta origin.
    pub graph_url: Option<BaseUrl>,
    /// The Meta app secret.
    pub app_secret: Secret,
    /// How long to wait for each Graph call.
    pub timeout: Duration,
    /// The exact `redirect_uri`s of redirect-flow dialogs whose codes are accepted.
    pub redirect_uris: Vec<String>,
}

/// Everything the server needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Loopback address to bind.
    pub host: IpAddr,
    /// Demo page and API port.
    pub port: u16,
    /// Sandbox Meta origin port.
    pub meta_port: u16,
    /// The widget package directory.
    pub web_pkg: PathBuf,
    /// Path of the simulated SDK.
    pub sdk_path: String,
    /// Graph API version.
    pub graph_version: String,
    /// Meta app id for the page.
    pub app_id: String,
    /// Configuration id for the page.
    pub config_id: String,
    /// Where Meta comes from.
    pub meta: MetaMode,
    /// Proxy mode, if set.
    pub upstream: Option<Upstream>,
    /// Direct mode, if set.
    pub direct: Option<Direct>,
    /// Origins besides the demo page's allowed to post codes (proxy and direct modes).
    pub allowed_origins: Vec<String>,
    /// `Host` values besides `127.0.0.1:<port>` / `localhost:<port>` / `[::1]:<port>`.
    pub allowed_hosts: Vec<String>,
    /// A connection must send a whole request header within this time.
    pub header_timeout: Duration,
    /// Bound on each request, body included.
    pub request_timeout: Duration,
    /// Redis URL for the forwarded-once store (else in memory).
    pub redis_url: Option<Secret>,
}

/// What `from_args` decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run with this configuration.
    Run(Box<Config>),
    /// Print [`USAGE`] and exit.
    Help,
}

/// A refused command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl From<lexopt::Error> for ConfigError {
    fn from(e: lexopt::Error) -> Self {
        ConfigError(format!("{e} (see --help)"))
    }
}

fn err<T>(message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(message.into()))
}

impl Config {
    /// The sandbox defaults, on ports chosen by the OS (for tests).
    pub fn ephemeral() -> Config {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            meta_port: 0,
            web_pkg: default_web_pkg(),
            sdk_path: DEFAULT_SDK_PATH.to_owned(),
            graph_version: DEFAULT_GRAPH_VERSION.to_owned(),
            app_id: DEFAULT_APP_ID.to_owned(),
            config_id: DEFAULT_CONFIG_ID.to_owned(),
            meta: MetaMode::Sandbox,
            upstream: None,
            direct: None,
            allowed_origins: Vec::new(),
            allowed_hosts: Vec::new(),
            header_timeout: Duration::from_millis(DEFAULT_HEADER_TIMEOUT_MS),
            request_timeout: Duration::from_millis(DEFAULT_REQUEST_TIMEOUT_MS),
            redis_url: None,
        }
    }

    /// Parses `args` (without the program name, with `lexopt`), reading the
    /// environment through `env`.
    pub fn from_args<I, S, E>(args: I, env: E) -> Result<Command, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::ffi::OsString>,
        E: Fn(&str) -> Option<String>,
    {
        use lexopt::prelude::*;
        let mut config = Config::ephemeral();
        config.port = match env(PORT_ENV) {
            Some(p) => port(PORT_ENV, &p)?,
            None => DEFAULT_PORT,
        };
        config.meta_port = match env(META_PORT_ENV) {
            Some(p) => port(META_PORT_ENV, &p)?,
            None => DEFAULT_META_PORT,
        };
        let mut upstream_url = None;
        let mut upstream_timeout = DEFAULT_UPSTREAM_TIMEOUT_MS;
        let mut direct = false;
        let mut graph_url = None;
        let mut redirect_uris = Vec::new();
        let mut facebook = false;
        let mut real_meta = false;
        let mut tls_cert = None;
        let mut tls_key = None;
        let mut tls_port = DEFAULT_TLS_PORT;

        let mut parser = lexopt::Parser::from_args(args);
        loop {
            let flag = match parser.next()? {
                Some(Long(l)) => format!("--{l}"),
                Some(Short(c)) => format!("-{c}"),
                Some(Value(v)) => return err(format!("unexpected argument {v:?} (see --help)")),
                None => break,
            };
            let mut value = || -> Result<String, ConfigError> {
                parser
                    .value()
                    .map_err(|_| ConfigError(format!("{flag} needs a value")))?
                    .string()
                    .map_err(|_| ConfigError(format!("{flag} must be UTF-8")))
            };
            match flag.as_str() {
                "--help" | "-h" => return Ok(Command::Help),
                "--port" => config.port = port("--port", &value()?)?,
                "--meta-port" => config.meta_port = port("--meta-port", &value()?)?,
                "--tls-port" => tls_port = port("--tls-port", &value()?)?,
                "--host" => {
                    let v = value()?;
                    config.host = match v.parse::<IpAddr>() {
                        Ok(ip) if ip.is_loopback() => ip,
                        _ => return err(format!("--host must be a loopback address, not {v:?}")),
                    };
                }
                "--web-pkg" => config.web_pkg = PathBuf::from(value()?),
                "--sdk-path" => {
                    let v = value()?;
                    if !v.starts_with('/') || v.starts_with("/__") || !v.ends_with(".js") {
                        return err("--sdk-path must start with / (not /__) and end with .js");
                    }
                    config.sdk_path = v;
                }
                "--graph-version" => {
                    let v = value()?;
                    if !wa_signup::flow::config::is_graph_api_version(&v) {
                        return err("--graph-version must look like v25.0");
                    }
                    config.graph_version = v;
                }
                "--app-id" => config.app_id = meta_id("--app-id", value()?)?,
                "--config-id" => config.config_id = meta_id("--config-id", value()?)?,
                "--upstream" => {
                    upstream_url = Some(
                        BaseUrl::parse(&value()?)
                            .map_err(|e| ConfigError(format!("--upstream: {e}")))?,
                    );
                }
                "--upstream-timeout-ms" => {
                    upstream_timeout = millis("--upstream-timeout-ms", &value()?, 100, 120_000)?;
                }
                "--direct" => direct = true,
                "--graph-url" => {
                    graph_url = Some(
                        BaseUrl::parse(&value()?)
                            .map_err(|e| ConfigError(format!("--graph-url: {e}")))?,
                    );
                }
                "--redirect-uri" => redirect_uris.push(value()?),
                "--allowed-origin" => {
                    let v = value()?;
                    if !(v.starts_with("https://") || v.starts_with("http://")) || v.ends_with('/')
                    {
                        return err("--allowed-origin must be scheme://host[:port]");
                    }
                    config.allowed_origins.push(v);
                }
                "--allowed-host" => config.allowed_hosts.push(value()?),
                "--header-timeout-ms" => {
                    config.header_timeout = Duration::from_millis(millis(
                        "--header-timeout-ms",
                        &value()?,
                        50,
                        120_000,
                    )?);
                }
                "--request-timeout-ms" => {
                    config.request_timeout = Duration::from_millis(millis(
                        "--request-timeout-ms",
                        &value()?,
                        100,
                        600_000,
                    )?);
                }
                "--redis-url" => config.redis_url = Some(Secret::new(value()?)),
                "--facebook-mode" => facebook = true,
                "--real-meta" => real_meta = true,
                "--tls-cert" => tls_cert = Some(PathBuf::from(value()?)),
                "--tls-key" => tls_key = Some(PathBuf::from(value()?)),
                other => return err(format!("unknown option {other:?} (see --help)")),
            }
        }

        config.meta = match (facebook, real_meta, tls_cert, tls_key) {
            (true, true, _, _) => return err("--facebook-mode and --real-meta exclude each other"),
            (true, false, Some(cert), Some(key)) => MetaMode::Facebook(TlsConfig {
                cert,
                key,
                port: tls_port,
            }),
            (true, false, _, _) => return err("--facebook-mode needs --tls-cert and --tls-key"),
            (false, _, Some(_), _) | (false, _, _, Some(_)) => {
                return err("--tls-cert/--tls-key are only used with --facebook-mode")
            }
            (false, true, None, None) => MetaMode::Real,
            (false, false, None, None) => MetaMode::Sandbox,
        };

        let secret = |name: &str| -> Option<Secret> {
            env(&format!("{name}_FILE"))
                .filter(|p| !p.is_empty())
                .and_then(|p| Secret::from_file(std::path::Path::new(&p)).ok())
                .or_else(|| {
                    env(name)
                        .filter(|v| !v.trim().is_empty())
                        .map(|v| Secret::new(v.trim()))
                })
        };
        if let Some(url) = upstream_url {
            if direct {
                return err("--upstream and --direct exclude each other");
            }
            let Some(key) = secret(ADMIN_KEY_ENV) else {
                return err(format!(
                    "--upstream needs the admin key in {ADMIN_KEY_ENV} (or a file named by {ADMIN_KEY_ENV}_FILE)"
                ));
            };
            let key = key
                .require_admin_key()
                .map_err(|_| ConfigError(format!("{ADMIN_KEY_ENV} must hold an sk_admin_… key")))?;
            config.upstream = Some(Upstream {
                url,
                admin_key: key,
                timeout: Duration::from_millis(upstream_timeout),
            });
        } else if direct {
            let app_secret = match (secret(APP_SECRET_ENV), &graph_url) {
                (Some(s), _) => s,
                (None, None) => Secret::new(SANDBOX_APP_SECRET),
                (None, Some(_)) => {
                    return err(format!(
                        "--graph-url needs the app secret in {APP_SECRET_ENV}"
                    ))
                }
            };
            config.direct = Some(Direct {
                graph_url,
                app_secret,
                timeout: Duration::from_millis(upstream_timeout),
                redirect_uris,
            });
        } else if graph_url.is_some() || !redirect_uris.is_empty() {
            return err("--graph-url and --redirect-uri are only used with --direct");
        }
        Ok(Command::Run(Box::new(config)))
    }
}

/// `<repo>/web/pkg`, found from this crate's manifest directory at build time.
pub fn default_web_pkg() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("web")
        .join("pkg")
}

fn port(name: &str, text: &str) -> Result<u16, ConfigError> {
    text.trim().parse::<u16>().map_err(|_| {
        ConfigError(format!(
            "{name} must be a port number 0..=65535, not {text:?}"
        ))
    })
}

fn millis(name: &str, text: &str, min: u64, max: u64) -> Result<u64, ConfigError> {
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|ms| (min..=max).contains(ms))
        .ok_or_else(|| ConfigError(format!("{name} must be {min}..={max}")))
}

fn meta_id(name: &str, text: String) -> Result<String, ConfigError> {
    if wa_signup::meta_id::is_meta_id(&text) {
        Ok(text)
    } else {
        err(format!("{name} must be a numeric Meta id"))
    }
}

#[cfg(test)]
mod tests;
