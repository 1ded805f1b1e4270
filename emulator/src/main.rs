//! `fabric-rest-emulator`: serves an emulated Service Fabric gateway on 127.0.0.1 until
//! Ctrl-C.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use fabric_rest_emulator::{Emulator, UpgradeOutcome};

const USAGE: &str = "\
Usage: fabric-rest-emulator [--port N] [--step-ms MS] [--outcome succeed|fail|rollback]

Serves an emulated Service Fabric HTTP gateway on 127.0.0.1 until Ctrl-C.

  --port N        port to listen on (default 19080; 0 picks a free one)
  --step-ms MS    shortest duration of each upgrade phase in milliseconds (default 500)
  --outcome O     how configuration upgrades end: succeed, fail or rollback (default succeed)
  -h, --help      print this help";

struct Options {
    port: u16,
    step: Duration,
    outcome: UpgradeOutcome,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        port: 19080,
        step: Duration::from_millis(500),
        outcome: UpgradeOutcome::Succeed,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--port" => {
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: `{value}` is not a port number"))?;
            }
            "--step-ms" => {
                let ms: u64 = value
                    .parse()
                    .map_err(|_| format!("--step-ms: `{value}` is not a number of milliseconds"))?;
                options.step = Duration::from_millis(ms);
            }
            "--outcome" => {
                options.outcome = match value.to_ascii_lowercase().as_str() {
                    "succeed" => UpgradeOutcome::Succeed,
                    "fail" => UpgradeOutcome::Fail,
                    "rollback" => UpgradeOutcome::RollBack,
                    _ => {
                        return Err(format!("--outcome: `{value}` is not succeed, fail or rollback"));
                    }
                };
            }
            _ => return Err(format!("unknown argument `{flag}`")),
        }
    }
    Ok(Some(options))
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Emulator::builder()
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port)))
        .step(options.step)
        .outcome(options.outcome)
        .start()
        .await;
    let emulator = match started {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("error: cannot listen on 127.0.0.1:{}: {error}", options.port);
            return ExitCode::FAILURE;
        }
    };
    println!("{}", emulator.base_url());
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {error}");
    }
    emulator.shutdown().await;
    ExitCode::SUCCESS
}
