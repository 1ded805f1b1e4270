//! What the client checks and says about a certificate: its thumbprints, and its subject's
//! common names, read with a maintained X.509 parser.

use std::fmt;

use ring::digest;

/// A certificate thumbprint: the SHA-1 (as Service Fabric and Windows show it) or SHA-256
/// digest of the certificate's DER encoding.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Thumbprint {
    Sha1([u8; 20]),
    Sha256([u8; 32]),
}

impl Thumbprint {
    /// Reads a thumbprint written in hex, ignoring case, colons, spaces and the invisible
    /// marks that copying from the Windows certificate dialog adds.
    pub(crate) fn parse(text: &str) -> Result<Thumbprint, String> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, ':' | ' ' | '-' | '\u{200e}' | '\u{200f}' | '\u{feff}'))
            .collect();
        let bytes = decode_hex(&digits).ok_or_else(|| {
            format!("the thumbprint {text:?} is not hexadecimal (40 digits for SHA-1, 64 for SHA-256)")
        })?;
        if let Ok(sha1) = <[u8; 20]>::try_from(bytes.as_slice()) {
            Ok(Thumbprint::Sha1(sha1))
        } else if let Ok(sha256) = <[u8; 32]>::try_from(bytes.as_slice()) {
            Ok(Thumbprint::Sha256(sha256))
        } else {
            Err(format!(
                "the thumbprint {text:?} has {} hex digits; a SHA-1 thumbprint has 40, a SHA-256 one 64",
                digits.len()
            ))
        }
    }

    /// Whether `der` is the certificate this thumbprint names.
    pub(crate) fn matches(&self, der: &[u8]) -> bool {
        match self {
            Thumbprint::Sha1(expected) => digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref() == expected,
            Thumbprint::Sha256(expected) => digest::digest(&digest::SHA256, der).as_ref() == expected,
        }
    }

    pub(crate) fn sha1_of(der: &[u8]) -> Thumbprint {
        let mut out = [0; 20];
        out.copy_from_slice(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, der).as_ref());
        Thumbprint::Sha1(out)
    }

    pub(crate) fn sha256_of(der: &[u8]) -> Thumbprint {
        let mut out = [0; 32];
        out.copy_from_slice(digest::digest(&digest::SHA256, der).as_ref());
        Thumbprint::Sha256(out)
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Thumbprint::Sha1(b) => b,
            Thumbprint::Sha256(b) => b,
        }
    }
}

/// Upper-case hex without separators, as Service Fabric prints thumbprints.
impl fmt::Display for Thumbprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.bytes() {
            write!(f, "{b:02X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Thumbprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Thumbprint::Sha1(_) => "Sha1",
            Thumbprint::Sha256(_) => "Sha256",
        };
        write!(f, "{name}({self})")
    }
}

fn decode_hex(digits: &str) -> Option<Vec<u8>> {
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    let digits = digits.as_bytes();
    let value = |c: u8| (c as char).to_digit(16);
    digits
        .chunks(2)
        .map(|pair| Some((value(pair[0])? * 16 + value(pair[1])?) as u8))
        .collect()
}

/// Every common name of a certificate's subject, in the order the subject lists them:
/// several relative distinguished names may each hold one, and one name may hold several
/// (a multi-valued RDN). Service Fabric accepts a certificate when any of them matches.
/// Empty when `der` is not a certificate or its subject has no common name that is text.
pub(crate) fn subject_common_names(der: &[u8]) -> Vec<String> {
    let Ok((_, certificate)) = x509_parser::parse_x509_certificate(der) else {
        return Vec::new();
    };
    certificate
        .subject()
        .iter_common_name()
        .filter_map(|name| name.as_str().ok())
        .map(str::to_owned)
        .collect()
}

