//! The security flags every example shares: client certificates, server verification and
//! tokens, turned into a [`Client`] for the gateways named on the command line.

use std::path::PathBuf;

use fabric_rest::{Client, ClientIdentity};

/// How to reach a secure cluster.
#[derive(clap::Args, Debug)]
pub struct Security {
    /// Client certificate in PEM (with its key in the same file unless --key is given).
    #[arg(long, value_name = "FILE", requires = "endpoint", conflicts_with = "pfx")]
    pub pem: Option<PathBuf>,

    /// Private key of the --pem certificate, in PEM.
    #[arg(long, value_name = "FILE", requires = "pem")]
    pub key: Option<PathBuf>,

    /// Client certificate and key in PKCS#12 (.pfx).
    #[arg(long, value_name = "FILE", requires = "endpoint")]
    pub pfx: Option<PathBuf>,

    /// Password of the --pfx file.
    #[arg(
        long,
        value_name = "PW",
        env = "FABRIC_REST_PFX_PASSWORD",
        hide_env_values = true,
        requires = "pfx"
    )]
    pub pfx_password: Option<String>,

    /// CA certificates (PEM) to trust instead of the system's roots.
    #[arg(long, value_name = "FILE", requires = "endpoint")]
    pub ca: Option<PathBuf>,

    /// Accept the server certificate with this SHA-1 or SHA-256 thumbprint (hex), whatever
    /// its host name; may be repeated.
    #[arg(long, value_name = "HEX", requires = "endpoint")]
    pub server_thumbprint: Vec<String>,

    /// Accept a server certificate with this common name from a trusted chain, whatever
    /// the host name.
    #[arg(long, value_name = "NAME", requires = "endpoint")]
    pub server_cn: Option<String>,

    /// An Azure AD bearer token.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "FABRIC_REST_TOKEN",
        hide_env_values = true,
        requires = "endpoint"
    )]
    pub token: Option<String>,

    /// Accept any server certificate. Unsafe: anyone on the path can read and change traffic.
    #[arg(long, requires = "endpoint")]
    pub insecure: bool,
}

impl Security {
    /// The client for `endpoints` (at least one), with these settings.
    pub fn client(&self, endpoints: &[String]) -> Result<Client, String> {
        let (first, others) = endpoints.split_first().ok_or("no --endpoint given")?;
        let mut builder = Client::builder(first).endpoints(others);
        let identity = match (&self.pem, &self.key, &self.pfx) {
            (Some(pem), Some(key), _) => Some(ClientIdentity::from_pem_files(pem, key)),
            (Some(pem), None, _) => Some(ClientIdentity::from_combined_pem_file(pem)),
            (None, _, Some(pfx)) => Some(ClientIdentity::from_pkcs12_file(
                pfx,
                self.pfx_password.as_deref().unwrap_or(""),
            )),
            _ => None,
        };
        if let Some(identity) = identity {
            builder = builder.client_identity(identity.map_err(|e| e.to_string())?);
        }
        if let Some(ca) = &self.ca {
            builder = builder.ca_certificates_file(ca);
        }
        for thumbprint in &self.server_thumbprint {
            builder = builder.server_thumbprint(thumbprint);
        }
        if let Some(name) = &self.server_cn {
            builder = builder.server_common_name(name);
        }
        if let Some(token) = &self.token {
            builder = builder.bearer_token(token.clone());
        }
        if self.insecure {
            eprintln!("warning: --insecure: the server's certificate is not checked");
            builder = builder.danger_accept_invalid_server_certificates();
        }
        builder.build().map_err(|e| e.to_string())
    }
}
