//! Figures for issue 12 (run by `bench/service.sh`; loopback only, bounded
//! counts and time; prints results, asserts nothing):
//! 1. N signups, C at a time, through proxy mode and direct mode: lost, codes
//!    exchanged twice;
//! 2. two service instances sharing one redis-server, every code sent to both;
//! 3. S slow-header connections cut by the header timeout while real requests
//!    are served;
//! 4. cross-site, wrong content type, oversized and malformed requests: refused,
//!    never forwarded.
//!
//! `cargo run --release -p wa-signup-demo --example service_bench -- [--signups N] [--concurrency C] [--slow S]`

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use wa_signup_demo::config::Config;
use wa_signup_demo::{RunningServer, CALLBACK_PATH};
use wa_signup_service::{BaseUrl, RedisStore, Secret, SignupService};

// The integration tests' helpers (raw HTTP/1.1 client, sandbox grants and
// bodies, configurations), shared rather than copied.
#[path = "../tests/common/mod.rs"]
mod common;

use common::{finish_body as body, Resp, ADMIN_KEY};

const ORIGIN: &str = "https://app.example.com";

/// One request on a fresh connection, never panicking: a failure or no
/// answer within 30 s is status 0 (counted as "other" in the summaries).
async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Resp {
    let work = common::try_request(addr, method, path, headers, body);
    match tokio::time::timeout(Duration::from_secs(30), work).await {
        Ok(Ok(r)) => r,
        _ => Resp {
            status: 0,
            headers: Vec::new(),
            body: String::new(),
        },
    }
}

async fn get_json(addr: SocketAddr, path: &str) -> Value {
    serde_json::from_str(&http(addr, "GET", path, &[], "").await.body).unwrap_or(Value::Null)
}

/// `n` codes minted on the sandbox Meta at `meta` (fewer if some fail).
async fn mint(meta: SocketAddr, n: usize) -> Vec<String> {
    let spec = common::finish_grant().to_string();
    let mut codes = Vec::with_capacity(n);
    for _ in 0..n {
        let r = http(
            meta,
            "POST",
            "/__meta/oauth/code",
            &[("Content-Type", "application/json")],
            &spec,
        )
        .await;
        let v: Value = serde_json::from_str(&r.body).unwrap_or(Value::Null);
        if let Some(c) = v["code"].as_str() {
            codes.push(c.to_owned());
        }
    }
    codes
}

/// Sends every (addr, body) with at most `concurrency` in flight; returns
/// (status, error code) per request and the wall time.
async fn run(
    jobs: Vec<(SocketAddr, String, String)>,
    concurrency: usize,
) -> (Vec<(u16, String)>, Duration, Vec<Duration>) {
    let permits = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for (i, (addr, origin, body)) in jobs.into_iter().enumerate() {
        let permit = permits.clone().acquire_owned().await.expect("semaphore");
        set.spawn(async move {
            let t = Instant::now();
            let r = http(
                addr,
                "POST",
                "/api/signup/callback",
                &[("Content-Type", "application/json"), ("Origin", &origin)],
                &body,
            )
            .await;
            drop(permit);
            (i, r.status, r.error_code(), t.elapsed())
        });
    }
    let mut out = Vec::new();
    while let Some(Ok(r)) = set.join_next().await {
        out.push(r);
    }
    let wall = started.elapsed();
    out.sort_by_key(|r| r.0);
    let latencies = out.iter().map(|r| r.3).collect();
    (
        out.into_iter().map(|r| (r.1, r.2)).collect(),
        wall,
        latencies,
    )
}

fn pct(mut v: Vec<Duration>, p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)].as_secs_f64() * 1000.0
}

/// The number of requests the platform's log ever received (its last `seq`).
async fn platform_calls(platform: &RunningServer) -> (u64, u64) {
    let log = get_json(
        platform.app_addr,
        "/__sandbox/requests?endpoint=platform.callback",
    )
    .await;
    let list = log["requests"].as_array().cloned().unwrap_or_default();
    let total = list.last().and_then(|r| r["seq"].as_u64()).unwrap_or(0);
    let used = list
        .iter()
        .filter(|r| r["grant"]["result"] == "used")
        .count() as u64;
    (total, used)
}

/// The tests' proxy configuration, with a bench-sized timeout and [`ORIGIN`] allowed.
fn proxy_config(upstream: &str) -> Config {
    let mut c = common::proxy_config(upstream, 15_000);
    c.allowed_origins = vec![ORIGIN.into()];
    c
}

