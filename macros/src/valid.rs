//! Checks a declaration and settles everything the expansion needs.

use std::collections::HashMap;

use crate::ast::{Endpoint, Returns, upper_camel};
use crate::attr::Role;
use crate::ctxt::Ctxt;
use crate::path::{self, Piece};

/// A checked declaration, ready to expand.
pub struct Plan {
    /// The runtime's `Method` variant: `Get`, `Post`, ...
    pub method: &'static str,
    pub pieces: Vec<Piece>,
    pub api_version: String,
    pub success: Vec<u16>,
    pub default_timeout: Option<u64>,
    pub idempotent: bool,
    pub operation: String,
}

const METHODS: [(&str, &str); 5] = [
    ("GET", "Get"),
    ("POST", "Post"),
    ("PUT", "Put"),
    ("DELETE", "Delete"),
    ("PATCH", "Patch"),
];

/// `major.minor` or `major.minor-preview`, as the gateway accepts.
fn valid_api_version(text: &str) -> bool {
    let version = text.strip_suffix("-preview").unwrap_or(text);
    let Some((major, minor)) = version.split_once('.') else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    number(major) && number(minor)
}

/// Characters a query name may use unencoded.
fn valid_query_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// An HTTP header name (a token).
fn valid_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

pub fn check(endpoint: &Endpoint, cx: &mut Ctxt) -> Option<Plan> {
    let args = &endpoint.args;
    let sig = &endpoint.item.sig;

    if sig.asyncness.is_none() {
        cx.error_at(sig.fn_token, "endpoint methods are declared `async fn`");
    }
    if let Some(block) = &endpoint.item.default {
        cx.error_at(block, "declare the endpoint without a body; the attribute writes it");
    }

    let method_name = args.method.to_string();
    let method = METHODS
        .iter()
        .find(|(wire, _)| *wire == method_name)
        .map(|(_, variant)| *variant);
    if method.is_none() {
        let hint = METHODS
            .iter()
            .find(|(wire, _)| wire.eq_ignore_ascii_case(&method_name))
            .map(|(wire, _)| format!(" (write `{wire}` in capitals)"))
            .unwrap_or_default();
        cx.error_at(
            &args.method,
            format_args!("unknown HTTP method `{method_name}`{hint}; expected GET, POST, PUT, DELETE or PATCH"),
        );
    }

    let pieces = match path::parse(&args.path.value()) {
        Ok(pieces) => Some(pieces),
        Err(message) => {
            cx.error_at(&args.path, message);
            None
        }
    };

    let api_version = match &args.api_version {
        None => {
            cx.error_at(
                &args.tokens,
                "missing `api_version = \"x.y\"`: every gateway operation requires one, such as api_version = \"6.0\"",
            );
            String::new()
        }
        Some(version) if !valid_api_version(&version.value()) => {
            cx.error_at(
                version,
                format_args!(
                    "invalid api_version {:?}: expected `major.minor` or `major.minor-preview`, such as \"6.0\"",
                    version.value()
                ),
            );
            String::new()
        }
        Some(version) => version.value(),
    };

    let default_timeout = args
        .default_timeout
        .as_ref()
        .and_then(|lit| match lit.base10_parse::<u64>() {
            Ok(secs) if (1..=u64::from(u32::MAX)).contains(&secs) => Some(secs),
            _ => {
                cx.error_at(lit, "default_timeout must be between 1 and 4294967295 seconds");
                None
            }
        });

    let returns = match &endpoint.returns {
        Some(returns) => returns,
        None => {
            cx.error_span(
                endpoint.output_span(),
                "endpoint methods return `Result<T>`: `Result<Accepted>`, `Result<()>` or `Result<YourModel>`",
            );
            return None;
        }
    };

    // A 4xx may be listed when the answer carries a body of the declared type, as
    // SubmitPropertyBatch's 409 with the failed half of its `Kind`-tagged result.
    let decodes_body = matches!(returns, Returns::Json(_) | Returns::Optional(_));
    let success = match &args.success {
        Some((statuses, _)) => {
            let mut seen = Vec::new();
            for lit in statuses {
                match lit.base10_parse::<u16>() {
                    Ok(status) if (400..=499).contains(&status) && decodes_body => {
                        if seen.contains(&status) {
                            cx.error_at(lit, format_args!("status {status} is listed twice"));
                        }
                        seen.push(status);
                    }
                    Ok(status) if (200..=299).contains(&status) => {
                        if seen.contains(&status) {
                            cx.error_at(lit, format_args!("status {status} is listed twice"));
                        }
                        seen.push(status);
                    }
                    _ => cx.error_at(lit, "a success status is between 200 and 299"),
                }
            }
            seen
        }
        None => match returns {
            Returns::Accepted => vec![202],
            Returns::Optional(_) => vec![200, 204],
            Returns::Unit | Returns::Status | Returns::Json(_) => vec![200],
        },
    };
    if let Some((statuses, _)) = &args.success {
        if !seen_2xx(&success) && !statuses.is_empty() && success.len() == statuses.len() {
            cx.error_at(&statuses[0], "list at least one status between 200 and 299");
        }
        if let (Returns::Json(ty), Some(lit)) = (returns, statuses.iter().find(|lit| lit.base10_digits() == "204")) {
            cx.error_at(
                lit,
                format_args!(
                    "204 No Content has no body to read as `{}`; return `Result<Option<{0}>>`, which is `None` on 204",
                    type_text(ty)
                ),
            );
        }
    }

    check_params(endpoint, pieces.as_deref(), method, cx);

    let operation = match &args.operation {
        Some(name) if path::is_identifier(&name.value()) => name.value(),
        Some(name) => {
            cx.error_at(
                name,
                "an operation name is letters and digits, such as \"GetClusterManifest\"",
            );
            String::new()
        }
        None => upper_camel(&sig.ident.to_string()),
    };

    let method = method?;
    Some(Plan {
        method,
        pieces: pieces.unwrap_or_default(),
        api_version,
        success,
        default_timeout,
        idempotent: args
            .idempotent
            .map_or(method == "Get" || method == "Put" || method == "Delete", |(b, _)| b),
        operation,
    })
}

