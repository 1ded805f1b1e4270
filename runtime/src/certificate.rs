//! What error messages say about a certificate: its thumbprints and its subject's common
//! name, read with a small DER walker rather than a full X.509 parser.

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

/// One DER element: its tag, and its contents.
struct Element<'a> {
    tag: u8,
    contents: &'a [u8],
}

/// Splits the first DER element off `input`.
fn next_element(input: &[u8]) -> Option<(Element<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let length = if first < 0x80 {
        usize::from(first)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (bytes, after) = rest.split_at(count);
        rest = after;
        bytes.iter().fold(0usize, |n, &b| (n << 8) | usize::from(b))
    };
    if rest.len() < length {
        return None;
    }
    let (contents, after) = rest.split_at(length);
    Some((Element { tag, contents }, after))
}

fn elements(mut input: &[u8]) -> impl Iterator<Item = Element<'_>> {
    std::iter::from_fn(move || {
        let (element, rest) = next_element(input)?;
        input = rest;
        Some(element)
    })
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const OID: u8 = 0x06;
const EXPLICIT_VERSION: u8 = 0xa0;
/// 2.5.4.3, the common name attribute.
const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];

/// The common name of a certificate's subject, when it has one that is text.
pub(crate) fn subject_common_name(der: &[u8]) -> Option<String> {
    let (certificate, _) = next_element(der)?;
    let (tbs, _) = next_element(certificate.contents)?;
    if certificate.tag != SEQUENCE || tbs.tag != SEQUENCE {
        return None;
    }
    let mut fields = elements(tbs.contents).peekable();
    if fields.peek()?.tag == EXPLICIT_VERSION {
        fields.next();
    }
    // serialNumber, signature, issuer, validity, then subject.
    let subject = fields.nth(4)?;
    if subject.tag != SEQUENCE {
        return None;
    }
    elements(subject.contents)
        .filter(|rdn| rdn.tag == SET)
        .flat_map(|rdn| elements(rdn.contents))
        .filter(|pair| pair.tag == SEQUENCE)
        .find_map(|pair| {
            let mut parts = elements(pair.contents);
            let oid = parts.next()?;
            let value = parts.next()?;
            (oid.tag == OID && oid.contents == COMMON_NAME)
                .then(|| String::from_utf8_lossy(value.contents).into_owned())
        })
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

    #[test]
    fn common_name_of_garbage_is_none() {
        assert_eq!(subject_common_name(b""), None);
        assert_eq!(subject_common_name(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), None);
        assert_eq!(subject_common_name(&[0x30, 0x02, 0x30, 0x00]), None);
    }
}