fn summary(label: &str, results: &[(u16, String)], wall: Duration, lat: Vec<Duration>) {
    let ok = results
        .iter()
        .filter(|(s, _)| (200..300).contains(s))
        .count();
    let dup = results
        .iter()
        .filter(|(s, c)| *s == 409 && c == "CODE_ALREADY_FORWARDED")
        .count();
    let other = results.len() - ok - dup;
    println!(
        "{label}: {} requests in {:.2} s ({:.0}/s): {ok} ok, {dup} x 409 CODE_ALREADY_FORWARDED, {other} other; latency p50 {:.1} ms, p99 {:.1} ms",
        results.len(),
        wall.as_secs_f64(),
        results.len() as f64 / wall.as_secs_f64(),
        pct(lat.clone(), 0.5),
        pct(lat, 0.99)
    );
    if other > 0 {
        let mut seen: Vec<&(u16, String)> = results
            .iter()
            .filter(|(s, c)| {
                !((200..300).contains(s) || (*s == 409 && c == "CODE_ALREADY_FORWARDED"))
            })
            .collect();
        seen.dedup();
        println!("  other answers: {:?}", &seen[..seen.len().min(5)]);
    }
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .clamp(1, 10_000)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n = arg("--signups", 1000);
    let c = arg("--concurrency", 50);
    let slow = arg("--slow", 500);
    let redis_port = std::env::var("REDIS_PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok());
    println!(
        "service bench: {n} signups, {c} at a time, {slow} slow-header connections (loopback)"
    );

    // 1a. Proxy mode.
    let platform = wa_signup_demo::start(Config::ephemeral())
        .await
        .expect("platform");
    let proxy = wa_signup_demo::start(proxy_config(platform.app_origin()))
        .await
        .expect("proxy");
    let codes = mint(platform.meta_addr, n).await;
    let jobs = codes
        .iter()
        .map(|code| (proxy.app_addr, ORIGIN.to_owned(), body(code)))
        .collect();
    let (results, wall, lat) = run(jobs, c).await;
    summary("proxy mode", &results, wall, lat);
    let ok = results
        .iter()
        .filter(|(s, _)| (200..300).contains(s))
        .count();
    let (calls, used) = platform_calls(&platform).await;
    println!("  lost: {}; platform received {calls} callbacks, {used} with a code already used (exchanged twice)", codes.len() - ok);

    // 1b. Direct mode.
    let mut config = common::direct_config();
    if let Some(direct) = config.direct.as_mut() {
        direct.timeout = Duration::from_secs(15);
    }
    config.allowed_origins = vec![ORIGIN.into()];
    let direct = wa_signup_demo::start(config).await.expect("direct");
    let codes = mint(direct.meta_addr, n).await;
    let jobs = codes
        .iter()
        .map(|code| (direct.app_addr, ORIGIN.to_owned(), body(code)))
        .collect();
    let (results, wall, lat) = run(jobs, c).await;
    summary("direct mode", &results, wall, lat);
    let ok = results
        .iter()
        .filter(|(s, _)| (200..300).contains(s))
        .count();
    let stats = get_json(direct.meta_addr, "/__meta/graph").await;
    println!(
        "  lost: {}; Graph: {} exchanged, {} exchanged twice (reused), {} debug_token, {} subscribed, {} registered",
        codes.len() - ok, stats["exchanged"], stats["reusedCodes"], stats["debugged"], stats["subscribed"], stats["registered"]
    );
    direct.shutdown().await;

    // 2. Two instances sharing Redis, every code sent to both.
    match redis_port {
        Some(port) => {
            let platform2 = wa_signup_demo::start(Config::ephemeral())
                .await
                .expect("platform");
            let mut addrs = Vec::new();
            let mut stops = Vec::new();
            for _ in 0..2 {
                let service = SignupService::proxy(
                    BaseUrl::parse(platform2.app_origin()).expect("url"),
                    Secret::new(ADMIN_KEY),
                )
                .allowed_origins([ORIGIN])
                .store(
                    RedisStore::from_url(
                        &format!("redis://127.0.0.1:{port}"),
                        Duration::from_secs(2),
                    )
                    .expect("redis"),
                )
                .build()
                .expect("service");
                let (addr, stop) =
                    common::spawn_router(axum::Router::new().nest("/api/signup", service.router()))
                        .await;
                addrs.push(addr);
                stops.push(stop);
            }
            let codes = mint(platform2.meta_addr, n).await;
            let mut jobs = Vec::new();
            for code in &codes {
                for addr in &addrs {
                    jobs.push((*addr, ORIGIN.to_owned(), body(code)));
                }
            }
            let (results, wall, lat) = run(jobs, c).await;
            summary(
                "2 instances + Redis, each code to both",
                &results,
                wall,
                lat,
            );
            let ok = results
                .iter()
                .filter(|(s, _)| (200..300).contains(s))
                .count();
            let (calls, used) = platform_calls(&platform2).await;
            println!(
                "  lost: {}; platform received {calls} callbacks, {used} exchanged twice",
                codes.len().saturating_sub(ok)
            );
            drop(stops);
            platform2.shutdown().await;
        }
        None => println!(
            "2 instances + Redis: skipped (set REDIS_PORT; bench/service.sh starts redis-server)"
        ),
    }

    // 3. Slow-header connections against a server with a 2 s header timeout.
    let mut config = proxy_config(platform.app_origin());
    config.header_timeout = Duration::from_secs(2);
    let target = wa_signup_demo::start(config).await.expect("server");
    let mut held = Vec::new();
    for _ in 0..slow {
        if let Ok(mut s) = TcpStream::connect(target.app_addr).await {
            let _ = s
                .write_all(b"POST /api/signup/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                .await;
            held.push(s);
        }
    }
    let opened = Instant::now();
    let codes = mint(platform.meta_addr, 100).await;
    let jobs = codes
        .iter()
        .map(|code| (target.app_addr, ORIGIN.to_owned(), body(code)))
        .collect();
    let (results, wall, lat) = run(jobs, 10).await;
    summary(
        &format!(
            "  real signups while {} slow-header connections are open",
            held.len()
        ),
        &results,
        wall,
        lat,
    );
    let mut cut = 0;
    let mut last = Duration::ZERO;
    for mut s in held.drain(..) {
        let mut buf = [0u8; 512];
        let closed = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        })
        .await;
        if closed.is_ok() {
            cut += 1;
            last = opened.elapsed();
        }
    }
    println!("slow headers: {cut} of {slow} connections cut by the 2 s header timeout (last one {:.2} s after opening)", last.as_secs_f64());
    target.shutdown().await;

    // 4. Refusals: never forwarded.
    let before = platform_calls(&platform).await.0;
    let code = mint(platform.meta_addr, 1).await.pop().unwrap_or_default();
    let good = body(&code);
    let big = format!(r#"{{"code":"{}"}}"#, "A".repeat(70_000));
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, String);
    let cases: Vec<Case> = vec![
        (
            "cross-site text/plain",
            vec![
                ("Origin", "https://evil.example"),
                ("Content-Type", "text/plain"),
            ],
            good.clone(),
        ),
        (
            "cross-site JSON",
            vec![
                ("Origin", "https://evil.example"),
                ("Content-Type", "application/json"),
            ],
            good.clone(),
        ),
        (
            "wrong content type",
            vec![
                ("Origin", ORIGIN),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            good.clone(),
        ),
        (
            "oversized (70 kB)",
            vec![("Origin", ORIGIN), ("Content-Type", "application/json")],
            big,
        ),
        (
            "malformed JSON",
            vec![("Origin", ORIGIN), ("Content-Type", "application/json")],
            "{\"code\":".to_owned(),
        ),
        (
            "invalid ids",
            vec![("Origin", ORIGIN), ("Content-Type", "application/json")],
            json!({"code": "x", "wabaId": "abc"}).to_string(),
        ),
    ];
    for (label, headers, payload) in cases {
        let mut answers = std::collections::BTreeMap::new();
        for _ in 0..100 {
            let r = http(proxy.app_addr, "POST", CALLBACK_PATH, &headers, &payload).await;
            *answers
                .entry(format!("{} {}", r.status, r.error_code()))
                .or_insert(0) += 1;
        }
        println!("refused {label}: 100 requests -> {answers:?}");
    }
    let after = platform_calls(&platform).await.0;
    println!("  forwarded to the platform meanwhile: {}", after - before);
    proxy.shutdown().await;
    platform.shutdown().await;
}
