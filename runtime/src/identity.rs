//! The client certificate a [`Client`](crate::Client) presents to a secure cluster.

use std::fmt;
use std::path::Path;

use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::{self, PemObject};
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::certificate::{Thumbprint, subject_common_name};
use crate::error::Error;

/// An X.509 client certificate (with the chain to send along) and its private key.
///
/// Read one from PEM (a certificate file and a key file, or one file with both) or from
/// PKCS#12 (`.pfx`, with its password), then hand it to
/// [`ClientBuilder::client_identity`](crate::ClientBuilder::client_identity). Its `Debug`
/// shows the certificate's subject and thumbprint, never the key.
///
/// ```no_run
/// use fabric_rest_runtime::{Client, ClientIdentity};
///
/// let identity = ClientIdentity::from_pem_files("admin.crt", "admin.key")?;
/// let client = Client::builder("https://cluster.example:19080")
///     .client_identity(identity)
///     .build()?;
/// # Ok::<(), fabric_rest_runtime::Error>(())
/// ```
pub struct ClientIdentity {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl ClientIdentity {
    /// The certificate (followed by any intermediates) in `cert_pem` and its private key
    /// (PKCS#8, PKCS#1 or SEC1) in `key_pem`.
    pub fn from_pem(cert_pem: &[u8], key_pem: &[u8]) -> Result<ClientIdentity, Error> {
        let chain = certificates(cert_pem, "the client certificate PEM")?;
        let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|e| key_error("the client key PEM", &e))?;
        ClientIdentity::checked(chain, key, "the client certificate PEM")
    }

    /// One PEM text holding both the certificate (and chain) and the private key, as
    /// `sfctl`'s `--pem` takes it.
    pub fn from_combined_pem(pem: &[u8]) -> Result<ClientIdentity, Error> {
        let chain = certificates(pem, "the client PEM")?;
        let key = PrivateKeyDer::from_pem_slice(pem).map_err(|e| key_error("the client PEM", &e))?;
        ClientIdentity::checked(chain, key, "the client PEM")
    }

    /// Reads [`from_pem`](Self::from_pem) from a certificate file and a key file.
    pub fn from_pem_files(cert: impl AsRef<Path>, key: impl AsRef<Path>) -> Result<ClientIdentity, Error> {
        ClientIdentity::from_pem(&read(cert.as_ref())?, &read(key.as_ref())?)
    }

    /// Reads [`from_combined_pem`](Self::from_combined_pem) from a file.
    pub fn from_combined_pem_file(path: impl AsRef<Path>) -> Result<ClientIdentity, Error> {
        ClientIdentity::from_combined_pem(&read(path.as_ref())?)
    }

    /// A PKCS#12 archive (`.pfx`, `.p12`) protected by `password` (empty when it has
    /// none). The password is used once and not kept.
    #[cfg(feature = "pkcs12")]
    pub fn from_pkcs12(der: &[u8], password: &str) -> Result<ClientIdentity, Error> {
        use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};

