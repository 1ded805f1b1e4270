//! Liveness and readiness probes of Mesh containers.
#![allow(deprecated)]

use fabric_rest_runtime::{open_enum, wire_struct};

wire_struct! {
    /// How a container's liveness or readiness is checked.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct Probe {
        /// Seconds before the first check.
        "initialDelaySeconds" initial_delay_seconds: Option<i32>,
        /// Seconds between checks.
        "periodSeconds" period_seconds: Option<i32>,
        /// Seconds a check may take.
        "timeoutSeconds" timeout_seconds: Option<i32>,
        /// Successes in a row that count as success.
        "successThreshold" success_threshold: Option<i32>,
        /// Failures in a row that count as failure.
        "failureThreshold" failure_threshold: Option<i32>,
        /// A command run in the container.
        "exec" exec: Option<ProbeExec>,
        /// An HTTP GET to the container.
        "httpGet" http_get: Option<ProbeHttpGet>,
        /// A TCP connection to the container.
        "tcpSocket" tcp_socket: Option<ProbeTcpSocket>,
    }
}

wire_struct! {
    /// A probe that runs a command.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ProbeExec {
        /// The command.
        "command" command: String,
    }
}

open_enum! {
    /// The scheme of an HTTP probe.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum Scheme {
        Http = "http",
        Https = "https",
    }
}

wire_struct! {
    /// A probe that sends an HTTP GET.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ProbeHttpGet {
        /// The port.
        "port" port: i32,
        /// The path.
        "path" path: Option<String>,
        /// The host.
        "host" host: Option<String>,
        /// Headers sent with it.
        "httpHeaders" http_headers: Option<Vec<ProbeHttpGetHeaders>>,
        /// The scheme.
        "scheme" scheme: Option<Scheme>,
    }
}

wire_struct! {
    /// A header an HTTP probe sends.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ProbeHttpGetHeaders {
        /// The header's name.
        "name" name: String,
        /// Its value.
        "value" value: String,
    }
}

wire_struct! {
    /// A probe that opens a TCP connection.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ProbeTcpSocket {
        /// The port.
        "port" port: i32,
    }
}
