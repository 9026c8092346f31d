//! "Forward each code at most once": a TTL store behind [`CodeStore`].
//!
//! Keys are `wa-signup:code:` + the SHA-256 of the code in hex, so neither the
//! process memory dump of the map nor the Redis keyspace holds a usable code.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A boxed, `Send` future (keeps [`CodeStore`] object-safe without macros).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The store failed; the code was **not** claimed and nothing is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// A set of keys that expire. One operation, atomic across every instance
/// sharing the store.
pub trait CodeStore: Send + Sync + 'static {
    /// Claims `key` for `ttl`: `Ok(true)` the first time, `Ok(false)` while an
    /// earlier claim holds.
    fn claim<'a>(&'a self, key: &'a str, ttl: Duration) -> BoxFuture<'a, Result<bool, StoreError>>;

    /// Gives up a claim: called only when provably nothing was sent (the
    /// upstream could not be connected to), so the code can be tried again.
    fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// The store key of `code`: `wa-signup:code:<sha256 hex>`.
pub fn code_key(code: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, code.as_bytes());
    let mut key = String::with_capacity(15 + 64);
    key.push_str("wa-signup:code:");
    for b in digest.as_ref() {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        key.push(char::from(HEX[usize::from(b >> 4)]));
        key.push(char::from(HEX[usize::from(b & 15)]));
    }
    key
}

/// In-process store (one instance). Bounded: when full of unexpired keys it
/// refuses new claims ([`StoreError`]) rather than forgetting a live one.
#[derive(Debug)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, Instant>>,
    capacity: usize,
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::with_capacity(100_000)
    }
}

impl MemoryStore {
    /// A store holding at most `capacity` live keys.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity: capacity.max(1),
        }
    }

    fn claim_now(&self, key: &str, ttl: Duration, now: Instant) -> Result<bool, StoreError> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(expires) = entries.get(key) {
            if *expires > now {
                return Ok(false);
            }
        }
        if entries.len() >= self.capacity {
            entries.retain(|_, expires| *expires > now);
            if entries.len() >= self.capacity {
                return Err(StoreError("the in-memory code store is full".to_owned()));
            }
        }
        entries.insert(key.to_owned(), now + ttl);
        Ok(true)
    }
}

impl CodeStore for MemoryStore {
    fn claim<'a>(&'a self, key: &'a str, ttl: Duration) -> BoxFuture<'a, Result<bool, StoreError>> {
        let result = self.claim_now(key, ttl, Instant::now());
        Box::pin(async move { result })
    }

    fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
        Box::pin(async { Ok(()) })
    }
}

#[cfg(feature = "redis")]
pub use self::redis_store::RedisStore;

#[cfg(feature = "redis")]
mod redis_store {
    use std::time::Duration;

    use redis_async::client::{ConnectionBuilder, PairedConnection};
    use redis_async::resp::RespValue;
    use redis_async::resp_array;
    use tokio::sync::OnceCell;

    use super::{BoxFuture, CodeStore, StoreError};
    use crate::secret::Secret;

    /// Redis-backed store for several instances behind a load balancer: one
    /// `SET key 1 NX PX ttl` per claim (atomic on the server), pipelined on one
    /// connection (`redis-async`, which reconnects after an error). Every call
    /// is bounded by `timeout`; a failure claims nothing and sends nothing.
    pub struct RedisStore {
        builder: ConnectionBuilder,
        connection: OnceCell<PairedConnection>,
        timeout: Duration,
    }

