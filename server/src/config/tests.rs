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
    assert_eq!(up.admin_key.expose(), "sk_admin_abc123");
    assert_eq!(up.timeout, Duration::from_millis(500));
    assert!(
        !format!("{up:?}").contains("abc123"),
        "Debug never shows the key"
    );
}

#[test]
fn direct_mode_defaults_to_the_sandbox_graph_and_secret() {
    let c = run(
        &[
            "--direct",
            "--redirect-uri",
            "https://app.example.com/return",
        ],
        &[],
    );
    let d = c.direct.expect("direct");
    assert_eq!(d.graph_url, None);
    assert_eq!(d.app_secret.expose(), SANDBOX_APP_SECRET);
    assert_eq!(d.redirect_uris, ["https://app.example.com/return"]);
    assert!(parse(
        &["--direct", "--graph-url", "https://graph.facebook.com"],
        &[]
    )
    .is_err());
    let c = run(
        &["--direct", "--graph-url", "https://graph.facebook.com"],
        &[(APP_SECRET_ENV, "abc123")],
    );
    assert_eq!(c.direct.expect("direct").app_secret.expose(), "abc123");
    assert!(parse(&["--redirect-uri", "https://a.example/r"], &[]).is_err());
    assert!(parse(
        &["--direct", "--upstream", "https://api.example.com"],
        &[(ADMIN_KEY_ENV, "sk_admin_x1")]
    )
    .is_err());
    let c = run(
        &[
            "--header-timeout-ms=500",
            "--request-timeout-ms",
            "1000",
            "--allowed-host",
            "demo.example:8080",
        ],
        &[],
    );
    assert_eq!(c.header_timeout, Duration::from_millis(500));
    assert_eq!(c.request_timeout, Duration::from_millis(1000));
    assert_eq!(c.allowed_hosts, ["demo.example:8080"]);
    assert!(!format!("{:?}", run(&["--direct"], &[])).contains(SANDBOX_APP_SECRET));
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
