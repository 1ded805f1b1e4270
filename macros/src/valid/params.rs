//! Checks of the method's parameters, one role at a time, and of the path's placeholders.

use std::collections::HashSet;

use crate::ast::{Endpoint, Param, upper_camel};
use crate::attr::Role;
use crate::ctxt::Ctxt;
use crate::path::Piece;
use crate::suggest;

/// Headers the library sets itself (the runtime's `RESERVED_HEADERS`, which refuses them
/// at run time too): declaring one would be silently overridden or clash with the body.
pub const RESERVED_HEADERS: [&str; 7] = [
    "Authorization",
    "Connection",
    "Content-Length",
    "Content-Type",
    "Host",
    "Transfer-Encoding",
    "X-ServiceFabricRequestId",
];

/// Names already used, per role.
#[derive(Default)]
struct Seen {
    bodies: usize,
    queries: HashSet<String>,
    headers: HashSet<String>,
    paths: HashSet<String>,
}

/// Checks the parameters; with `pieces` `None` (an unreadable path) placeholders are not
/// matched, to report the path's own mistake alone.
pub fn check(endpoint: &Endpoint, pieces: Option<&[Piece]>, method: Option<&str>, cx: &mut Ctxt) {
    let mut seen = Seen::default();
    for param in &endpoint.params {
        match param.role {
            Role::Body => check_body(param, method, &mut seen, cx),
            Role::Path => check_path_param(param, pieces, &mut seen, cx),
            Role::Query => check_query(param, &mut seen, cx),
            Role::Header => check_header(param, &mut seen, cx),
        }
    }
    if let Some(pieces) = pieces {
        check_placeholders(endpoint, pieces, &seen, cx);
    }
}

fn check_body(param: &Param, method: Option<&str>, seen: &mut Seen, cx: &mut Ctxt) {
    seen.bodies += 1;
    if seen.bodies > 1 {
        cx.error_at(&param.ident, "an endpoint has at most one #[body] parameter");
    }
    if method == Some("Get") {
        cx.error_at(
            &param.attr,
            "a GET request carries no body; use POST or PUT, or make it a #[query]",
        );
    }
}

fn placeholders(pieces: &[Piece]) -> impl Iterator<Item = &str> {
    pieces.iter().filter_map(|piece| match piece {
        Piece::Placeholder(name) => Some(name.as_str()),
        Piece::Literal(_) => None,
    })
}

fn check_path_param(param: &Param, pieces: Option<&[Piece]>, seen: &mut Seen, cx: &mut Ctxt) {
    let name = param.wire_name();
    if param.optional {
        cx.error_at(
            &param.ty,
            "a #[path] parameter cannot be an Option: every path segment is required",
        );
    }
    if let Some(pieces) = pieces
        && !placeholders(pieces).any(|p| p == name)
    {
        let hint = suggest::closest(&name, placeholders(pieces))
            .map(|near| format!("; did you mean `{{{near}}}`? Name it with #[path(\"{near}\")]"))
            .unwrap_or_default();
        cx.error_at(
            param.name_tokens(),
            format_args!(
                "#[path] parameter `{}` has no `{{{name}}}` placeholder in the path{hint}",
                param.ident
            ),
        );
    }
    if !seen.paths.insert(name.clone()) {
        cx.error_at(param.name_tokens(), format_args!("two parameters fill `{{{name}}}`"));
    }
}

/// Characters a query name may use unencoded.
fn valid_query_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

fn check_query(param: &Param, seen: &mut Seen, cx: &mut Ctxt) {
    let name = param.wire_name();
    check_bounds(param, cx);
    check_server_timeout_type(param, &name, cx);
    if name == "api-version" {
        cx.error_at(
            param.name_tokens(),
            "`api-version` is sent by the attribute's `api_version`; do not declare it as a parameter",
        );
    } else if param.explicit_name.is_none() && name.contains('_') {
        cx.error_at(
            param.name_tokens(),
            format_args!(
                "query parameter `{name}` needs its wire name: Service Fabric spells query names in PascalCase, so write #[query(\"{}\")]",
                upper_camel(&name)
            ),
        );
    } else if !valid_query_name(&name) {
        cx.error_at(param.name_tokens(), format_args!("`{name}` is not a valid query name"));
    } else if !seen.queries.insert(name.clone()) {
        cx.error_at(
            param.name_tokens(),
            format_args!("query name `{name}` is used twice; the gateway would read only the first"),
        );
    }
}

/// Types that are plainly not a server timeout, whatever they are called here.
const NOT_SERVER_TIMEOUTS: [&str; 16] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "bool", "str", "String",
    "Duration",
];

/// The gateway's `timeout` is seconds in `1..=4294967295`, and the client's deadline follows
/// it: only a `ServerTimeout` can be it. (Types this cannot see through, such as aliases,
/// are checked by a trait bound in the expansion.)
fn check_server_timeout_type(param: &Param, name: &str, cx: &mut Ctxt) {
    if name != "timeout" {
        return;
    }
    if let Some(base) = base_type_name(&param.ty)
        && NOT_SERVER_TIMEOUTS.contains(&base.as_str())
    {
        cx.error_at(
            &param.ty,
            format_args!(
                "the `timeout` query parameter is the gateway's server timeout, and `{base}` can hold values it refuses; declare it as `Option<ServerTimeout>` (1 to 4294967295 seconds)"
            ),
        );
    }
}

/// An HTTP header name (a token).
fn valid_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn check_header(param: &Param, seen: &mut Seen, cx: &mut Ctxt) {
    let name = param.wire_name();
    if param.explicit_name.is_none() {
        cx.error_at(
            &param.attr,
            "#[header] needs the header's name, as in #[header(\"Content-Range\")]",
        );
    } else if !valid_header_name(&name) {
        cx.error_at(param.name_tokens(), format_args!("`{name}` is not a valid header name"));
    } else if let Some(reserved) = RESERVED_HEADERS.iter().find(|r| r.eq_ignore_ascii_case(&name)) {
        cx.error_at(
            param.name_tokens(),
            format_args!(
                "`{reserved}` is set by the library itself and cannot be declared (reserved: {})",
                RESERVED_HEADERS.join(", ")
            ),
        );
    } else if !seen.headers.insert(name.to_ascii_lowercase()) {
        cx.error_at(param.name_tokens(), format_args!("header `{name}` is declared twice"));
    }
}

/// Every placeholder of the path has a parameter.
fn check_placeholders(endpoint: &Endpoint, pieces: &[Piece], seen: &Seen, cx: &mut Ctxt) {
    // Path parameters whose name matches no placeholder: the likely misspellings.
    let unmatched: Vec<String> = endpoint
        .params
        .iter()
        .filter(|p| p.role == Role::Path && !placeholders(pieces).any(|name| name == p.wire_name()))
        .map(|p| p.ident.to_string())
        .collect();
    for name in placeholders(pieces).filter(|name| !seen.paths.contains(*name)) {
        let hint = match suggest::closest(&snake(name), unmatched.iter().map(String::as_str)) {
            Some(near) => format!("; did `{near}` mean to fill it? Write #[path(\"{name}\")] {near}"),
            None => format!("; add `#[path] {}: &str`", snake(name)),
        };
        cx.error_at(
            &endpoint.args.path,
            format_args!("placeholder `{{{name}}}` has no parameter{hint}"),
        );
    }
}

/// `nodeName` as a Rust parameter name: `node_name`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The last name of a type path, under references and `Option`: `str` for `Option<&str>`.
pub fn base_type_name(ty: &syn::Type) -> Option<String> {
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
fn check_bounds(param: &Param, cx: &mut Ctxt) {
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
