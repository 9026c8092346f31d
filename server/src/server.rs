//! Binding the listeners and running the routers until shutdown.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use wa_signup_service::{serve, HostAllowlist, ServeOptions};

use crate::config::{Config, MetaMode};
use crate::state::{AppState, Origins};
use crate::{demo, meta, platform, sandbox_api, tls};

/// Largest request body accepted (callback bodies are tiny).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Why the server could not start.
#[derive(Debug)]
pub struct StartError(pub String);

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// A started server; [`shutdown`](Self::shutdown) stops it.
#[derive(Debug)]
pub struct RunningServer {
    /// The demo page and API address.
    pub app_addr: SocketAddr,
    /// The sandbox Meta origin address.
    pub meta_addr: SocketAddr,
    /// The facebook-mode TLS address, if any.
    pub tls_addr: Option<SocketAddr>,
    /// Shared state (tests inspect it).
    pub state: Arc<AppState>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningServer {
    /// `http://127.0.0.1:8080`.
    pub fn app_origin(&self) -> &str {
        &self.state.origins.app
    }

    /// `http://127.0.0.1:8081`.
    pub fn meta_origin(&self) -> &str {
        &self.state.origins.sandbox_meta
    }

    /// Stops accepting, lets in-flight requests finish, and waits.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

fn origin(host: IpAddr, port: u16) -> String {
    match host {
        IpAddr::V4(ip) => format!("http://{ip}:{port}"),
        IpAddr::V6(ip) => format!("http://[{ip}]:{port}"),
    }
}

async fn bind(host: IpAddr, port: u16, what: &str) -> Result<TcpListener, StartError> {
    TcpListener::bind((host, port)).await.map_err(|e| {
        StartError(format!(
            "cannot listen on {host}:{port} for the {what}: {e}"
        ))
    })
}

/// `127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`, the bound address, and `extra`.
fn hosts(addr: SocketAddr, extra: &[String]) -> HostAllowlist {
    let port = addr.port();
    let mut names = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        addr.to_string(),
    ];
    names.extend(extra.iter().cloned());
    HostAllowlist::new(names)
}

/// The body limit and the request timeout, as tower layers.
fn bounded(router: Router, timeout: std::time::Duration) -> Router {
    wa_signup_service::with_limits(router, MAX_BODY_BYTES, timeout)
}

/// Binds every listener and serves until [`RunningServer::shutdown`].
pub async fn start(config: Config) -> Result<RunningServer, StartError> {
    let app_listener = bind(config.host, config.port, "demo page").await?;
    let meta_listener = bind(config.host, config.meta_port, "sandbox Meta origin").await?;
    let app_addr = app_listener
        .local_addr()
        .map_err(|e| StartError(e.to_string()))?;
    let meta_addr = meta_listener
        .local_addr()
        .map_err(|e| StartError(e.to_string()))?;
    let tls_listener = match &config.meta {
        MetaMode::Facebook(tls_config) => {
            let acceptor = tls::acceptor(&tls_config.cert, &tls_config.key)
                .map_err(|e| StartError(e.to_string()))?;
            let tcp = bind(config.host, tls_config.port, "facebook-mode TLS").await?;
            Some(tls::TlsListener::new(tcp, acceptor).map_err(|e| StartError(e.to_string()))?)
        }
        _ => None,
    };
    let tls_addr = match &tls_listener {
        Some(l) => {
            Some(axum::serve::Listener::local_addr(l).map_err(|e| StartError(e.to_string()))?)
        }
        None => None,
    };
    let origins = Origins {
        app: origin(app_addr.ip(), app_addr.port()),
        sandbox_meta: origin(meta_addr.ip(), meta_addr.port()),
    };
    let service = crate::callback_service::build(&config, &origins.app, &origins.sandbox_meta)
        .map_err(StartError)?;
    let options = ServeOptions {
        header_read_timeout: config.header_timeout,
        ..ServeOptions::default()
    };
    let app_hosts = hosts(app_addr, &config.allowed_hosts);
    let meta_hosts = hosts(meta_addr, &config.allowed_hosts);
    let request_timeout = config.request_timeout;
    let state = Arc::new(AppState::new(config, origins, service));

    let app = bounded(
        app_hosts.apply(
            Router::new()
                .merge(demo::router())
                .merge(platform::router())
                .merge(sandbox_api::router())
                .with_state(state.clone()),
        ),
        request_timeout,
    );
    let meta_app = bounded(
        meta_hosts.apply(meta::sandbox_router(state.clone())),
        request_timeout,
    );

    let (stop, stopped) = watch::channel(false);
    let until_stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let mut tasks = vec![
        tokio::spawn({
            let s = until_stopped(stopped.clone());
            async move {
                serve(app_listener, app, options, s).await;
            }
        }),
        tokio::spawn({
            let s = until_stopped(stopped.clone());
            async move {
                serve(meta_listener, meta_app, options, s).await;
            }
        }),
    ];
    if let Some(listener) = tls_listener {
        let fb = bounded(meta::facebook_router(state.clone()), request_timeout);
        let s = until_stopped(stopped.clone());
        tasks.push(tokio::spawn(async move {
            serve(listener, fb, options, s).await;
        }));
    }
    Ok(RunningServer {
        app_addr,
        meta_addr,
        tls_addr,
        state,
        stop,
        tasks,
    })
}

/// The startup text: URLs, mode, and one machine-readable `WA_SIGNUP_DEMO_READY` line.
pub fn banner(server: &RunningServer) -> String {
    let state = &server.state;
    let app = server.app_origin();
    let meta = server.meta_origin();
    let mode = match &state.config.meta {
        MetaMode::Sandbox => "sandbox Meta",
        MetaMode::Facebook(_) => "facebook mode (simulated facebook.com over TLS)",
        MetaMode::Real => "Meta's real SDK",
    };
    let callback = match &state.service {
        Some(service) if service.mode == "proxy" => format!(
            "{} (proxy: Authorization added server-side)",
            service.target
        ),
        Some(service) => format!(
            "Meta's Graph API at {} (direct: exchange, debug_token, subscribed_apps, register)",
            service.target
        ),
        None => "the in-process sandbox platform (seed 003)".to_owned(),
    };
    let mut text = format!(
        "wa-signup demo ({mode}) is running:\n  open      {app}/\n  Meta      {meta}  (simulated SDK at {meta}{sdk}, dialog at {meta}/{v}/dialog/oauth)\n  callback  POST {app}{cb} -> {callback}\n  sandbox   {app}/__sandbox/requests\n",
        sdk = state.config.sdk_path,
        v = state.config.graph_version,
        cb = demo::CALLBACK_PATH,
    );
    if let Some(tls) = server.tls_addr {
        text.push_str(&format!(
            "  TLS       {tls}  as https://connect.facebook.net, https://www.facebook.com, https://evilfacebook.com\n"
        ));
    }
    text.push_str("Press Ctrl-C to stop.\n");
    text.push_str(&format!(
        "WA_SIGNUP_DEMO_READY app={app} meta={meta} tls={}",
        server
            .tls_addr
            .map_or_else(|| "-".to_owned(), |a| a.to_string())
    ));
    text
}