        // The error of a wrong password and of a damaged file look alike; say both.
        let store = KeyStore::from_pkcs12(der, password, Pkcs12ImportPolicy::Relaxed).map_err(|e| {
            Error::invalid_argument(format!(
                "cannot read the PKCS#12 file ({e}); check the password and that the file is a .pfx/.p12"
            ))
        })?;
        let chain = store.entries().find_map(|(_, entry)| match entry {
            KeyStoreEntry::PrivateKeyChain(chain) if !chain.certs().is_empty() => Some(chain),
            _ => None,
        });
        let Some(chain) = chain else {
            return Err(Error::invalid_argument(
                "the PKCS#12 file holds no private key with a certificate",
            ));
        };
        let key = PrivateKeyDer::try_from(chain.key().as_der().to_vec())
            .map_err(|e| Error::invalid_argument(format!("the PKCS#12 file's private key is not usable: {e}")))?;
        let certs = chain
            .certs()
            .iter()
            .map(|c| CertificateDer::from(c.as_der().to_vec()))
            .collect();
        ClientIdentity::checked(certs, key, "the PKCS#12 file")
    }

    /// Reads [`from_pkcs12`](Self::from_pkcs12) from a file.
    #[cfg(feature = "pkcs12")]
    pub fn from_pkcs12_file(path: impl AsRef<Path>, password: &str) -> Result<ClientIdentity, Error> {
        ClientIdentity::from_pkcs12(&read(path.as_ref())?, password)
    }

    /// The SHA-1 thumbprint of the certificate, in upper-case hex as Service Fabric lists
    /// client certificates.
    pub fn thumbprint(&self) -> String {
        self.chain
            .first()
            .map(|c| Thumbprint::sha1_of(c).to_string())
            .unwrap_or_default()
    }

    /// The common name of the certificate's subject, when it has one.
    pub fn common_name(&self) -> Option<String> {
        self.chain.first().and_then(|c| subject_common_name(c))
    }

    /// An identity whose certificate parses and whose key can sign and belongs to it;
    /// `what` names the source in errors.
    fn checked(
        chain: Vec<CertificateDer<'static>>,
        key: PrivateKeyDer<'static>,
        what: &str,
    ) -> Result<ClientIdentity, Error> {
        let identity = ClientIdentity { chain, key };
        let provider = rustls::crypto::ring::default_provider();
        match CertifiedKey::from_der(identity.chain.clone(), identity.key.clone_key(), &provider) {
            Ok(_) => Ok(identity),
            Err(rustls::Error::InvalidCertificate(_)) => Err(Error::invalid_argument(format!(
                "{what}: the client certificate is not a valid X.509 certificate"
            ))),
            Err(rustls::Error::InconsistentKeys(_)) => Err(Error::invalid_argument(format!(
                "{what}: the private key does not belong to the client certificate ({}); check that the key and the certificate come from the same pair",
                identity.describe()
            ))),
            Err(_) => Err(Error::invalid_argument(format!(
                "{what}: the private key cannot be used (not a valid RSA, ECDSA or Ed25519 key)"
            ))),
        }
    }

    pub(crate) fn chain(&self) -> &[CertificateDer<'static>] {
        &self.chain
    }

    pub(crate) fn key(&self) -> PrivateKeyDer<'static> {
        self.key.clone_key()
    }

    /// How error messages name this certificate.
    pub(crate) fn describe(&self) -> String {
        match self.common_name() {
            Some(name) => format!("CN={name}, thumbprint {}", self.thumbprint()),
            None => format!("thumbprint {}", self.thumbprint()),
        }
    }
}

impl Clone for ClientIdentity {
    fn clone(&self) -> Self {
        ClientIdentity {
            chain: self.chain.clone(),
            key: self.key.clone_key(),
        }
    }
}

impl fmt::Debug for ClientIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientIdentity")
            .field("common_name", &self.common_name())
            .field("thumbprint", &self.thumbprint())
            .field("chain_len", &self.chain.len())
            .field("key", &"<redacted>")
            .finish()
    }
}

fn certificates(pem: &[u8], what: &str) -> Result<Vec<CertificateDer<'static>>, Error> {
    let chain = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::invalid_argument(format!("{what} is not valid PEM: {}", pem_error(&e))))?;
    if chain.is_empty() {
        return Err(Error::invalid_argument(format!(
            "{what} holds no certificate (no \"-----BEGIN CERTIFICATE-----\" block)"
        )));
    }
    Ok(chain)
}

fn key_error(what: &str, error: &pem::Error) -> Error {
    match error {
        pem::Error::NoItemsFound => Error::invalid_argument(format!(
            "{what} holds no private key (no \"-----BEGIN PRIVATE KEY-----\", \"RSA PRIVATE KEY\" or \"EC PRIVATE KEY\" block; an encrypted key must be decrypted first)"
        )),
        other => Error::invalid_argument(format!("{what} is not valid PEM: {}", pem_error(other))),
    }
}

/// Describes a PEM error without quoting the file, which may hold a key.
fn pem_error(error: &pem::Error) -> &'static str {
    match error {
        pem::Error::MissingSectionEnd { .. } => "a section has no END line",
        pem::Error::IllegalSectionStart { .. } => "a BEGIN line is malformed",
        pem::Error::Base64Decode(_) => "a section is not valid base64",
        pem::Error::NoItemsFound => "nothing found",
        _ => "it cannot be read",
    }
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::invalid_argument(format!("cannot read {}: {e}", path.display())))
}
