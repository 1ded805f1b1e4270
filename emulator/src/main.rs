//! `fabric-rest-emulator`: serves an emulated Service Fabric gateway on a loopback address
//! until Ctrl-C.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use fabric_rest_emulator::{Emulator, EmulatorBuilder, HealthState, UpgradeOutcome};

/// Serves an emulated Service Fabric HTTP gateway on a loopback address until Ctrl-C, and
/// prints its base URL on the first line of standard output.
#[derive(Parser, Debug)]
#[command(name = "fabric-rest-emulator", version)]
struct Options {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 19080)]
    port: u16,

    /// Loopback address to listen on: 127.0.0.1 or ::1. Other addresses are refused: the
    /// emulator accepts anything and must not be reachable from other machines.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_parser = loopback)]
    host: IpAddr,

    /// Shortest duration of each upgrade phase, in milliseconds.
    #[arg(long = "step-ms", value_name = "MS", default_value_t = 500)]
    step_ms: u64,

    /// How configuration upgrades end.
    #[arg(long, value_enum, default_value_t = Outcome::Succeed)]
    outcome: Outcome,

    /// Serve https with this PEM certificate (chain); needs --tls-key.
    #[arg(long = "tls-cert", value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,

    /// The PEM private key of --tls-cert.
    #[arg(long = "tls-key", value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,

    /// Require a client certificate issued by a CA in this PEM file (needs --tls-cert);
    /// requests without one are answered 403 with an empty body, like the gateway does.
    #[arg(long = "client-ca", value_name = "FILE", requires = "tls_cert")]
    client_ca: Option<PathBuf>,

    /// Require `Authorization: Bearer TOKEN`; other requests are answered 401.
    #[arg(long = "bearer-token", value_name = "TOKEN")]
    bearer_token: Option<String>,

    /// Answer every GET of the REST specification that has an example response with it,
    /// unless the emulator answers the operation itself.
    #[arg(long = "spec-examples")]
    spec_examples: bool,

    /// Report the health state NAME=STATE (ok, warning or error) for a node; may be
    /// repeated.
    #[arg(long = "node-health", value_name = "NAME=STATE", value_parser = node_health)]
    node_health: Vec<(String, HealthState)>,

    /// Print every request line received, and every request that did not fit its
    /// operation, on standard error (`request: GET /Nodes?api-version=6.3`,
    /// `unmatched: ...`).
    #[arg(long = "log-requests")]
    log_requests: bool,
}

fn node_health(text: &str) -> Result<(String, HealthState), String> {
    let (name, state) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not NAME=STATE"))?;
    let state = match state.to_ascii_lowercase().as_str() {
        "ok" => HealthState::Ok,
        "warning" => HealthState::Warning,
        "error" => HealthState::Error,
        _ => return Err(format!("`{state}` is not a health state (ok, warning, error)")),
    };
    Ok((name.to_owned(), state))
}

/// Prints what the emulator recorded since the last look, until the process ends.
async fn log_requests(emulator: &Emulator) {
    loop {
        for request in emulator.take_requests() {
            eprintln!("request: {} {}", request.method, request.target);
        }
        for mismatch in emulator.take_unmatched() {
            eprintln!("unmatched: {mismatch}");
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Outcome {
    Succeed,
    Fail,
    Rollback,
}

fn loopback(text: &str) -> Result<IpAddr, String> {
    let ip: IpAddr = text.parse().map_err(|_| format!("`{text}` is not an IP address"))?;
    if ip.is_loopback() {
        Ok(ip)
    } else {
        Err(format!("`{text}` is not a loopback address (use 127.0.0.1 or ::1)"))
    }
}

fn read(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read the {what} {}: {e}", path.display()))
}

/// The https, client-certificate and token settings of `options`.
fn secure(mut builder: EmulatorBuilder, options: &Options) -> Result<EmulatorBuilder, String> {
    if let (Some(cert), Some(key)) = (&options.tls_cert, &options.tls_key) {
        builder = builder.tls(read(cert, "certificate")?, read(key, "private key")?);
    }
    if let Some(ca) = &options.client_ca {
        builder = builder.require_client_certificate(read(ca, "client CA file")?);
    }
    if let Some(token) = &options.bearer_token {
        builder = builder.require_bearer_token(token.clone());
    }
    Ok(builder)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = Options::parse();
    let addr = SocketAddr::new(options.host, options.port);
    let builder = Emulator::builder()
        .bind(addr)
        .step(Duration::from_millis(options.step_ms))
        .outcome(match options.outcome {
            Outcome::Succeed => UpgradeOutcome::Succeed,
            Outcome::Fail => UpgradeOutcome::Fail,
            Outcome::Rollback => UpgradeOutcome::RollBack,
        });
    let builder = if options.spec_examples {
        builder.with_spec_examples()
    } else {
        builder
    };
    let builder = match secure(builder, &options) {
        Ok(builder) => builder,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let emulator = match builder.start().await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("error: cannot serve on {addr}: {error}");
            return ExitCode::FAILURE;
        }
    };
    for (name, state) in &options.node_health {
        if !emulator.set_node_health(name, *state) {
            eprintln!("error: the cluster has no node {name}");
            return ExitCode::from(2);
        }
    }
    println!("{}", emulator.base_url());
    let logging = async {
        if options.log_requests {
            log_requests(&emulator).await;
        }
        std::future::pending::<()>().await;
    };
    tokio::select! {
        stopped = tokio::signal::ctrl_c() => {
            if let Err(error) = stopped {
                eprintln!("error: cannot wait for Ctrl-C: {error}");
            }
        }
        () = logging => {}
    }
    emulator.shutdown().await;
    ExitCode::SUCCESS
}
