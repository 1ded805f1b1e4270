//! Parsing the attribute's arguments and the role attributes on parameters.
//!
//! Every named argument and option is read into an [`Attr`], which reports a second
//! occurrence at its tokens, so each setting has one place that parses it.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprArray, ExprLit, Ident, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::suggest;

/// One setting that may be given at most once, with the tokens it was given at.
pub struct Attr<T> {
    name: &'static str,
    value: Option<T>,
}

impl<T> Attr<T> {
    pub fn none(name: &'static str) -> Attr<T> {
        Attr { name, value: None }
    }

    /// Records `value`, or reports at `tokens` that the setting is given twice.
    pub fn set(&mut self, cx: &mut Ctxt, tokens: impl ToTokens, value: T) {
        if self.value.is_some() {
            cx.error_at(tokens, format_args!("`{}` is given twice", self.name));
        } else {
            self.value = Some(value);
        }
    }

    pub fn is_set(&self) -> bool {
        self.value.is_some()
    }

    pub fn get(self) -> Option<T> {
        self.value
    }
}

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

/// The named arguments while they are read.
struct Named {
    api_version: Attr<LitStr>,
    success: Attr<(Vec<LitInt>, Span)>,
    default_timeout: Attr<LitInt>,
    idempotent: Attr<(bool, Span)>,
    operation: Attr<LitStr>,
}

const NAMES: [&str; 5] = ["api_version", "success", "default_timeout", "idempotent", "operation"];
pub const NAMED: &str = "api_version, success, default_timeout, idempotent or operation";

pub fn parse_args(tokens: TokenStream, cx: &mut Ctxt) -> syn::Result<Args> {
    let all = tokens.clone();
    let parser = |input: ParseStream| parse_args_inner(input, all, cx);
    parser.parse2(tokens)
}

/// Turns a parse failure into an error that says what was expected there.
fn expected(message: &'static str) -> impl FnOnce(syn::Error) -> syn::Error {
    move |e| syn::Error::new(e.span(), message)
}

fn parse_args_inner(input: ParseStream, tokens: TokenStream, cx: &mut Ctxt) -> syn::Result<Args> {
    if input.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "expected `#[fabric_endpoint(METHOD, \"/path\", api_version = \"x.y\")]`",
        ));
    }
    let method: Ident = input.parse().map_err(expected(
        "expected an HTTP method first: GET, POST, PUT, DELETE or PATCH",
    ))?;
    input.parse::<Token![,]>().map_err(expected(
        "expected `,` and the path after the method, as in `GET, \"/$/GetClusterManifest\"`",
    ))?;
    let path: LitStr = input.parse().map_err(expected(
        "expected the path as a string literal, such as \"/Nodes/{nodeName}\"",
    ))?;
    let mut named = Named {
        api_version: Attr::none("api_version"),
        success: Attr::none("success"),
        default_timeout: Attr::none("default_timeout"),
        idempotent: Attr::none("idempotent"),
        operation: Attr::none("operation"),
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
        named_arg(&mut named, key, value, cx);
    }
    Ok(Args {
        method,
        path,
        api_version: named.api_version.get(),
        success: named.success.get(),
        default_timeout: named.default_timeout.get(),
        idempotent: named.idempotent.get(),
        operation: named.operation.get(),
        tokens,
    })
}

fn named_arg(named: &mut Named, key: Ident, value: Option<Expr>, cx: &mut Ctxt) {
    match key.to_string().as_str() {
        "api_version" => {
            if let Some(text) = string(&key, value, "api_version = \"6.0\"", cx) {
                named.api_version.set(cx, &key, text);
            }
        }
        "operation" => {
            if let Some(text) = string(&key, value, "operation = \"GetClusterManifest\"", cx) {
                named.operation.set(cx, &key, text);
            }
        }
        "default_timeout" => {
            if let Some(int) = integer(
                &key,
                value,
                "expected a whole number of seconds, as in `default_timeout = 300`",
                cx,
            ) {
                named.default_timeout.set(cx, &key, int);
            }
        }
        "idempotent" => {
            if let Some(flag) = boolean(&key, value, cx) {
                named.idempotent.set(cx, &key, flag);
            }
        }
        "success" => {
            if let Some(statuses) = statuses(&key, value, cx) {
                named.success.set(cx, &key, statuses);
            }
        }
        name => {
            let hint =
                suggest::closest(name, NAMES).map_or_else(String::new, |near| format!("did you mean `{near}`? "));
            cx.error_at(&key, format_args!("unknown argument `{name}`; {hint}expected {NAMED}"));
        }
    }
}

/// Where an error about a value points: the value if written, else its key.
fn value_or_key<'a>(key: &'a Ident, value: &'a Option<Expr>) -> &'a dyn ToTokens {
    value.as_ref().map_or(key as &dyn ToTokens, |v| v as &dyn ToTokens)
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

fn integer(key: &Ident, value: Option<Expr>, message: &str, cx: &mut Ctxt) -> Option<LitInt> {
    match value {
        Some(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => Some(int),
        other => {
            cx.error_at(value_or_key(key, &other), message);
            None
        }
    }
}

fn boolean(key: &Ident, value: Option<Expr>, cx: &mut Ctxt) -> Option<(bool, Span)> {
    match value {
        None => Some((true, key.span())),
        Some(Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => Some((b.value, b.span)),
        Some(other) => {
            cx.error_at(
                other,
                "expected `idempotent`, `idempotent = true` or `idempotent = false`",
            );
            None
        }
    }
}

fn statuses(key: &Ident, value: Option<Expr>, cx: &mut Ctxt) -> Option<(Vec<LitInt>, Span)> {
    match value {
        Some(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
            let span = int.span();
            Some((vec![int], span))
        }
        Some(Expr::Array(ExprArray {
            elems, bracket_token, ..
        })) => int_list(&elems, cx).map(|list| (list, bracket_token.span.join())),
        other => {
            cx.error_at(
                value_or_key(key, &other),
                "expected a status or a list of statuses, as in `success = 201` or `success = [200, 204]`",
            );
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

    pub fn name(self) -> &'static str {
        match self {
            Role::Path => "path",
            Role::Query => "query",
            Role::Header => "header",
            Role::Body => "body",
        }
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

impl RoleArgs {
    /// `"Name"` or `name = "Name"` at the start, if there.
    fn parse_name(input: ParseStream) -> syn::Result<Option<LitStr>> {
        if input.peek(LitStr) {
            return input.parse().map(Some);
        }
        if input.peek(Ident) && input.peek2(Token![=]) && input.fork().parse::<Ident>()? == "name" {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            let name = input.parse().map_err(expected(
                "expected the wire name in quotes, as in #[query(\"MaxResults\")]",
            ))?;
            return Ok(Some(name));
        }
        Ok(None)
    }
}

impl Parse for RoleArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = RoleArgs::parse_name(input)?;
        let mut args = RoleArgs {
            name,
            options: Vec::new(),
        };
        while !input.is_empty() {
            if args.name.is_some() || !args.options.is_empty() {
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
            }
            let key: Ident = input.parse().map_err(expected(
                "expected the wire name in quotes, as in #[query(\"MaxResults\")], or an option such as `min = 0`",
            ))?;
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
