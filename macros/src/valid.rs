//! Checks a declaration and settles everything the expansion needs. Each function checks
//! one thing and reports every mistake it finds at the tokens at fault.

use proc_macro2::Span;

use crate::ast::{Endpoint, Returns, upper_camel};
use crate::ctxt::Ctxt;
use crate::path::{self, Piece};

mod params;

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

pub fn check(endpoint: &Endpoint, cx: &mut Ctxt) -> Option<Plan> {
    check_signature(endpoint, cx);
    let method = check_method(endpoint, cx);
    let pieces = check_path(endpoint, cx);
    let api_version = check_api_version(endpoint, cx);
    let default_timeout = check_default_timeout(endpoint, cx);
    let Some(returns) = &endpoint.returns else {
        cx.error_span(
            endpoint.output_span(),
            "endpoint methods return `Result<T>`: `Result<Accepted>`, `Result<()>` or `Result<YourModel>`",
        );
        return None;
    };
    let success = check_success(endpoint, returns, cx);
    params::check(endpoint, pieces.as_deref(), method, cx);
    let operation = check_operation(endpoint, cx);
    let method = method?;
    Some(Plan {
        method,
        pieces: pieces.unwrap_or_default(),
        api_version,
        success,
        default_timeout,
        idempotent: endpoint
            .args
            .idempotent
            .map_or(matches!(method, "Get" | "Put" | "Delete"), |(b, _)| b),
        operation,
    })
}

fn check_signature(endpoint: &Endpoint, cx: &mut Ctxt) {
    let sig = &endpoint.item.sig;
    if sig.asyncness.is_none() {
        cx.error_at(sig.fn_token, "endpoint methods are declared `async fn`");
    }
    if let Some(block) = &endpoint.item.default {
        cx.error_at(block, "declare the endpoint without a body; the attribute writes it");
    }
}

fn check_method(endpoint: &Endpoint, cx: &mut Ctxt) -> Option<&'static str> {
    let written = &endpoint.args.method;
    let name = written.to_string();
    let found = METHODS
        .iter()
        .find(|(wire, _)| *wire == name)
        .map(|(_, variant)| *variant);
    if found.is_none() {
        let hint = METHODS
            .iter()
            .find(|(wire, _)| wire.eq_ignore_ascii_case(&name))
            .map(|(wire, _)| format!(" (write `{wire}` in capitals)"))
            .unwrap_or_default();
        cx.error_at(
            written,
            format_args!("unknown HTTP method `{name}`{hint}; expected GET, POST, PUT, DELETE or PATCH"),
        );
    }
    found
}

fn check_path(endpoint: &Endpoint, cx: &mut Ctxt) -> Option<Vec<Piece>> {
    let path = &endpoint.args.path;
    match path::parse(&path.value()) {
        Ok(pieces) => Some(pieces),
        Err(message) => {
            cx.error_at(path, message);
            None
        }
    }
}

/// `major.minor` or `major.minor-preview`, as the gateway accepts.
fn valid_api_version(text: &str) -> bool {
    let version = text.strip_suffix("-preview").unwrap_or(text);
    let Some((major, minor)) = version.split_once('.') else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    number(major) && number(minor)
}

fn check_api_version(endpoint: &Endpoint, cx: &mut Ctxt) -> String {
    match &endpoint.args.api_version {
        None => {
            cx.error_at(
                &endpoint.args.tokens,
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
    }
}

/// The endpoint's own default server timeout: in range, and with a `timeout` to fill.
fn check_default_timeout(endpoint: &Endpoint, cx: &mut Ctxt) -> Option<u64> {
    let lit = endpoint.args.default_timeout.as_ref()?;
    let has_timeout = endpoint
        .params
        .iter()
        .any(|p| p.role == crate::attr::Role::Query && p.wire_name() == "timeout");
    if !has_timeout {
        cx.error_at(
            lit,
            "`default_timeout` is sent as the `timeout` query parameter, and this endpoint has none; add `#[query] timeout: Option<ServerTimeout>`",
        );
    }
    match lit.base10_parse::<u64>() {
        Ok(secs) if (1..=u64::from(u32::MAX)).contains(&secs) => Some(secs),
        _ => {
            cx.error_at(lit, "default_timeout must be between 1 and 4294967295 seconds");
            None
        }
    }
}

/// The statuses that mean success: what `success` lists, or what the return type implies.
fn check_success(endpoint: &Endpoint, returns: &Returns, cx: &mut Ctxt) -> Vec<u16> {
    let Some((statuses, span)) = &endpoint.args.success else {
        return match returns {
            Returns::Accepted => vec![202],
            Returns::Optional(_) => vec![200, 204],
            Returns::Unit | Returns::Status | Returns::Json(_) => vec![200],
        };
    };
    // A 4xx may be listed when the answer carries a body of the declared type, as
    // SubmitPropertyBatch's 409 with the failed half of its `Kind`-tagged result.
    let decodes_body = matches!(returns, Returns::Json(_) | Returns::Optional(_));
    let mut seen = Vec::new();
    for lit in statuses {
        match lit.base10_parse::<u16>() {
            Ok(status) if (200..=299).contains(&status) || ((400..=499).contains(&status) && decodes_body) => {
                if seen.contains(&status) {
                    cx.error_at(lit, format_args!("status {status} is listed twice"));
                }
                seen.push(status);
            }
            _ => cx.error_at(lit, "a success status is between 200 and 299"),
        }
    }
    if !seen.iter().any(|status| (200..=299).contains(status)) && seen.len() == statuses.len() {
        cx.error_at(&statuses[0], "list at least one status between 200 and 299");
    }
    check_success_fits_return(returns, statuses, *span, &seen, cx);
    seen
}

/// The listed statuses agree with what the return type decodes.
fn check_success_fits_return(returns: &Returns, statuses: &[syn::LitInt], span: Span, seen: &[u16], cx: &mut Ctxt) {
    match returns {
        Returns::Json(ty) => {
            if let Some(lit) = statuses.iter().find(|lit| lit.base10_digits() == "204") {
                cx.error_at(
                    lit,
                    format_args!(
                        "204 No Content has no body to read as `{}`; return `Result<Option<{0}>>`, which is `None` on 204",
                        type_text(ty)
                    ),
                );
            }
        }
        Returns::Accepted if seen != [202] => cx.error_span(
            span,
            "`Accepted` means 202 Accepted; leave `success` out, or return `Result<()>` (or `Result<StatusCode>` for several statuses)",
        ),
        _ => {}
    }
}

fn check_operation(endpoint: &Endpoint, cx: &mut Ctxt) -> String {
    match &endpoint.args.operation {
        Some(name) if path::is_identifier(&name.value()) => name.value(),
        Some(name) => {
            cx.error_at(
                name,
                "an operation name is letters and digits, such as \"GetClusterManifest\"",
            );
            String::new()
        }
        None => upper_camel(&endpoint.item.sig.ident.to_string()),
    }
}

/// A type as a person writes it: `serde_json::Value`, not `serde_json :: Value`.
pub(crate) fn type_text(ty: &syn::Type) -> String {
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
