//! Two service instances behind one Redis (a real `redis-server` on loopback):
//! every code sent to both is forwarded exactly once.

mod common;

use std::time::Duration;

use common::*;
use wa_signup_service::{BaseUrl, CodeStore, RedisStore, Secret, SignupService};

const ORIGIN: &str = "https://app.example.com";

#[tokio::test]
async fn two_instances_sharing_redis_forward_each_code_once() {
    let Some(redis) = redis().await else { return };
    let platform = sandbox().await;
    let url = format!("redis://127.0.0.1:{}", redis.port);
    let mut addrs = Vec::new();
    let mut stops = Vec::new();
    for _ in 0..2 {
        let service = SignupService::proxy(
            BaseUrl::parse(platform.app_origin()).expect("url"),
            Secret::new(ADMIN_KEY),
        )
        .allowed_origins([ORIGIN])
        .store(RedisStore::from_url(&url, Duration::from_secs(2)).expect("redis url"))
        .build()
        .expect("service");
        let (addr, stop) =
            spawn_router(axum::Router::new().nest("/api/signup", service.router())).await;
        addrs.push(addr);
        stops.push(stop);
    }
    let n = 20;
    let mut codes = Vec::new();
    for _ in 0..n {
        codes.push(mint(&platform, &finish_grant()).await);
    }
    let mut tasks = Vec::new();
    for code in &codes {
        for addr in &addrs {
            let (addr, body) = (*addr, finish_body(code));
            tasks.push(tokio::spawn(async move {
                post_origin(addr, "/api/signup/callback", ORIGIN, &body).await
            }));
        }
    }
    let mut statuses = Vec::new();
    for t in tasks {
        let r = t.await.expect("task");
        statuses.push((r.status, r.error_code()));
    }
    let created = statuses
        .iter()
        .filter(|(s, _)| *s == 200 || *s == 201)
        .count();
    let refused = statuses
        .iter()
        .filter(|(s, c)| *s == 409 && c == "CODE_ALREADY_FORWARDED")
        .count();
    assert_eq!((created, refused), (n, n), "{statuses:?}");
    let log = received(&platform, Some("platform.callback")).await;
    assert_eq!(log["count"], n, "each code reached the platform once");
    assert!(log["requests"]
        .as_array()
        .expect("list")
        .iter()
        .all(|r| r["grant"]["result"] == "redeemed"));
    drop(stops);
    platform.shutdown().await;
}

#[tokio::test]
async fn a_redis_outage_refuses_and_forwards_nothing() {
    let Some(redis) = redis().await else { return };
    let store = RedisStore::from_url(
        &format!("redis://127.0.0.1:{}", redis.port),
        Duration::from_millis(500),
    )
    .expect("url");
    assert_eq!(store.claim("k", Duration::from_secs(5)).await, Ok(true));
    assert_eq!(store.claim("k", Duration::from_secs(5)).await, Ok(false));
    assert_eq!(store.release("k").await, Ok(()));
    assert_eq!(
        store.claim("k", Duration::from_secs(5)).await,
        Ok(true),
        "released"
    );
    assert_eq!(
        store.claim("short", Duration::from_millis(50)).await,
        Ok(true)
    );
    tokio::time::sleep(Duration::from_millis(120)).await;
    assert_eq!(
        store.claim("short", Duration::from_millis(50)).await,
        Ok(true),
        "PX expiry"
    );
    drop(redis);

    let platform = sandbox().await;
    let service = SignupService::proxy(
        BaseUrl::parse(platform.app_origin()).expect("url"),
        Secret::new(ADMIN_KEY),
    )
    .allowed_origins([ORIGIN])
    .store(store)
    .build()
    .expect("service");
    let (addr, _stop) =
        spawn_router(axum::Router::new().nest("/api/signup", service.router())).await;
    let code = mint(&platform, &finish_grant()).await;
    let r = post_origin(addr, "/api/signup/callback", ORIGIN, &finish_body(&code)).await;
    assert_eq!(
        (r.status, r.error_code()),
        (503, "STORE_UNAVAILABLE".to_owned()),
        "{}",
        r.body
    );
    assert_eq!(received(&platform, None).await["count"], 0);
    assert!(RedisStore::from_url("http://x", Duration::from_secs(1)).is_err());
    let e = RedisStore::from_url("redis://:hunter2@[bad", Duration::from_secs(1)).expect_err("bad");
    assert!(!e.to_string().contains("hunter2"));
    platform.shutdown().await;
}

#[tokio::test]
async fn two_demo_servers_with_redis_url_share_the_store() {
    let Some(redis) = redis().await else { return };
    let platform = sandbox().await;
    let mut proxies = Vec::new();
    for _ in 0..2 {
        let mut config = proxy_config(platform.app_origin(), 5_000);
        config.allowed_origins = vec![ORIGIN.to_owned()];
        config.redis_url = Some(Secret::new(format!("redis://127.0.0.1:{}", redis.port)));
        proxies.push(start(config).await);
    }
    let code = mint(&platform, &finish_grant()).await;
    let body = finish_body(&code);
    let (a, b) = tokio::join!(
        post_origin(
            proxies[0].app_addr,
            wa_signup_demo::CALLBACK_PATH,
            ORIGIN,
            &body
        ),
        post_origin(
            proxies[1].app_addr,
            wa_signup_demo::CALLBACK_PATH,
            ORIGIN,
            &body
        ),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409], "{} / {}", a.body, b.body);
    assert_eq!(received(&platform, None).await["count"], 1);
    for p in proxies {
        p.shutdown().await;
    }
    platform.shutdown().await;
}
