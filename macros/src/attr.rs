//! Parsing the attribute's arguments and the role attributes on parameters.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprArray, ExprLit, Ident, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;

/// `#[fabric_endpoint(METHOD, "path", name = value, ...)]` as written.
pub struct Args {
    pub method: Ident,
    pub path: LitStr,
    pub api_version: Option<LitStr>,
    pub success: Option<(Vec<LitInt>, Span)>,
    pub default_timeout: Option<LitInt>,
    pub idempotent: Option<(bool, Span)>,
    pub operation: Option<LitStr>,
    /// The whole argument list, for "missing argument" errors.
    pub tokens: TokenStream,
}

pub const NAMED: &str = "api_version, success, default_timeout, idempotent or operation";

pub fn parse_args(tokens: TokenStream, cx: &mut Ctxt) -> syn::Result<Args> {
    let all = tokens.clone();
    let parser = |input: ParseStream| parse_args_inner(input, all, cx);
    parser.parse2(tokens)
}

fn parse_args_inner(input: ParseStream, tokens: TokenStream, cx: &mut Ctxt) -> syn::Result<Args> {
    if input.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "expected `#[fabric_endpoint(METHOD, \"/path\", api_version = \"x.y\")]`",
        ));
    }
    let method: Ident = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected an HTTP method first: GET, POST, PUT, DELETE or PATCH",
        )
    })?;
    input.parse::<Token![,]>().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected `,` and the path after the method, as in `GET, \"/$/GetClusterManifest\"`",
        )
    })?;
    let path: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the path as a string literal, such as \"/Nodes/{nodeName}\"",
        )
    })?;
    let mut args = Args {
        method,
        path,
        api_version: None,
        success: None,
        default_timeout: None,
        idempotent: None,
        operation: None,
        tokens,
    };
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let key: Ident = input.parse()?;
        let value: Option<Expr> = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        named_arg(&mut args, key, value, cx);
    }
    Ok(args)
}

fn named_arg(args: &mut Args, key: Ident, value: Option<Expr>, cx: &mut Ctxt) {
    let name = key.to_string();
    let duplicate = match name.as_str() {
        "api_version" => args.api_version.is_some(),
        "success" => args.success.is_some(),
        "default_timeout" => args.default_timeout.is_some(),
        "idempotent" => args.idempotent.is_some(),
        "operation" => args.operation.is_some(),
        _ => {
            cx.error_at(&key, format_args!("unknown argument `{name}`; expected {NAMED}"));
            return;
        }
    };
    if duplicate {
        cx.error_at(&key, format_args!("`{name}` is given twice"));
        return;
    }
    match name.as_str() {
        "api_version" => args.api_version = string(&key, value, "api_version = \"6.0\"", cx),
        "operation" => args.operation = string(&key, value, "operation = \"GetClusterManifest\"", cx),
        "default_timeout" => match value {
            Some(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => args.default_timeout = Some(int),
            other => cx.error_at(
                other
                    .as_ref()
                    .map_or(&key as &dyn quote::ToTokens, |v| v as &dyn quote::ToTokens),
                "expected a whole number of seconds, as in `default_timeout = 300`",
            ),
        },
        "idempotent" => match value {
            None => args.idempotent = Some((true, key.span())),
            Some(Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => args.idempotent = Some((b.value, b.span)),
            Some(other) => cx.error_at(
                other,
                "expected `idempotent`, `idempotent = true` or `idempotent = false`",
            ),
        },
        "success" => {
            let statuses = match value {
                Some(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
                    let span = int.span();
                    Some((vec![int], span))
                }
                Some(Expr::Array(ExprArray {
                    elems, bracket_token, ..
                })) => int_list(&elems, cx).map(|list| (list, bracket_token.span.join())),
                other => {
                    cx.error_at(
                        other
                            .as_ref()
                            .map_or(&key as &dyn quote::ToTokens, |v| v as &dyn quote::ToTokens),
                        "expected a status or a list of statuses, as in `success = 201` or `success = [200, 204]`",
                    );
                    None
                }
            };
            args.success = statuses;
        }
        _ => {}
    }
}

fn string(key: &Ident, value: Option<Expr>, example: &str, cx: &mut Ctxt) -> Option<LitStr> {
    match value {
        Some(Expr::Lit(ExprLit { lit: Lit::Str(s), .. })) => Some(s),
        Some(other) => {
            cx.error_at(other, format_args!("expected a string literal, as in `{example}`"));
            None
        }
        None => {
            cx.error_at(key, format_args!("expected a value, as in `{example}`"));
            None
        }
    }
}

fn int_list(elems: &Punctuated<Expr, Token![,]>, cx: &mut Ctxt) -> Option<Vec<LitInt>> {
    let mut list = Vec::new();
    for elem in elems {
        match elem {
            Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => list.push(int.clone()),
            other => {
                cx.error_at(other, "expected a status code such as 200");
                return None;
            }
        }
    }
    if list.is_empty() {
        cx.error_at(elems, "expected at least one status code");
        return None;
    }
    Some(list)
}

/// A role attribute on a parameter: `#[path]`, `#[query("Name")]`, `#[header("Name")]`, `#[body]`.
pub struct RoleAttr {
    pub role: Role,
    pub name: Option<LitStr>,
    pub options: Vec<RoleOption>,
    pub attr: syn::Attribute,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Path,
    Query,
    Header,
    Body,
}

impl Role {
    pub fn from_ident(ident: &Ident) -> Option<Role> {
        Some(match ident.to_string().as_str() {
            "path" => Role::Path,
            "query" => Role::Query,
            "header" => Role::Header,
            "body" => Role::Body,
            _ => return None,
        })
    }
}

/// What a role attribute holds inside its parentheses: an optional wire name (`"Name"` or
/// `name = "Name"`) and then options (`min = 0`, `keep_escapes`, ...), comma-separated.
pub struct RoleArgs {
    pub name: Option<LitStr>,
    pub options: Vec<RoleOption>,
}

/// One option of a role attribute: `key` or `key = value`.
pub struct RoleOption {
    pub key: Ident,
    pub value: Option<Expr>,
}

impl Parse for RoleArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = RoleArgs {
            name: None,
            options: Vec::new(),
        };
        if input.is_empty() {
            return Ok(args);
        }
        if input.peek(LitStr) {
            args.name = Some(input.parse()?);
        } else if input.peek(Ident) && input.peek2(Token![=]) && input.fork().parse::<Ident>()? == "name" {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            args.name = Some(input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected the wire name in quotes, as in #[query(\"MaxResults\")]",
                )
            })?);
        }
        while !input.is_empty() {
            if args.name.is_some() || !args.options.is_empty() {
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
            }
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected the wire name in quotes, as in #[query(\"MaxResults\")], or an option such as `min = 0`",
                )
            })?;
            let value = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            args.options.push(RoleOption { key, value });
        }
        Ok(args)
    }
}
