//! The https side: the server certificate a test supplies, and client certificates
//! checked the way the gateway checks them.
//!
//! The real gateway accepts the TLS handshake with any client certificate or none, and
//! refuses afterwards with an HTTP status and an empty body. So the handshake here asks
//! for a certificate without requiring one and only checks that the client holds its key;
//! whether the certificate is trusted is decided per connection, before any request.

use std::io;
use std::sync::Arc;

use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{ServerConfig, WebPkiClientVerifier};
use rustls::{DigitallySignedStruct, DistinguishedName, RootCertStore, SignatureScheme};

/// What a connection's client certificate is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClientCertificate {
    /// The client sent none (or the connection is plain http).
    Missing,
    /// The client sent one that does not chain to the required CA.
    Untrusted,
    /// The client sent one issued by the required CA.
    Trusted,
}

/// TLS settings of an https emulator.
pub(crate) struct Tls {
    pub(crate) config: Arc<ServerConfig>,
    /// The verifier of the required CA, when client certificates are required.
    trusted_clients: Option<Arc<dyn ClientCertVerifier>>,
}

fn invalid(what: &str, detail: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{what}: {detail}"))
}

fn certificates(pem: &[u8], what: &str) -> io::Result<Vec<CertificateDer<'static>>> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| invalid(what, e))?;
    if certs.is_empty() {
        return Err(invalid(what, "no certificate in the PEM text"));
    }
    Ok(certs)
}

impl Tls {
    pub(crate) fn new(cert_pem: &[u8], key_pem: &[u8], client_ca_pem: Option<&[u8]>) -> io::Result<Tls> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let chain = certificates(cert_pem, "the emulator's certificate")?;
        let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|e| invalid("the emulator's key", e))?;
        let trusted_clients = match client_ca_pem {
            Some(pem) => {
                let mut roots = RootCertStore::empty();
                for cert in certificates(pem, "the client CA")? {
                    roots.add(cert).map_err(|e| invalid("the client CA", e))?;
                }
                let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&provider))
                    .build()
                    .map_err(|e| invalid("the client CA", e))?;
                Some(verifier)
            }
            None => None,
        };
        let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| invalid("TLS", e))?;
        let builder = match &trusted_clients {
            Some(trusted) => builder.with_client_cert_verifier(Arc::new(AskForClientCertificate {
                hints: trusted.root_hint_subjects().to_vec(),
                provider,
            })),
            None => builder.with_no_client_auth(),
        };
        let config = builder
            .with_single_cert(chain, key)
            .map_err(|e| invalid("the emulator's certificate and key", e))?;
        Ok(Tls {
            config: Arc::new(config),
            trusted_clients,
        })
    }

    /// Judges the certificates a client presented in its handshake.
    pub(crate) fn judge(&self, presented: Option<&[CertificateDer<'static>]>) -> ClientCertificate {
        let Some((end_entity, intermediates)) = presented.and_then(<[_]>::split_first) else {
            return ClientCertificate::Missing;
        };
        match &self.trusted_clients {
            Some(verifier) => match verifier.verify_client_cert(end_entity, intermediates, UnixTime::now()) {
                Ok(_) => ClientCertificate::Trusted,
                Err(_) => ClientCertificate::Untrusted,
            },
            None => ClientCertificate::Trusted,
        }
    }

    pub(crate) fn requires_client_certificates(&self) -> bool {
        self.trusted_clients.is_some()
    }
}

/// Asks for a client certificate, takes any, and checks only that the client holds its
/// key.
#[derive(Debug)]
struct AskForClientCertificate {
    hints: Vec<DistinguishedName>,
    provider: Arc<CryptoProvider>,
}

impl ClientCertVerifier for AskForClientCertificate {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}
