//! Certificates made at test time, test endpoints, and a bound on every test.

#![allow(dead_code)]

pub mod raw;

use std::future::Future;
use std::time::Duration;

use fabric_rest_runtime::{Client, Endpoint, Json, Location, Method, Param, RequestBuilder, Result, call};
use rcgen::{
    BasicConstraints, Certificate, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, date_time_ymd,
};
use ring::digest;

pub static STATUS: Endpoint = Endpoint::new(
    "GetClusterConfigurationUpgradeStatus",
    Method::Get,
    "/$/GetClusterConfigurationUpgradeStatus",
    "6.0",
)
.with_params(&[Param::new("timeout", Location::Query, false)]);

pub static SET_STATE: Endpoint = Endpoint::new(
    "SetUpgradeOrchestrationServiceState",
    Method::Post,
    "/$/SetUpgradeOrchestrationServiceState",
    "6.0",
)
.with_params(&[Param::new("state", Location::Body, true)]);

/// GetClusterConfigurationUpgradeStatus, an idempotent GET.
pub async fn status(client: &Client) -> Result<serde_json::Value> {
    let request = RequestBuilder::new(&STATUS, client);
    call::<_, Json<serde_json::Value>>(client, request.build()).await
}

/// SetUpgradeOrchestrationServiceState, a POST that is not idempotent.
pub async fn set_state(client: &Client) -> Result<serde_json::Value> {
    let mut request = RequestBuilder::new(&SET_STATE, client);
    request.json_body(&serde_json::json!({"ServiceState": "state"}));
    call::<_, Json<serde_json::Value>>(client, request.build()).await
}

/// Runs `test`, failing it when it takes longer than 20 seconds.
pub async fn bounded<T>(test: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), test)
        .await
        .expect("the test hung")
}

/// A port on 127.0.0.1 nobody listens on.
pub async fn closed_port() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    base
}

/// A certificate and its key, in PEM and DER.
pub struct Leaf {
    pub cert_pem: String,
    pub key_pem: String,
    pub der: Vec<u8>,
    pub key_der: Vec<u8>,
}

impl Leaf {
    pub fn sha1(&self) -> String {
        hex(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, &self.der).as_ref())
    }

    pub fn sha256(&self) -> String {
        hex(digest::digest(&digest::SHA256, &self.der).as_ref())
    }

    pub fn combined_pem(&self) -> String {
        format!("{}{}", self.cert_pem, self.key_pem)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// A certificate authority made for one test.
pub struct Authority {
    issuer: Issuer<'static, KeyPair>,
    pub cert: Certificate,
}

impl Authority {
    pub fn new(name: &str) -> Authority {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::DigitalSignature];
        let cert = params.self_signed(&key).unwrap();
        Authority {
            issuer: Issuer::new(params, key),
            cert,
        }
    }

    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    pub fn sha1(&self) -> String {
        hex(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, self.cert.der()).as_ref())
    }

    /// A certificate with common name `cn` and the DNS or IP names `names`.
    pub fn issue(&self, cn: &str, names: &[&str]) -> Leaf {
        self.issue_with(cn, names, |_| {})
    }

    pub fn issue_with(&self, cn: &str, names: &[&str], adjust: impl FnOnce(&mut CertificateParams)) -> Leaf {
        let key = KeyPair::generate().unwrap();
        let mut params = leaf_params(cn, names);
        adjust(&mut params);
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        leaf(cert, key)
    }

    /// A certificate that expired on 2020-01-01.
    pub fn issue_expired(&self, cn: &str, names: &[&str]) -> Leaf {
        self.issue_with(cn, names, |params| {
            params.not_before = date_time_ymd(2019, 1, 1);
            params.not_after = date_time_ymd(2020, 1, 1);
        })
    }
}

fn leaf_params(cn: &str, names: &[&str]) -> CertificateParams {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut params = CertificateParams::new(names).unwrap();
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, cn);
    params
}

fn leaf(cert: Certificate, key: KeyPair) -> Leaf {
    Leaf {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        der: cert.der().to_vec(),
        key_der: key.serialize_der(),
    }
}

/// A self-signed certificate, trusted by nobody.
pub fn self_signed(cn: &str, names: &[&str]) -> Leaf {
    let key = KeyPair::generate().unwrap();
    let cert = leaf_params(cn, names).self_signed(&key).unwrap();
    leaf(cert, key)
}
