//! TLS settings of clients built here.

use std::sync::Arc;

/// The TLS configuration of a client built without a user-supplied `reqwest::Client`: ring
/// as the crypto provider (chosen here, not installed process-wide) and the system's trusted
/// roots.
pub(crate) fn default_config() -> Result<rustls::ClientConfig, rustls::Error> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth())
}
