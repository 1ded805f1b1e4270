//! Turns a failed TLS handshake, or an answer that is not HTTP at all, into a sentence that
//! says what failed and what to check.

use std::error::Error as StdError;
use std::fmt;

use rustls::pki_types::{ServerName, UnixTime};
use rustls::{AlertDescription, CertificateError};

/// A TLS failure, described for a person. It has no source, so an [`Error`](crate::Error)
/// shows this text rather than the innermost error of the chain.
#[derive(Debug)]
pub(crate) struct TlsFailure {
    message: String,
    /// Whether trying again can help: a refused certificate stays refused.
    pub(crate) permanent: bool,
}

impl fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for TlsFailure {}

/// Finds the TLS error in `error`'s chain (through `io::Error`s, whose `source` skips the
/// error they wrap) and describes it; `None` when the failure is not one of TLS.
pub(crate) fn diagnose(error: &(dyn StdError + 'static), client_certificate: Option<&str>) -> Option<TlsFailure> {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(tls) = error.downcast_ref::<rustls::Error>() {
            return Some(describe(tls, client_certificate));
        }
        if let Some(inner) = error.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            current = Some(inner);
            continue;
        }
        current = error.source();
    }
    None
}

fn describe(error: &rustls::Error, client_certificate: Option<&str>) -> TlsFailure {
    let permanent = |message: String| TlsFailure {
        message,
        permanent: true,
    };
    match error {
        rustls::Error::InvalidCertificate(certificate) => permanent(describe_certificate(certificate)),
        rustls::Error::AlertReceived(alert) => match (alert, client_certificate) {
            (AlertDescription::CertificateRequired, _) | (AlertDescription::HandshakeFailure, None) => {
                permanent(format!(
                    "the gateway requires a client certificate and none was sent (TLS alert {alert:?}); configure one with ClientBuilder::client_identity"
                ))
            }
            (
                AlertDescription::BadCertificate
                | AlertDescription::UnsupportedCertificate
                | AlertDescription::CertificateRevoked
                | AlertDescription::CertificateExpired
                | AlertDescription::CertificateUnknown
                | AlertDescription::UnknownCA
                | AlertDescription::AccessDenied
                | AlertDescription::HandshakeFailure,
                Some(certificate),
            ) => permanent(format!(
                "the gateway rejected the client certificate ({certificate}) with TLS alert {alert:?}; check that the certificate is not expired, that its issuer is trusted by the cluster and that the cluster lists it as an admin or read-only client"
            )),
            _ => permanent(format!("the gateway ended the TLS handshake with alert {alert:?}")),
        },
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => permanent(format!(
            "the TLS handshake failed ({error}): the server does not look like a Service Fabric HTTP gateway over https; {CHECK_URL}"
        )),
        other => TlsFailure {
            message: format!("the TLS handshake failed: {other}"),
            permanent: false,
        },
    }
}

/// What to check when the server at a gateway URL does not speak HTTP (or TLS).
const CHECK_URL: &str = "the HTTP gateway usually listens on port 19080, while 19000 is the cluster's client connection port, which speaks a binary protocol; check the port, and the scheme (https for a secure cluster, http for an open one)";

/// Finds in `error`'s chain the sign of a server that does not speak HTTP, as on a
/// cluster's client connection port: an answer hyper cannot parse, or a connection closed
/// before any status line. Only the answer's head tells a foreign protocol: a body cut
/// short is a broken connection to a gateway.
///
/// An answer that is not HTTP is permanent: the same port answers the same way every
/// time. A connection closed without a word is not: a gateway node going down, or a proxy
/// dropping the connection, looks just the same, so a retry stays worth it and the text
/// only says what to check if it lasts.
pub(crate) fn not_http(error: &reqwest::Error) -> Option<TlsFailure> {
    if error.is_body() || error.is_decode() {
        return None;
    }
    let server = error.url().map_or_else(String::new, |url| {
        let port = url
            .port_or_known_default()
            .map_or_else(String::new, |p| format!(":{p}"));
        format!("{}{port}", url.host_str().unwrap_or_default())
    });
    foreign_protocol(error, &server)
}

/// [`not_http`] for any error chain; `server` names the server (`host:port`).
fn foreign_protocol(error: &(dyn StdError + 'static), server: &str) -> Option<TlsFailure> {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            if hyper.is_parse() || hyper.is_parse_status() {
                return Some(TlsFailure {
                    message: format!(
                        "{server} does not look like a Service Fabric HTTP gateway: its answer is not HTTP ({hyper}); {CHECK_URL}"
                    ),
                    permanent: true,
                });
            }
            if hyper.is_incomplete_message() {
                return Some(TlsFailure {
                    message: format!(
                        "{server} closed the connection without sending a status line; if that lasts, it may not be a Service Fabric HTTP gateway: {CHECK_URL}"
                    ),
                    permanent: false,
                });
            }
        }
        current = error.source();
    }
    None
}

