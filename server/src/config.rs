//! Command line and environment of the demo server.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::time::Duration;

use crate::upstream_url::UpstreamUrl;

/// Environment variable holding the platform admin key (proxy mode).
pub const ADMIN_KEY_ENV: &str = "WA_SIGNUP_ADMIN_KEY";
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

Proxy mode (the admin key stays on this server):
  --upstream URL        forward POST /api/signup/callback to
                        URL/v1/organization/whatsapp/business-profiles/callback with
                        Authorization: Bearer $WA_SIGNUP_ADMIN_KEY (must be sk_admin_...)
  --upstream-timeout-ms N   give up on the upstream after N ms (default 15000)
  --real-meta           the page loads Meta's real SDK (needs your --app-id/--config-id)

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
#[derive(Clone, PartialEq, Eq)]
pub struct Upstream {
    /// The platform base URL.
    pub url: UpstreamUrl,
    /// The admin key (never printed: `Debug` redacts it).
    pub admin_key: String,
    /// How long to wait for the upstream.
    pub timeout: Duration,
}

impl fmt::Debug for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upstream")
            .field("url", &self.url)
            .field("admin_key", &"sk_admin_…")
            .field("timeout", &self.timeout)
            .finish()
    }
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
        }
    }

    /// Parses `args` (without the program name), reading the environment
    /// through `env`.
    pub fn from_args<I, S, E>(args: I, env: E) -> Result<Command, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
        E: Fn(&str) -> Option<String>,
    {
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
        let mut facebook = false;
        let mut real_meta = false;
        let mut tls_cert = None;
        let mut tls_key = None;
        let mut tls_port = DEFAULT_TLS_PORT;

        let mut args = args.into_iter().map(Into::into);
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| -> Result<String, ConfigError> {
                match inline.clone().or_else(|| args.next()) {
                    Some(v) => Ok(v),
                    None => err(format!("{name} needs a value")),
                }
            };
            match flag.as_str() {
                "--help" | "-h" => return Ok(Command::Help),
                "--port" => config.port = port("--port", &value("--port")?)?,
                "--meta-port" => config.meta_port = port("--meta-port", &value("--meta-port")?)?,
                "--tls-port" => tls_port = port("--tls-port", &value("--tls-port")?)?,
                "--host" => {
                    let v = value("--host")?;
                    config.host = match v.parse::<IpAddr>() {
                        Ok(ip) if ip.is_loopback() => ip,
                        _ => return err(format!("--host must be a loopback address, not {v:?}")),
                    };
                }
                "--web-pkg" => config.web_pkg = PathBuf::from(value("--web-pkg")?),
                "--sdk-path" => {
                    let v = value("--sdk-path")?;
                    if !v.starts_with('/') || v.starts_with("/__") || !v.ends_with(".js") {
                        return err("--sdk-path must start with / (not /__) and end with .js");
                    }
                    config.sdk_path = v;
                }
                "--graph-version" => {
                    let v = value("--graph-version")?;
                    if !wa_signup::flow::config::is_graph_api_version(&v) {
                        return err("--graph-version must look like v25.0");
                    }
                    config.graph_version = v;
                }
                "--app-id" => config.app_id = meta_id("--app-id", value("--app-id")?)?,
                "--config-id" => config.config_id = meta_id("--config-id", value("--config-id")?)?,
                "--upstream" => {
                    let v = value("--upstream")?;
                    upstream_url =
                        Some(UpstreamUrl::parse(&v).map_err(|e| ConfigError(e.to_string()))?);
                }
                "--upstream-timeout-ms" => {
                    upstream_timeout = value("--upstream-timeout-ms")?
                        .parse::<u64>()
                        .ok()
                        .filter(|ms| (100..=120_000).contains(ms))
                        .ok_or(ConfigError(
                            "--upstream-timeout-ms must be 100..=120000".into(),
                        ))?;
                }
                "--facebook-mode" => facebook = true,
                "--real-meta" => real_meta = true,
                "--tls-cert" => tls_cert = Some(PathBuf::from(value("--tls-cert")?)),
                "--tls-key" => tls_key = Some(PathBuf::from(value("--tls-key")?)),
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

        if let Some(url) = upstream_url {
            let Some(key) = env(ADMIN_KEY_ENV) else {
                return err(format!(
                    "--upstream needs the admin key in the {ADMIN_KEY_ENV} environment variable"
                ));
            };
            let key = key.trim().to_owned();
            if !key.starts_with(wa_signup::secret::ADMIN_KEY_PREFIX)
                || !wa_signup::secret::is_secret_key(&key)
                || !key.bytes().all(|b| b.is_ascii_graphic())
            {
                return err(format!("{ADMIN_KEY_ENV} must hold an sk_admin_… key"));
            }
            config.upstream = Some(Upstream {
                url,
                admin_key: key,
                timeout: Duration::from_millis(upstream_timeout),
            });
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

fn meta_id(name: &str, text: String) -> Result<String, ConfigError> {
    if wa_signup::meta_id::is_meta_id(&text) {
        Ok(text)
    } else {
        err(format!("{name} must be a numeric Meta id"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usage_names_the_one_default_graph_version() {
        assert!(USAGE.contains(&format!("(default {DEFAULT_GRAPH_VERSION})")));
        assert_eq!(Config::ephemeral().graph_version, "v25.0");
    }

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Command, ConfigError> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_args(args.iter().copied(), move |k| {
            env.iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        })
    }

    fn run(args: &[&str], env: &[(&str, &str)]) -> Config {
        match parse(args, env) {
            Ok(Command::Run(c)) => *c,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn defaults_are_the_sandbox_on_8080_and_8081() {
        let c = run(&[], &[]);
        assert_eq!((c.port, c.meta_port), (8080, 8081));
        assert_eq!(c.meta, MetaMode::Sandbox);
        assert!(c.upstream.is_none());
        assert_eq!(c.host, IpAddr::V4(Ipv4Addr::LOCALHOST));
    }

    #[test]
    fn ports_come_from_flags_over_environment() {
        let c = run(
            &["--port", "9000"],
            &[(PORT_ENV, "7000"), (META_PORT_ENV, "7001")],
        );
        assert_eq!((c.port, c.meta_port), (9000, 7001));
        let c = run(&["--port=0", "--meta-port=0"], &[]);
        assert_eq!((c.port, c.meta_port), (0, 0));
        assert!(parse(&[], &[(PORT_ENV, "http")]).is_err());
    }

    #[test]
    fn proxy_mode_needs_a_well_formed_admin_key_in_the_environment() {
        assert!(parse(&["--upstream", "https://api.example.com"], &[]).is_err());
        assert!(parse(
            &["--upstream", "https://api.example.com"],
            &[(ADMIN_KEY_ENV, "sk_live_abc")]
        )
        .is_err());
        let c = run(
            &[
                "--upstream",
                "https://api.example.com",
                "--upstream-timeout-ms",
                "500",
            ],
            &[(ADMIN_KEY_ENV, "sk_admin_abc123")],
        );
        let up = c.upstream.expect("proxy");
        assert_eq!(up.admin_key, "sk_admin_abc123");
        assert_eq!(up.timeout, Duration::from_millis(500));
        assert!(
            !format!("{up:?}").contains("abc123"),
            "Debug never shows the key"
        );
    }

    #[test]
    fn facebook_mode_needs_both_pem_files() {
        assert!(parse(&["--facebook-mode"], &[]).is_err());
        assert!(parse(&["--tls-cert", "c.pem", "--tls-key", "k.pem"], &[]).is_err());
        let c = run(
            &[
                "--facebook-mode",
                "--tls-cert",
                "c.pem",
                "--tls-key",
                "k.pem",
                "--tls-port",
                "8443",
            ],
            &[],
        );
        assert_eq!(
            c.meta,
            MetaMode::Facebook(TlsConfig {
                cert: "c.pem".into(),
                key: "k.pem".into(),
                port: 8443
            })
        );
    }

    #[test]
    fn bad_values_are_refused_with_the_flag_named() {
        let cases: [&[&str]; 9] = [
            &["--host", "0.0.0.0"],
            &["--port"],
            &["--port", "65536"],
            &["--app-id", "abc"],
            &["--graph-version", "24"],
            &["--sdk-path", "/__meta/sdk.js"],
            &["--upstream", "http://example.com"],
            &["--facebook-mode", "--real-meta"],
            &["--bogus"],
        ];
        for args in cases {
            let e = parse(args, &[(ADMIN_KEY_ENV, "sk_admin_x1")]).expect_err("refused");
            assert!(e.0.contains("--"), "{args:?}: {e}");
        }
        assert_eq!(parse(&["--help"], &[]), Ok(Command::Help));
    }
}
