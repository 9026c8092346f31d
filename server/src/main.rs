//! `wa-signup-demo`: see `--help` and `server/README.md`.

use std::process::ExitCode;

use wa_signup_demo::config::{Command, Config, USAGE};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(Command::Run(config)) => *config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("wa-signup-demo: {e}");
            return ExitCode::from(2);
        }
    };
    let server = match wa_signup_demo::start(config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("wa-signup-demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", wa_signup_demo::banner(&server));
    let _ = tokio::signal::ctrl_c().await;
    println!("wa-signup-demo: shutting down");
    server.shutdown().await;
    ExitCode::SUCCESS
}