/// A type as a person writes it: `serde_json::Value`, not `serde_json :: Value`.
fn type_text(ty: &syn::Type) -> String {
    let text = quote::ToTokens::to_token_stream(ty).to_string();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let glue = c == ' ' && (matches!(next, Some(':' | '<' | '>' | ',')) || out.ends_with([':', '<', '&']));
        if !glue {
            out.push(c);
        }
    }
    out
}

fn seen_2xx(statuses: &[u16]) -> bool {
    statuses.iter().any(|status| (200..=299).contains(status))
}

/// The last name of a type path, under references and `Option`: `str` for `Option<&str>`.
fn base_type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Reference(reference) => base_type_name(&reference.elem),
        syn::Type::Group(group) => base_type_name(&group.elem),
        syn::Type::Paren(paren) => base_type_name(&paren.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            if last.ident == "Option"
                && let syn::PathArguments::AngleBracketed(args) = &last.arguments
                && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
            {
                return base_type_name(inner);
            }
            Some(last.ident.to_string())
        }
        _ => None,
    }
}

/// The bounds written on a query parameter make sense together and for its type.
fn check_bounds(param: &crate::ast::Param, cx: &mut Ctxt) {
    let options = &param.options;
    if let (Some(min), Some(max)) = (&options.minimum, &options.maximum)
        && min.value > max.value
    {
        cx.error_at(
            &max.expr,
            format_args!(
                "`max = {}` is below `min = {}`; no value would be accepted",
                max.value, min.value
            ),
        );
    }
    let bound = options.minimum.as_ref().or(options.maximum.as_ref());
    if let (Some(bound), Some(name)) = (bound, base_type_name(&param.ty))
        && ["bool", "str", "String", "ServerTimeout"].contains(&name.as_str())
    {
        let hint = if name == "ServerTimeout" {
            "; a ServerTimeout already holds 1..=4294967295 seconds"
        } else {
            ""
        };
        cx.error_at(
            &bound.expr,
            format_args!("`min` and `max` bound integer query parameters, and `{name}` is not an integer{hint}"),
        );
    }
}

