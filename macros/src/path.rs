//! The path template: literal text and `{placeholder}` segments.

/// One piece of a path template.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text sent as it is.
    Literal(String),
    /// A whole segment filled by a path parameter.
    Placeholder(String),
}

/// Characters a literal path may hold without encoding (RFC 3986 `pchar` without `%`).
fn literal_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c)
}

/// Splits a template into pieces, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    if !template.starts_with('/') {
        return Err(format!(
            "the path must start with `/`, as in \"/{}\"",
            template.trim_start_matches('/')
        ));
    }
    if template.contains("//") {
        return Err("the path has an empty segment (`//`)".into());
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    for segment in template.split('/').skip(1) {
        literal.push('/');
        if segment.contains(['{', '}']) {
            let name = segment
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .filter(|name| !name.contains(['{', '}']))
                .ok_or_else(|| {
                    if segment.matches('{').count() != segment.matches('}').count() {
                        format!("unbalanced braces in path segment `{segment}`")
                    } else {
                        format!("a placeholder must fill a whole path segment, as in `/{{name}}/`; found `{segment}`")
                    }
                })?;
            if !is_identifier(name) {
                return Err(format!(
                    "placeholder `{{{name}}}` must be a name of letters, digits and `_`, as in `{{nodeName}}`"
                ));
            }
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            pieces.push(Piece::Placeholder(name.to_owned()));
        } else if let Some(bad) = segment.chars().find(|c| !literal_char(*c)) {
            return Err(format!(
                "the path holds `{}`, which would need percent-encoding; write literal path text plainly",
                bad.escape_default()
            ));
        } else {
            literal.push_str(segment);
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces.retain(|p| !matches!(p, Piece::Literal(l) if l.is_empty()));
    Ok(pieces)
}

pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_templates() {
        assert_eq!(
            parse("/$/StartClusterConfigurationUpgrade").unwrap(),
            vec![Piece::Literal("/$/StartClusterConfigurationUpgrade".into())]
        );
        assert_eq!(
            parse("/Nodes/{nodeName}/$/GetHealth").unwrap(),
            vec![
                Piece::Literal("/Nodes/".into()),
                Piece::Placeholder("nodeName".into()),
                Piece::Literal("/$/GetHealth".into()),
            ]
        );
        assert_eq!(
            parse("/Nodes/{nodeName}").unwrap(),
            vec![Piece::Literal("/Nodes/".into()), Piece::Placeholder("nodeName".into())]
        );
    }

    #[test]
    fn rejects_bad_templates() {
        assert_eq!(
            parse("Nodes").unwrap_err(),
            "the path must start with `/`, as in \"/Nodes\""
        );
        assert_eq!(
            parse("/Nodes/{nodeName").unwrap_err(),
            "unbalanced braces in path segment `{nodeName`"
        );
        assert_eq!(
            parse("/Nodes/x{nodeName}").unwrap_err(),
            "a placeholder must fill a whole path segment, as in `/{name}/`; found `x{nodeName}`"
        );
        assert_eq!(parse("/a//b").unwrap_err(), "the path has an empty segment (`//`)");
        assert!(parse("/a b").is_err());
        assert!(parse("/{}").is_err());
        assert!(parse("/{1x}").is_err());
    }
}
