//! Facebook mode: the simulated SDK, dialog and attacker page over TLS,
//! chosen by SNI/Host, with a self-signed certificate made by `openssl`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use common::*;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use wa_signup_demo::config::{Config, MetaMode, TlsConfig};

const HOSTS: [&str; 4] = [
    "connect.facebook.net",
    "www.facebook.com",
    "web.facebook.com",
    "evilfacebook.com",
];

fn make_cert(dir: &Path) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    let san = HOSTS
        .iter()
        .map(|h| format!("DNS:{h}"))
        .collect::<Vec<_>>()
        .join(",");
    let status = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-subj", "/CN=wa-signup e2e"])
        .arg("-addext")
        .arg(format!("subjectAltName={san}"))
        // An end-entity certificate (openssl's default is a CA, which webpki
        // refuses as a server certificate; Chromium ignores errors anyway).
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .args(["-addext", "extendedKeyUsage=serverAuth"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("the openssl CLI is installed (Debian: openssl)");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    (cert, key)
}

async fn https_get(port: u16, cert: &Path, host: &str, path: &str) -> Resp {
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_file_iter(cert).expect("pem") {
        roots.add(c.expect("cert")).expect("root");
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let tcp = TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect");
    let name = ServerName::try_from(host.to_owned()).expect("name");
    let tls = TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .expect("TLS handshake with the generated certificate");
    exchange(tls, host, "GET", path, &[], "").await
}

#[tokio::test]
async fn facebook_hosts_are_served_over_tls() {
    let dir = std::env::temp_dir().join(format!("wa-signup-demo-tls-{}", std::process::id()));
    let (cert, key) = make_cert(&dir);
    let mut config = Config::ephemeral();
    config.meta = MetaMode::Facebook(TlsConfig {
        cert: cert.clone(),
        key,
        port: 0,
    });
    let server = start(config).await;
    let port = server.tls_addr.expect("TLS listener").port();

    let sdk = https_get(port, &cert, "connect.facebook.net", "/en_US/sdk.js").await;
    assert_eq!(sdk.status, 200);
    assert!(sdk
        .body
        .contains(r#"var DIALOG_ORIGIN = "https://www.facebook.com";"#));
    let dialog = https_get(
        port,
        &cert,
        "www.facebook.com",
        "/v24.0/dialog/oauth?client_id=1",
    )
    .await;
    assert_eq!(dialog.status, 200);
    assert!(dialog.body.contains("dialog.js"));
    let web = https_get(port, &cert, "web.facebook.com", "/__meta/dialog-config").await;
    assert_eq!(web.status, 200);
    let evil = https_get(port, &cert, "evilfacebook.com", "/").await;
    assert!(evil.body.contains("postMessage"));
    for (host, path) in [
        ("evilfacebook.com", "/v24.0/dialog/oauth"),
        ("www.facebook.com", "/en_US/sdk.js"),
        ("connect.facebook.net", "/__meta/dialog-config"),
    ] {
        assert_eq!(
            https_get(port, &cert, host, path).await.status,
            404,
            "{host}{path}"
        );
    }

    let page = get(server.app_addr, "/demo-config.json").await.json();
    assert_eq!(page["metaMode"], "facebook");
    assert!(page["widget"].get("sdkUrl").is_none(), "production SDK URL");
    assert!(
        page["widget"].get("allowedOrigins").is_none(),
        "production allowlist"
    );
    assert_eq!(page["redirectSupported"], true);
    server.shutdown().await;
    let _ = std::fs::remove_dir_all(dir);
}