/// Checks the parameters; with `pieces` `None` (an unreadable path) placeholders are not
/// matched, to report the path's own mistake alone.
fn check_params(endpoint: &Endpoint, pieces: Option<&[Piece]>, method: Option<&str>, cx: &mut Ctxt) {
    let mut bodies = 0;
    let mut queries: HashMap<String, ()> = HashMap::new();
    let mut headers: HashMap<String, ()> = HashMap::new();
    let mut paths: HashMap<String, ()> = HashMap::new();
    for param in &endpoint.params {
        let name = param.wire_name();
        match param.role {
            Role::Body => {
                bodies += 1;
                if bodies > 1 {
                    cx.error_at(&param.ident, "an endpoint has at most one #[body] parameter");
                }
                if method == Some("Get") {
                    cx.error_at(
                        &param.attr,
                        "a GET request carries no body; use POST or PUT, or make it a #[query]",
                    );
                }
            }
            Role::Path => {
                if param.optional {
                    cx.error_at(
                        &param.ty,
                        "a #[path] parameter cannot be an Option: every path segment is required",
                    );
                }
                if pieces.is_some_and(|pieces| !pieces.iter().any(|p| matches!(p, Piece::Placeholder(n) if *n == name)))
                {
                    cx.error_at(
                        param.name_tokens(),
                        format_args!(
                            "#[path] parameter `{}` has no `{{{name}}}` placeholder in the path",
                            param.ident
                        ),
                    );
                }
                if paths.insert(name.clone(), ()).is_some() {
                    cx.error_at(param.name_tokens(), format_args!("two parameters fill `{{{name}}}`"));
                }
            }
            Role::Query => {
                check_bounds(param, cx);
                if name == "api-version" {
                    cx.error_at(
                        param.name_tokens(),
                        "`api-version` is sent by the attribute's `api_version`; do not declare it as a parameter",
                    );
                } else if param.explicit_name.is_none() && name.contains('_') {
                    cx.error_at(param.name_tokens(),
                        format_args!(
                            "query parameter `{name}` needs its wire name: Service Fabric spells query names in PascalCase, so write #[query(\"{}\")]",
                            upper_camel(&name)
                        ),
                    );
                } else if !valid_query_name(&name) {
                    cx.error_at(param.name_tokens(), format_args!("`{name}` is not a valid query name"));
                } else if queries.insert(name.clone(), ()).is_some() {
                    cx.error_at(
                        param.name_tokens(),
                        format_args!("query name `{name}` is used twice; the gateway would read only the first"),
                    );
                }
            }
            Role::Header => {
                if param.explicit_name.is_none() {
                    cx.error_at(
                        &param.attr,
                        "#[header] needs the header's name, as in #[header(\"Content-Range\")]",
                    );
                } else if !valid_header_name(&name) {
                    cx.error_at(param.name_tokens(), format_args!("`{name}` is not a valid header name"));
                } else if headers.insert(name.to_ascii_lowercase(), ()).is_some() {
                    cx.error_at(param.name_tokens(), format_args!("header `{name}` is declared twice"));
                }
            }
        }
    }
    for piece in pieces.unwrap_or_default() {
        if let Piece::Placeholder(name) = piece
            && !paths.contains_key(name)
        {
            let snake: String = name
                .chars()
                .flat_map(|c| {
                    let lower = c.to_ascii_lowercase();
                    if c.is_ascii_uppercase() {
                        vec!['_', lower]
                    } else {
                        vec![c]
                    }
                })
                .collect();
            cx.error_at(
                &endpoint.args.path,
                format_args!("placeholder `{{{name}}}` has no parameter; add `#[path] {snake}: &str`"),
            );
        }
    }
}
