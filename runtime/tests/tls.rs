//! Server verification and client certificates over real TLS on loopback, with
//! certificates made at test time.

mod support;

use fabric_rest_emulator::Emulator;
use fabric_rest_runtime::{Client, ClientIdentity, RetryPolicy};
use support::{Authority, Leaf, bounded, self_signed, set_state, status};

async fn https(server: &Leaf) -> Emulator {
    Emulator::builder()
        .tls(server.cert_pem.clone(), server.key_pem.clone())
        .start()
        .await
        .unwrap()
}

fn builder(emulator: &Emulator) -> fabric_rest_runtime::ClientBuilder {
    Client::builder(&emulator.base_url()).retry_policy(RetryPolicy::none())
}

/// The error's text without the request id, which changes with every run.
fn text(error: &fabric_rest_runtime::Error) -> String {
    let text = error.display_chain().to_string();
    let id = error.request_id().unwrap_or_default();
    match text.find(&format!(" [request id {id}:")) {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[tokio::test]
async fn a_ca_bundle_is_trusted_and_the_system_roots_refuse_a_private_ca() {
    bounded(async {
        let ca = Authority::new("fabric-rest test CA");
        let emulator = https(&ca.issue("gateway", &["127.0.0.1", "localhost"])).await;

        let trusting = builder(&emulator).ca_certificates_pem(ca.pem()).build().unwrap();
        status(&trusting).await.unwrap();

        let error = status(&builder(&emulator).build().unwrap()).await.unwrap_err();
        assert!(error.is_connect());
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate is not issued by a trusted CA (unknown issuer); give the cluster's CA with ClientBuilder::ca_certificates_pem, or pin the server certificate with ClientBuilder::server_thumbprint"
        );
        assert_eq!(emulator.requests().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_cluster_certificate_for_another_name_is_accepted_by_common_name_only() {
    bounded(async {
        let ca = Authority::new("fabric-rest test CA");
        let emulator = https(&ca.issue("cluster.contoso.test", &["cluster.contoso.test"])).await;

        let by_host = status(&builder(&emulator).ca_certificates_pem(ca.pem()).build().unwrap())
            .await
            .unwrap_err();
        assert_eq!(
            text(&by_host),
            "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate is not issued for the host name 127.0.0.1 (it names cluster.contoso.test); cluster certificates often are not: verify it with ClientBuilder::server_common_name or ClientBuilder::server_thumbprint"
        );

        let by_name = builder(&emulator)
            .ca_certificates_pem(ca.pem())
            .server_common_name("Cluster.Contoso.Test")
            .build()
            .unwrap();
        status(&by_name).await.unwrap();

        let wrong_name = builder(&emulator)
            .ca_certificates_pem(ca.pem())
            .server_common_name("other.contoso.test")
            .build()
            .unwrap();
        let error = status(&wrong_name).await.unwrap_err();
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate has common name \"cluster.contoso.test\", not \"other.contoso.test\"; check the server common name configured for the cluster"
        );

        // The right name on a certificate from an untrusted CA is still refused.
        let untrusted = builder(&emulator)
            .ca_certificates_pem(Authority::new("other CA").pem())
            .server_common_name("cluster.contoso.test")
            .build()
            .unwrap();
        let error = status(&untrusted).await.unwrap_err();
        assert!(text(&error).contains("(unknown issuer)"), "{error}");
    })
    .await;
}

#[tokio::test]
async fn a_common_name_with_an_issuer_thumbprint() {
    bounded(async {
        let ca = Authority::new("fabric-rest test CA");
        let emulator = https(&ca.issue("cluster.contoso.test", &["cluster.contoso.test"])).await;
        let with_issuer = |thumbprint: &str| {
            builder(&emulator)
                .ca_certificates_pem(ca.pem())
                .server_common_name("cluster.contoso.test")
                .server_issuer_thumbprint(thumbprint)
                .build()
                .unwrap()
        };
        status(&with_issuer(&ca.sha1().to_lowercase())).await.unwrap();

        let other = Authority::new("other CA");
        let error = status(&with_issuer(&other.sha1())).await.unwrap_err();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate is not issued by a certificate with thumbprint {}",
                other.sha1()
            )
        );
    })
    .await;
}

#[tokio::test]
async fn a_pinned_thumbprint_accepts_exactly_that_certificate() {
    bounded(async {
        let server = self_signed("cluster", &["cluster.contoso.test"]);
        let emulator = https(&server).await;

        let colons: Vec<String> = server.sha1().as_bytes().chunks(2).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
        let sha1 = builder(&emulator).server_thumbprint(&colons.join(":").to_lowercase()).build().unwrap();
        status(&sha1).await.unwrap();
        let sha256 = builder(&emulator).server_thumbprint(&server.sha256()).build().unwrap();
        status(&sha256).await.unwrap();

        let other = self_signed("cluster", &["cluster.contoso.test"]);
        let wrong = builder(&emulator).server_thumbprint(&other.sha1()).build().unwrap();
        let error = status(&wrong).await.unwrap_err();
        assert_eq!(
            text(&error),
            format!(
                "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate has thumbprint {} (SHA-256 {}), which is not the expected {}; check the cluster certificate's thumbprint (it changes when the certificate is renewed)",
                server.sha1(),
                server.sha256(),
                other.sha1()
            )
        );
    })
    .await;
}

#[tokio::test]
async fn an_expired_server_certificate_says_when_it_expired() {
    bounded(async {
        let ca = Authority::new("fabric-rest test CA");
        let emulator = https(&ca.issue_expired("gateway", &["127.0.0.1"])).await;
        let client = builder(&emulator).ca_certificates_pem(ca.pem()).build().unwrap();
        let error = status(&client).await.unwrap_err();
        let text = text(&error);
        assert!(
            text.starts_with(
                "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate expired at 2020-01-01T00:00:00Z (it is now 20"
            ),
            "{text}"
        );
        assert!(text.ends_with("); the cluster certificate needs renewing (or this machine's clock is wrong)"));
    })
    .await;
}

#[tokio::test]
async fn the_insecure_mode_accepts_any_certificate() {
    bounded(async {
        let emulator = https(&self_signed("anyone", &["elsewhere.test"])).await;
        let client = builder(&emulator)
            .danger_accept_invalid_server_certificates()
            .build()
            .unwrap();
        status(&client).await.unwrap();
    })
    .await;
}

async fn requiring_client_certificates(clients: &Authority) -> (Authority, Emulator) {
    let ca = Authority::new("cluster CA");
    let server = ca.issue("gateway", &["127.0.0.1"]);
    let emulator = Emulator::builder()
        .tls(server.cert_pem, server.key_pem)
        .require_client_certificate(clients.pem())
        .start()
        .await
        .unwrap();
    (ca, emulator)
}

#[tokio::test]
async fn a_required_client_certificate_is_sent_and_accepted() {
    bounded(async {
        let clients = Authority::new("client CA");
        let (ca, emulator) = requiring_client_certificates(&clients).await;
        let admin = clients.issue("admin", &[]);

        for identity in [
            ClientIdentity::from_pem(admin.cert_pem.as_bytes(), admin.key_pem.as_bytes()).unwrap(),
            ClientIdentity::from_combined_pem(admin.combined_pem().as_bytes()).unwrap(),
        ] {
            assert_eq!(identity.thumbprint(), admin.sha1());
            assert_eq!(identity.common_name().as_deref(), Some("admin"));
            let client = builder(&emulator)
                .ca_certificates_pem(ca.pem())
                .client_identity(identity)
                .build()
                .unwrap();
            set_state(&client).await.unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn a_missing_client_certificate_is_reported_clearly() {
    bounded(async {
        let clients = Authority::new("client CA");
        let (ca, emulator) = requiring_client_certificates(&clients).await;
        let client = builder(&emulator).ca_certificates_pem(ca.pem()).build().unwrap();
        let error = set_state(&client).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
        assert_eq!(
            text(&error),
            "POST /$/SetUpgradeOrchestrationServiceState: 403 Client certificate required: the gateway requires a client certificate and none is configured; set one with ClientBuilder::client_identity: empty body"
        );
    })
    .await;
}

#[tokio::test]
async fn an_untrusted_client_certificate_is_named_in_the_error() {
    bounded(async {
        let clients = Authority::new("client CA");
        let (ca, emulator) = requiring_client_certificates(&clients).await;
        let stranger = Authority::new("stranger CA").issue("intruder", &[]);
        let client = builder(&emulator)
            .ca_certificates_pem(ca.pem())
            .client_identity(ClientIdentity::from_combined_pem(stranger.combined_pem().as_bytes()).unwrap())
            .build()
            .unwrap();
        let error = set_state(&client).await.unwrap_err();
        assert_eq!(
            text(&error),
            format!(
                "POST /$/SetUpgradeOrchestrationServiceState: 403 Forbidden: the gateway refused the client certificate (CN=intruder, thumbprint {}); check that the cluster lists it (or its issuer) as an admin or read-only client and that it has not expired: empty body",
                stranger.sha1()
            )
        );
    })
    .await;
}

#[cfg(feature = "pkcs12")]
#[tokio::test]
async fn a_pkcs12_client_certificate() {
    use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};

    bounded(async {
        let clients = Authority::new("client CA");
        let (ca, emulator) = requiring_client_certificates(&clients).await;
        let admin = clients.issue("admin", &[]);
        let chain = PrivateKeyChain::new(
            b"admin".as_slice(),
            PrivateKey::from_der(&admin.key_der).unwrap(),
            [Certificate::from_der(&admin.der).unwrap()],
        );
        let mut store = KeyStore::new();
        store.add_entry("admin", KeyStoreEntry::PrivateKeyChain(chain));
        let pfx = store.writer("s3cret-pfx-password").write().unwrap();

        let identity = ClientIdentity::from_pkcs12(&pfx, "s3cret-pfx-password").unwrap();
        assert_eq!(identity.thumbprint(), admin.sha1());
        let client = builder(&emulator)
            .ca_certificates_pem(ca.pem())
            .client_identity(identity)
            .build()
            .unwrap();
        set_state(&client).await.unwrap();

        let error = ClientIdentity::from_pkcs12(&pfx, "wrong-password-123").unwrap_err();
        assert!(error.to_string().contains("check the password"), "{error}");
        assert!(!error.to_string().contains("wrong-password-123"));
        assert!(!format!("{error:?}").contains("wrong-password-123"));
    })
    .await;
}

#[tokio::test]
async fn identity_files_with_mistakes() {
    let admin = Authority::new("client CA").issue("admin", &[]);
    let other = self_signed("other", &[]);
    let error = ClientIdentity::from_pem(admin.cert_pem.as_bytes(), other.key_pem.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "invalid argument: the client certificate PEM: the private key does not belong to the client certificate (CN=admin, thumbprint {}); check that the key and the certificate come from the same pair; nothing was sent",
            admin.sha1()
        )
    );
    let mismatched = format!("{}{}", admin.cert_pem, other.key_pem);
    let error = ClientIdentity::from_combined_pem(mismatched.as_bytes()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid argument: the client PEM: the private key does not belong")
    );
    let not_a_certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    let error = ClientIdentity::from_pem(not_a_certificate.as_bytes(), admin.key_pem.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid argument: the client certificate PEM: the client certificate is not a valid X.509 certificate; nothing was sent"
    );
    let not_a_key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    let error = ClientIdentity::from_pem(admin.cert_pem.as_bytes(), not_a_key.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid argument: the client certificate PEM: the private key cannot be used (not a valid RSA, ECDSA or Ed25519 key); nothing was sent"
    );
    let error = ClientIdentity::from_combined_pem(admin.cert_pem.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("holds no private key"), "{error}");
    let error = ClientIdentity::from_pem(admin.key_pem.as_bytes(), admin.key_pem.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("holds no certificate"), "{error}");
    let error = ClientIdentity::from_pem_files("/nonexistent/admin.crt", "/nonexistent/admin.key").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid argument: cannot read /nonexistent/admin.crt: "),
        "{error}"
    );
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let admin = Authority::new("client CA").issue("admin", &[]);
    let key_body: String = admin.key_pem.lines().nth(1).unwrap().to_owned();
    let identity = ClientIdentity::from_combined_pem(admin.combined_pem().as_bytes()).unwrap();
    let builder = Client::builder("https://127.0.0.1:1")
        .client_identity(identity.clone())
        .bearer_token("eyJ-very-secret-token");
    let shown = format!("{identity:?} {builder:?}");
    let client = builder.build().unwrap();
    let shown = format!("{shown} {client:?}");
    assert!(!shown.contains(&key_body), "{shown}");
    assert!(!shown.contains("eyJ-very-secret-token"), "{shown}");
    assert!(shown.contains(&admin.sha1()), "{shown}");
    assert!(shown.contains("<redacted>"));
}

#[tokio::test]
async fn gateways_on_the_ipv6_loopback_work_over_http_and_https() {
    bounded(async {
        let v6 = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 0));
        let plain = Emulator::builder().bind(v6).start().await.unwrap();
        assert!(plain.base_url().starts_with("http://[::1]:"), "{}", plain.base_url());
        let value = status(&builder(&plain).build().unwrap()).await.unwrap();
        assert_eq!(value["ConfigVersion"], "1.0.0");
        assert_eq!(plain.requests().len(), 1);

        let ca = Authority::new("fabric-rest test CA");
        let leaf = ca.issue("gateway", &["::1"]);
        let secure = Emulator::builder()
            .bind(v6)
            .tls(leaf.cert_pem.clone(), leaf.key_pem.clone())
            .start()
            .await
            .unwrap();
        assert!(secure.base_url().starts_with("https://[::1]:"), "{}", secure.base_url());
        status(&builder(&secure).ca_certificates_pem(ca.pem()).build().unwrap())
            .await
            .unwrap();

        // A certificate for the IPv4 loopback does not name [::1].
        let v4_only = ca.issue("gateway", &["127.0.0.1"]);
        let wrong = Emulator::builder()
            .bind(v6)
            .tls(v4_only.cert_pem.clone(), v4_only.key_pem.clone())
            .start()
            .await
            .unwrap();
        let error = status(&builder(&wrong).ca_certificates_pem(ca.pem()).build().unwrap())
            .await
            .unwrap_err();
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: cannot connect to the gateway: the server's certificate is not issued for the host name ::1 (it names 127.0.0.1); cluster certificates often are not: verify it with ClientBuilder::server_common_name or ClientBuilder::server_thumbprint"
        );
        assert!(wrong.requests().is_empty());
    })
    .await;
}
