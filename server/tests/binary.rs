//! The `wa-signup-demo` binary: flags, the READY line, and a real request.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wa-signup-demo");

#[test]
fn help_and_bad_flags() {
    let help = Command::new(BIN).arg("--help").output().expect("runs");
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--port",
        "--meta-port",
        "--upstream",
        "--facebook-mode",
        "--tls-port",
        "--direct",
        "--allowed-origin",
        "--header-timeout-ms",
    ] {
        assert!(text.contains(flag), "--help mentions {flag}");
    }
    let bad = Command::new(BIN).arg("--bogus").output().expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let no_key = Command::new(BIN)
        .args(["--upstream", "https://api.example.com"])
        .env_remove("WA_SIGNUP_ADMIN_KEY")
        .output()
        .expect("runs");
    assert_eq!(no_key.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_key.stderr).contains("WA_SIGNUP_ADMIN_KEY"));
}

#[tokio::test]
async fn prints_a_ready_line_and_serves() {
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--meta-port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("WA_SIGNUP_DEMO_READY "))
        .expect("a READY line");
    let field = |name: &str| {
        ready
            .split(' ')
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .map(str::to_owned)
            .expect("field")
    };
    let app: SocketAddr = field("app")
        .trim_start_matches("http://")
        .parse()
        .expect("app address");
    assert!(field("meta").starts_with("http://127.0.0.1:"));
    assert_eq!(field("tls"), "-");
    let health = common::get(app, "/healthz").await;
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
}

#[test]
fn the_admin_key_from_a_file_is_never_printed() {
    let dir = std::env::temp_dir().join(format!("wa-signup-binary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let key_file = dir.join("admin-key");
    std::fs::write(&key_file, "sk_admin_fromafile0123456789\n").expect("write");
    let mut child = Command::new(BIN)
        .args([
            "--port",
            "0",
            "--meta-port",
            "0",
            "--upstream",
            "http://127.0.0.1:9",
        ])
        .env_remove("WA_SIGNUP_ADMIN_KEY")
        .env("WA_SIGNUP_ADMIN_KEY_FILE", &key_file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let stdout = child.stdout.take().expect("stdout");
    let banner: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|l| !l.starts_with("WA_SIGNUP_DEMO_READY "))
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    let text = banner.join("\n");
    assert!(
        text.contains("proxy: Authorization added server-side"),
        "{text}"
    );
    assert!(!text.contains("fromafile"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}
