//! Shared server state: configuration, the sandbox clock, and the mutable
//! sandbox (codes, request log, knobs, platform resources) behind one mutex
//! that is never held across an `.await`.

use std::sync::{Mutex, MutexGuard};

use crate::callback_service::CallbackService;
use crate::clock::Clock;
use crate::config::Config;
use crate::control::Control;
use crate::meta::grants::GrantStore;
use crate::platform::store::PlatformStore;
use crate::request_log::RequestLog;

/// Everything mutable.
#[derive(Debug, Default)]
pub struct Sandbox {
    /// Minted codes.
    pub grants: GrantStore,
    /// Received requests.
    pub log: RequestLog,
    /// Test knobs.
    pub control: Control,
    /// Profiles and numbers.
    pub platform: PlatformStore,
    /// The sandbox Graph API's tokens and counters.
    pub graph: crate::meta::graph_store::GraphStore,
}

/// Origins the page and the SDK need, known once the listeners are bound.
#[derive(Debug, Clone)]
pub struct Origins {
    /// The demo page, e.g. `http://127.0.0.1:8080`.
    pub app: String,
    /// The sandbox Meta origin, e.g. `http://127.0.0.1:8081`.
    pub sandbox_meta: String,
}

/// Shared by every handler.
#[derive(Debug)]
pub struct AppState {
    /// Startup configuration.
    pub config: Config,
    /// Where things are served.
    pub origins: Origins,
    /// Sandbox time.
    pub clock: Clock,
    /// Proxy or direct mode (`wa-signup-service`), if configured.
    pub service: Option<CallbackService>,
    sandbox: Mutex<Sandbox>,
}

impl AppState {
    /// Fresh state.
    pub fn new(config: Config, origins: Origins, service: Option<CallbackService>) -> Self {
        Self {
            config,
            origins,
            clock: Clock::default(),
            service,
            sandbox: Mutex::new(Sandbox::default()),
        }
    }

    /// The sandbox (a poisoned lock is recovered: the data stays consistent
    /// because every critical section is a single synchronous update).
    pub fn sandbox(&self) -> MutexGuard<'_, Sandbox> {
        self.sandbox.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Back to a fresh sandbox and wall time.
    pub fn reset(&self) {
        *self.sandbox() = Sandbox::default();
        self.clock.reset();
    }
}
