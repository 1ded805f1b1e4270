//! TLS settings of clients built here: which servers to trust, and which certificate to
//! present.
//!
//! ring is the crypto provider, chosen per configuration and never installed process-wide,
//! so a program that picked another provider for its own TLS keeps it.

use std::fmt;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{verify_server_cert_signed_by_trust_anchor, verify_server_name};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, DigitallySignedStruct, OtherError, RootCertStore, SignatureScheme};

use crate::certificate::{Thumbprint, subject_common_names};
use crate::identity::ClientIdentity;

/// How the client decides that the server is the cluster.
#[derive(Clone, Debug, Default)]
pub(crate) struct ServerVerification {
    /// Trusted CAs in place of the system's roots.
    pub(crate) ca_certificates: Option<Vec<CertificateDer<'static>>>,
    pub(crate) thumbprints: Vec<Thumbprint>,
    pub(crate) common_names: Vec<String>,
    pub(crate) issuer_thumbprints: Vec<Thumbprint>,
    pub(crate) accept_invalid: bool,
}

/// The TLS configuration of a client built without a user-supplied `reqwest::Client`.
impl ServerVerification {
    /// Whether any server verification setting differs from the default.
    pub(crate) fn is_configured(&self) -> bool {
        !self.thumbprints.is_empty()
            || !self.common_names.is_empty()
            || self.accept_invalid
            || self.ca_certificates.is_some()
    }
}

pub(crate) fn client_config(
    verification: &ServerVerification,
    identity: Option<&ClientIdentity>,
) -> Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = match &verification.ca_certificates {
        Some(certs) => certs.clone(),
        None => rustls_native_certs::load_native_certs().certs,
    };
    let mut store = RootCertStore::empty();
    let (_, unusable) = store.add_parsable_certificates(roots.iter().cloned());
    if verification.ca_certificates.is_some() && unusable > 0 {
        return Err(format!(
            "{unusable} of the given CA certificates cannot be used as trust anchors"
        ));
    }
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let pinned = !verification.thumbprints.is_empty() || !verification.common_names.is_empty();
    let builder = if verification.accept_invalid {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyServer { provider }))
    } else if pinned {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(ClusterCertVerifier {
                thumbprints: verification.thumbprints.clone(),
                common_names: verification.common_names.clone(),
                issuer_thumbprints: verification.issuer_thumbprints.clone(),
                roots: Arc::new(store),
                root_certificates: roots,
                provider,
            }))
    } else {
        builder.with_root_certificates(store)
    };
    match identity {
        Some(identity) => builder
            .with_client_auth_cert(identity.chain().to_vec(), identity.key())
            .map_err(|e| match e {
                rustls::Error::InconsistentKeys(_) => {
                    "the client certificate and the private key do not belong together".to_owned()
                }
                other => format!("the client certificate or key cannot be used: {other}"),
            }),
        None => Ok(builder.with_no_client_auth()),
    }
}

/// Verifies a cluster certificate the way Service Fabric's own clients do: by pinned
/// thumbprint, or by common name on a certificate that chains to a trusted root. Neither
/// looks at the host name, which cluster certificates rarely match.
struct ClusterCertVerifier {
    thumbprints: Vec<Thumbprint>,
    common_names: Vec<String>,
    issuer_thumbprints: Vec<Thumbprint>,
    roots: Arc<RootCertStore>,
    /// The roots as certificates, for the issuer thumbprint of a certificate a root signed.
    root_certificates: Vec<CertificateDer<'static>>,
    provider: Arc<CryptoProvider>,
}