    impl std::fmt::Debug for RedisStore {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // The builder may hold a password: not printed.
            f.debug_struct("RedisStore")
                .field("timeout", &self.timeout)
                .finish_non_exhaustive()
        }
    }

    impl RedisStore {
        /// A store on `host:port` (connects on first use).
        pub fn new(
            host: &str,
            port: u16,
            password: Option<&Secret>,
            timeout: Duration,
        ) -> Result<Self, StoreError> {
            let mut builder = ConnectionBuilder::new(host, port)
                .map_err(|e| StoreError(format!("Redis: {e}")))?;
            if let Some(p) = password {
                builder.password(p.expose());
            }
            builder.socket_timeout(Some(timeout));
            Ok(Self {
                builder,
                connection: OnceCell::new(),
                timeout,
            })
        }

        /// A store for `redis://[:password@]host[:port]` (port 6379 by default).
        /// Errors never repeat the URL (it may carry the password).
        pub fn from_url(url: &str, timeout: Duration) -> Result<Self, StoreError> {
            let bad =
                || StoreError("the Redis URL is not redis://[:password@]host[:port]".to_owned());
            let uri: axum::http::Uri = url.parse().map_err(|_| bad())?;
            if uri.scheme_str() != Some("redis")
                || !matches!(uri.path(), "" | "/")
                || uri.query().is_some()
            {
                return Err(bad());
            }
            let authority = uri.authority().ok_or_else(bad)?;
            let password = authority
                .as_str()
                .rsplit_once('@')
                .map(|(user_info, _)| user_info.split_once(':').map_or(user_info, |(_, p)| p))
                .filter(|p| !p.is_empty())
                .map(Secret::new);
            let host = authority
                .host()
                .trim_start_matches('[')
                .trim_end_matches(']');
            Self::new(
                host,
                authority.port_u16().unwrap_or(6379),
                password.as_ref(),
                timeout,
            )
        }

        async fn claim_inner(&self, key: &str, ttl: Duration) -> Result<bool, StoreError> {
            let conn = self
                .connection
                .get_or_try_init(|| self.builder.paired_connect())
                .await
                .map_err(|e| StoreError(format!("cannot connect to Redis: {e}")))?;
            let ms = u64::try_from(ttl.as_millis())
                .unwrap_or(u64::MAX)
                .max(1)
                .to_string();
            let answer: RespValue = conn
                .send(resp_array!["SET", key, "1", "NX", "PX", ms])
                .await
                .map_err(|e| StoreError(format!("Redis: {e}")))?;
            match answer {
                RespValue::SimpleString(ok) if ok == "OK" => Ok(true),
                RespValue::Nil => Ok(false),
                other => Err(StoreError(format!("Redis answered SET NX with {other:?}"))),
            }
        }
    }

    impl CodeStore for RedisStore {
        fn claim<'a>(
            &'a self,
            key: &'a str,
            ttl: Duration,
        ) -> BoxFuture<'a, Result<bool, StoreError>> {
            Box::pin(async move {
                tokio::time::timeout(self.timeout, self.claim_inner(key, ttl))
                    .await
                    .unwrap_or_else(|_| Err(StoreError("Redis did not answer in time".to_owned())))
            })
        }

        fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
            Box::pin(async move {
                let work = async {
                    let conn = self
                        .connection
                        .get_or_try_init(|| self.builder.paired_connect())
                        .await
                        .map_err(|e| StoreError(format!("cannot connect to Redis: {e}")))?;
                    conn.send::<RespValue>(resp_array!["DEL", key])
                        .await
                        .map(|_| ())
                        .map_err(|e| StoreError(format!("Redis: {e}")))
                };
                tokio::time::timeout(self.timeout, work)
                    .await
                    .unwrap_or_else(|_| Err(StoreError("Redis did not answer in time".to_owned())))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hash_the_code() {
        let k = code_key("AQD-secret-code");
        assert!(k.starts_with("wa-signup:code:") && k.len() == 15 + 64);
        assert!(!k.contains("secret"));
        assert_eq!(k, code_key("AQD-secret-code"));
        assert_ne!(k, code_key("AQD-secret-codf"));
    }

    #[test]
    fn memory_claims_once_until_expiry_and_stays_bounded() {
        let s = MemoryStore::with_capacity(2);
        let t0 = Instant::now();
        let ttl = Duration::from_secs(10);
        assert_eq!(s.claim_now("a", ttl, t0), Ok(true));
        assert_eq!(s.claim_now("a", ttl, t0), Ok(false));
        assert_eq!(s.claim_now("b", ttl, t0), Ok(true));
        assert!(s.claim_now("c", ttl, t0).is_err(), "full of live keys");
        let later = t0 + Duration::from_secs(11);
        assert_eq!(
            s.claim_now("a", ttl, later),
            Ok(true),
            "expired keys are claimable"
        );
        assert_eq!(
            s.claim_now("c", ttl, later),
            Ok(true),
            "expired keys are swept"
        );
    }
}