fn describe_certificate(error: &CertificateError) -> String {
    match error {
        CertificateError::UnknownIssuer => "the server's certificate is not issued by a trusted CA (unknown issuer); give the cluster's CA with ClientBuilder::ca_certificates_pem, or pin the server certificate with ClientBuilder::server_thumbprint".to_owned(),
        CertificateError::Expired => "the server's certificate has expired; the cluster certificate needs renewing (or this machine's clock is wrong)".to_owned(),
        CertificateError::ExpiredContext { time, not_after } => format!(
            "the server's certificate expired at {} (it is now {}); the cluster certificate needs renewing (or this machine's clock is wrong)",
            utc(*not_after),
            utc(*time)
        ),
        CertificateError::NotValidYet => "the server's certificate is not valid yet; check this machine's clock".to_owned(),
        CertificateError::NotValidYetContext { time, not_before } => format!(
            "the server's certificate is not valid before {} (it is now {}); check this machine's clock",
            utc(*not_before),
            utc(*time)
        ),
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            let names = match error {
                CertificateError::NotValidForNameContext { expected, presented } => {
                    let presented: Vec<&str> = presented.iter().map(|name| plain_name(name)).collect();
                    format!(" {} (it names {})", host(expected), presented.join(", "))
                }
                _ => String::new(),
            };
            format!(
                "the server's certificate is not issued for the host name{names}; cluster certificates often are not: verify it with ClientBuilder::server_common_name or ClientBuilder::server_thumbprint"
            )
        }
        CertificateError::Other(other) => other.0.to_string(),
        other => format!("the server's certificate is refused: {other}"),
    }
}

fn host(name: &ServerName<'_>) -> String {
    match name {
        ServerName::DnsName(dns) => dns.as_ref().to_owned(),
        ServerName::IpAddress(ip) => std::net::IpAddr::from(*ip).to_string(),
        other => format!("{other:?}"),
    }
}

/// `cluster.contoso.test` from rustls' `DnsName("cluster.contoso.test")`, and `127.0.0.1`
/// from `IpAddress(127.0.0.1)`.
fn plain_name(name: &str) -> &str {
    name.strip_prefix("DnsName(\"")
        .and_then(|n| n.strip_suffix("\")"))
        .or_else(|| name.strip_prefix("IpAddress(").and_then(|n| n.strip_suffix(')')))
        .unwrap_or(name)
}

/// A moment as `2024-05-01T12:00:00Z`.
fn utc(time: UnixTime) -> String {
    let seconds = time.as_secs();
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
/// algorithm, for days after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn presented_names_lose_their_wrapping() {
        assert_eq!(plain_name("DnsName(\"cluster.contoso.test\")"), "cluster.contoso.test");
        assert_eq!(plain_name("IpAddress(127.0.0.1)"), "127.0.0.1");
        assert_eq!(plain_name("IpAddress(::1)"), "::1");
        assert_eq!(plain_name("UriName(\"spiffe://x\")"), "UriName(\"spiffe://x\")");
    }

    #[test]
    fn dates() {
        assert_eq!(utc(UnixTime::since_unix_epoch(Duration::ZERO)), "1970-01-01T00:00:00Z");
        assert_eq!(
            utc(UnixTime::since_unix_epoch(Duration::from_secs(951_782_400))),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            utc(UnixTime::since_unix_epoch(Duration::from_secs(1_735_689_599))),
            "2024-12-31T23:59:59Z"
        );
    }

    #[test]
    fn finds_the_tls_error_inside_io_errors() {
        let io = std::io::Error::other(rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer));
        let failure = diagnose(&io, None).unwrap();
        assert!(failure.permanent);
        assert!(
            failure
                .to_string()
                .starts_with("the server's certificate is not issued by a trusted CA")
        );
        assert!(diagnose(&std::io::Error::other("plain"), None).is_none());
    }

    #[test]
    fn plain_io_errors_are_not_taken_for_a_foreign_protocol() {
        let reset = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
        assert!(foreign_protocol(&reset, "127.0.0.1:19000").is_none());
    }

    #[test]
    fn client_certificate_alerts_name_the_certificate() {
        let alert = rustls::Error::AlertReceived(AlertDescription::CertificateRequired);
        assert!(describe(&alert, None).to_string().contains("none was sent"));
        let alert = rustls::Error::AlertReceived(AlertDescription::UnknownCA);
        assert!(
            describe(&alert, Some("CN=admin"))
                .to_string()
                .contains("rejected the client certificate (CN=admin)")
        );
    }
}