impl ClusterCertVerifier {
    fn verify_common_name(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<(), rustls::Error> {
        let parsed = ParsedCertificate::try_from(end_entity)?;
        let algorithms = self.provider.signature_verification_algorithms.all;
        verify_server_cert_signed_by_trust_anchor(&parsed, &self.roots, intermediates, now, algorithms)?;
        let found = subject_common_names(end_entity);
        let named = self.common_names.iter().any(|expected| {
            found.iter().any(|cn| cn.eq_ignore_ascii_case(expected))
                || ServerName::try_from(expected.as_str()).is_ok_and(|name| verify_server_name(&parsed, &name).is_ok())
        });
        if !named {
            return Err(other(CommonNameMismatch {
                expected: self.common_names.clone(),
                found,
            }));
        }
        if self.issuer_thumbprints.is_empty() {
            return Ok(());
        }
        // The certificate must be signed by (a chain through) one of the pinned issuers.
        let mut issuers = RootCertStore::empty();
        let candidates = intermediates.iter().chain(&self.root_certificates);
        issuers.add_parsable_certificates(
            candidates
                .filter(|c| self.issuer_thumbprints.iter().any(|t| t.matches(c)))
                .map(|c| c.clone().into_owned()),
        );
        match verify_server_cert_signed_by_trust_anchor(&parsed, &issuers, intermediates, now, algorithms) {
            Ok(()) => Ok(()),
            Err(_) => Err(other(IssuerMismatch {
                expected: self.issuer_thumbprints.clone(),
                presented: intermediates.iter().map(|c| Thumbprint::sha1_of(c)).collect(),
            })),
        }
    }
}

impl ServerCertVerifier for ClusterCertVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self.thumbprints.iter().any(|t| t.matches(end_entity)) {
            return Ok(ServerCertVerified::assertion());
        }
        if self.common_names.is_empty() {
            return Err(other(ThumbprintMismatch {
                expected: self.thumbprints.clone(),
                sha1: Thumbprint::sha1_of(end_entity),
                sha256: Thumbprint::sha256_of(end_entity),
            }));
        }
        self.verify_common_name(end_entity, intermediates, now)?;
        Ok(ServerCertVerified::assertion())
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

impl fmt::Debug for ClusterCertVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClusterCertVerifier")
            .field("thumbprints", &self.thumbprints)
            .field("common_names", &self.common_names)
            .field("issuer_thumbprints", &self.issuer_thumbprints)
            .finish_non_exhaustive()
    }
}

/// Accepts any server certificate, checking only that the server holds its key.
#[derive(Debug)]
struct AcceptAnyServer {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for AcceptAnyServer {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
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

fn other(error: impl std::error::Error + Send + Sync + 'static) -> rustls::Error {
    rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(error))))
}

fn list(thumbprints: &[Thumbprint]) -> String {
    let texts: Vec<String> = thumbprints.iter().map(Thumbprint::to_string).collect();
    texts.join(", ")
}

/// The server's certificate is none of the pinned ones.
#[derive(Debug)]
pub(crate) struct ThumbprintMismatch {
    expected: Vec<Thumbprint>,
    sha1: Thumbprint,
    sha256: Thumbprint,
}

impl fmt::Display for ThumbprintMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the server's certificate has thumbprint {} (SHA-256 {}), which is not the expected {}; check the cluster certificate's thumbprint (it changes when the certificate is renewed)",
            self.sha1,
            self.sha256,
            list(&self.expected)
        )
    }
}

impl std::error::Error for ThumbprintMismatch {}

/// The server's certificate is trusted but issued to another name.
#[derive(Debug)]
pub(crate) struct CommonNameMismatch {
    expected: Vec<String>,
    found: Vec<String>,
}

impl fmt::Display for CommonNameMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = match self.found.as_slice() {
            [] => "no common name".to_owned(),
            [one] => format!("common name {one:?}"),
            many => format!("common names {}", quoted(many)),
        };
        write!(
            f,
            "the server's certificate has {found}, not {}; check the server common name configured for the cluster",
            quoted(&self.expected)
        )
    }
}

/// `"a"`, or `"a", "b"`: names as Rust quotes them, so no name can break the line.
fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
}

impl std::error::Error for CommonNameMismatch {}

/// The server's certificate has the right name but comes from another issuer.
#[derive(Debug)]
pub(crate) struct IssuerMismatch {
    expected: Vec<Thumbprint>,
    presented: Vec<Thumbprint>,
}

impl fmt::Display for IssuerMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the server's certificate is not issued by a certificate with thumbprint {}",
            list(&self.expected)
        )?;
        if !self.presented.is_empty() {
            write!(f, " (the server sent issuers {})", list(&self.presented))?;
        }
        Ok(())
    }
}

impl std::error::Error for IssuerMismatch {}