/// The first common name of a certificate's subject, to name the certificate in messages.
pub(crate) fn subject_common_name(der: &[u8]) -> Option<String> {
    subject_common_names(der).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbprints_in_every_form_people_paste() {
        let sha1 = "A9:4B:7C:0D:1E:2F:30:41:52:63:74:85:96:A7:B8:C9:DA:EB:FC:0D";
        let parsed = Thumbprint::parse(sha1).unwrap();
        assert_eq!(parsed.to_string(), "A94B7C0D1E2F30415263748596A7B8C9DAEBFC0D");
        assert_eq!(
            Thumbprint::parse("\u{200e}a94b7c0d1e2f3041 5263748596a7b8c9daebfc0d").unwrap(),
            parsed
        );
        assert!(matches!(Thumbprint::parse(&"ab".repeat(32)), Ok(Thumbprint::Sha256(_))));
        assert_eq!(
            Thumbprint::parse("abcd").unwrap_err(),
            "the thumbprint \"abcd\" has 4 hex digits; a SHA-1 thumbprint has 40, a SHA-256 one 64"
        );
        assert!(Thumbprint::parse("zz").is_err());
        assert!(Thumbprint::parse("").is_err());
        assert!(Thumbprint::parse("é").is_err());
    }

    /// A DER element of `tag` holding `content`.
    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        match content.len() {
            n @ 0..=0x7f => out.push(n as u8),
            n @ 0x80..=0xff => out.extend([0x81, n as u8]),
            n => out.extend([0x82, (n >> 8) as u8, n as u8]),
        }
        out.extend_from_slice(content);
        out
    }

    /// One attribute of a name: `oid` (DER contents) with a UTF8String value.
    fn attribute(oid: &[u8], value: &str) -> Vec<u8> {
        tlv(0x30, &[tlv(0x06, oid), tlv(0x0c, value.as_bytes())].concat())
    }

    const CN: &[u8] = &[0x55, 0x04, 0x03];
    const ORGANIZATION: &[u8] = &[0x55, 0x04, 0x0a];

    /// A certificate (unsigned: only its fields are read) whose subject is `rdns`, each a
    /// list of attributes in one relative distinguished name.
    fn certificate(rdns: &[Vec<Vec<u8>>]) -> Vec<u8> {
        let name = |rdns: &[Vec<Vec<u8>>]| {
            tlv(
                0x30,
                &rdns
                    .iter()
                    .map(|rdn| tlv(0x31, &rdn.concat()))
                    .collect::<Vec<_>>()
                    .concat(),
            )
        };
        let algorithm = tlv(
            0x30,
            &[tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02])].concat(),
        );
        let validity = tlv(
            0x30,
            &[tlv(0x17, b"250101000000Z"), tlv(0x17, b"350101000000Z")].concat(),
        );
        let key = tlv(
            0x30,
            &[
                tlv(
                    0x30,
                    &[
                        tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
                        tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]),
                    ]
                    .concat(),
                ),
                tlv(0x03, &[&[0x00, 0x04][..], &[7; 64]].concat()),
            ]
            .concat(),
        );
        let issuer = name(&[vec![attribute(CN, "issuer")]]);
        let tbs = tlv(
            0x30,
            &[
                tlv(0xa0, &tlv(0x02, &[2])),
                tlv(0x02, &[1]),
                algorithm.clone(),
                issuer,
                validity,
                name(rdns),
                key,
            ]
            .concat(),
        );
        tlv(0x30, &[tbs, algorithm, tlv(0x03, &[0x00, 0x00])].concat())
    }

    #[test]
    fn every_common_name_of_the_subject_counts() {
        // Two RDNs, the first multi-valued with an organization and a common name.
        let der = certificate(&[
            vec![attribute(ORGANIZATION, "Contoso"), attribute(CN, "cluster.contoso.com")],
            vec![attribute(CN, "backup.contoso.com")],
        ]);
        assert_eq!(
            subject_common_names(&der),
            ["cluster.contoso.com", "backup.contoso.com"]
        );
        assert_eq!(subject_common_name(&der).as_deref(), Some("cluster.contoso.com"));
        // A multi-valued RDN holding two common names.
        let der = certificate(&[vec![attribute(CN, "a.contoso.com"), attribute(CN, "b.contoso.com")]]);
        assert_eq!(subject_common_names(&der), ["a.contoso.com", "b.contoso.com"]);
        let der = certificate(&[vec![attribute(ORGANIZATION, "Contoso")]]);
        assert!(subject_common_names(&der).is_empty());
    }

    #[test]
    fn common_name_of_garbage_is_none() {
        assert_eq!(subject_common_name(b""), None);
        assert_eq!(subject_common_name(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), None);
        assert_eq!(subject_common_name(&[0x30, 0x02, 0x30, 0x00]), None);
        assert!(subject_common_names(&[0x30, 0x03, 0x02, 0x01, 0x00]).is_empty());
    }
}
