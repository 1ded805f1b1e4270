//! The model of one declaration: the attribute's arguments and the method's parameters.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    Expr, ExprLit, ExprUnary, FnArg, GenericArgument, Ident, Lit, LitStr, Pat, PatType, PathArguments, ReturnType,
    TraitItemFn, Type, UnOp,
};

use crate::attr::{Args, Attr, Role, RoleArgs, RoleAttr, RoleOption};
use crate::ctxt::Ctxt;

/// A parameter with its role.
pub struct Param {
    pub ident: Ident,
    pub ty: Type,
    pub role: Role,
    /// The explicit wire name, if the role attribute gave one.
    pub explicit_name: Option<LitStr>,
    /// The role attribute as written, for errors about it.
    pub attr: syn::Attribute,
    /// `Option<...>`: left out when `None`.
    pub optional: bool,
    /// The options written in the role attribute.
    pub options: ParamOptions,
}

/// An integer bound written as `min = ...` or `max = ...`, with the tokens to blame.
pub struct Bound {
    pub value: i64,
    pub expr: Expr,
}

/// The options of a role attribute, read for the parameter's role.
#[derive(Default)]
pub struct ParamOptions {
    /// `#[query(.., min = N)]`
    pub minimum: Option<Bound>,
    /// `#[query(.., max = N)]`
    pub maximum: Option<Bound>,
    /// `#[query(.., default = "...")]`: the gateway's value when the parameter is left out.
    pub default: Option<String>,
    /// `#[path(keep_escapes)]`, `#[query(.., keep_escapes)]`
    pub keep_escapes: bool,
    /// `#[body(bytes)]`
    pub bytes: bool,
}

impl Param {
    /// The name on the wire: the explicit one, or one derived from the Rust name.
    pub fn wire_name(&self) -> String {
        if let Some(name) = &self.explicit_name {
            return name.value();
        }
        let ident = self.ident.to_string();
        let ident = ident.trim_start_matches("r#");
        match self.role {
            Role::Path => lower_camel(ident),
            _ => ident.to_owned(),
        }
    }

    /// Where errors about the wire name point: the name if written, else the attribute.
    pub fn name_tokens(&self) -> proc_macro2::TokenStream {
        match &self.explicit_name {
            Some(name) => quote::ToTokens::to_token_stream(name),
            None => quote::ToTokens::to_token_stream(&self.attr),
        }
    }
}

/// What the method returns on success.
pub enum Returns {
    /// `Accepted`: 202, body ignored.
    Accepted,
    /// `()`: body ignored.
    Unit,
    /// `StatusCode`: which success status came back, body ignored.
    Status,
    /// `Option<T>`: `None` for `204 No Content`, else JSON.
    Optional(Box<Type>),
    /// Any other type, read as JSON.
    Json(Box<Type>),
}

/// One declaration.
pub struct Endpoint {
    pub args: Args,
    pub item: TraitItemFn,
    pub params: Vec<Param>,
    /// The `T` of `Result<T>`, if the return type is a `Result`.
    pub returns: Option<Returns>,
}

pub fn lower_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

pub fn upper_camel(snake: &str) -> String {
    let lower = lower_camel(snake);
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether `ty` is `Option<...>`.
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|s| s.ident == "Option"),
        Type::Reference(reference) => is_option(&reference.elem),
        Type::Group(group) => is_option(&group.elem),
        _ => false,
    }
}

/// The `T` of `Result<T>` or `Result<T, E>`.
fn result_ok_type(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    }
}

/// The `T` of `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(ty) if args.args.len() == 1 => Some(ty),
        _ => None,
    }
}

fn classify_return(ty: &Type) -> Returns {
    if let Some(inner) = option_inner(ty) {
        return Returns::Optional(Box::new(inner.clone()));
    }
    match ty {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Returns::Unit,
        Type::Path(path)
            if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == "StatusCode") =>
        {
            Returns::Status
        }
        Type::Path(path)
            if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == "Accepted") =>
        {
            Returns::Accepted
        }
        Type::Paren(paren) => classify_return(&paren.elem),
        Type::Group(group) => classify_return(&group.elem),
        other => Returns::Json(Box::new(other.clone())),
    }
}

const LINT_ATTRS: [&str; 5] = ["allow", "warn", "deny", "expect", "forbid"];

/// Builds the model, reporting what cannot be modelled.
pub fn build(args: Args, mut item: TraitItemFn, cx: &mut Ctxt) -> Endpoint {
    let mut params = Vec::new();
    let mut receiver = None;
    for input in item.sig.inputs.iter_mut() {
        match input {
            FnArg::Receiver(r) => {
                if r.reference.is_none() || r.mutability.is_some() || r.colon_token.is_some() {
                    cx.error_at(&*r, "endpoint methods take `&self`");
                }
                receiver = Some(r.self_token.span);
            }
            FnArg::Typed(typed) => params.extend(build_param(typed, cx)),
        }
    }
    if receiver.is_none() {
        let message = "endpoint methods take `&self` first: the client that sends the request";
        match item.sig.inputs.first() {
            Some(first) => cx.error_at(first, message),
            None => cx.error_at(&item.sig.ident, message),
        }
    }
    let returns = match &item.sig.output {
        ReturnType::Type(_, ty) => result_ok_type(ty).map(classify_return),
        ReturnType::Default => None,
    };
    Endpoint {
        args,
        item,
        params,
        returns,
    }
}

/// The role attributes of a parameter, taken off it; lint attributes stay. `unknown` says
/// whether an attribute that is neither was reported.
fn take_roles(typed: &mut PatType, cx: &mut Ctxt) -> (Vec<RoleAttr>, bool) {
    let mut roles = Vec::new();
    let mut kept = Vec::new();
    let mut unknown = false;
    for attr in typed.attrs.drain(..) {
        let Some(ident) = attr.path().get_ident() else {
            cx.error_at(
                attr.path(),
                "unknown parameter attribute; expected #[path], #[query], #[header] or #[body]",
            );
            unknown = true;
            continue;
        };
        if let Some(role) = Role::from_ident(ident) {
            roles.push(role_attr(role, attr, cx));
        } else if LINT_ATTRS.iter().any(|lint| ident == lint) {
            kept.push(attr);
        } else {
            unknown = true;
            cx.error_at(
                ident,
                format_args!(
                    "unknown parameter attribute `#[{ident}]`; expected #[path], #[query], #[header] or #[body]"
                ),
            );
        }
    }
    typed.attrs = kept;
    (roles, unknown)
}

fn role_attr(role: Role, attr: syn::Attribute, cx: &mut Ctxt) -> RoleAttr {
    let args = match &attr.meta {
        syn::Meta::Path(_) => None,
        _ => match attr.parse_args::<RoleArgs>() {
            Ok(args) => Some(args),
            Err(error) => {
                cx.push(error);
                None
            }
        },
    };
    let (name, options) = args.map_or((None, Vec::new()), |args| (args.name, args.options));
    RoleAttr {
        role,
        name,
        options,
        attr,
    }
}

/// One parameter of the method, with exactly one role.
fn build_param(typed: &mut PatType, cx: &mut Ctxt) -> Option<Param> {
    let (roles, unknown) = take_roles(typed, cx);
    let ident = match &*typed.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => pat.ident.clone(),
        other => {
            cx.error_at(other, "endpoint parameters need a plain name, such as `node_name`");
            return None;
        }
    };
    if roles.len() > 1 {
        cx.error_at(
            &roles[1].attr,
            format_args!("`{ident}` has more than one role; give it exactly one"),
        );
    }
    let Some(role) = roles.into_iter().next() else {
        if !unknown {
            cx.error_at(
                &ident,
                format_args!("parameter `{ident}` needs a role: #[path], #[query], #[header] or #[body]"),
            );
        }
        return None;
    };
    if role.role == Role::Body && role.name.is_some() {
        cx.error_at(&role.attr, "#[body] takes no name");
    }
    let options = read_options(role.role, role.options, cx);
    Some(Param {
        options,
        optional: is_option(&typed.ty),
        ident,
        ty: (*typed.ty).clone(),
        role: role.role,
        explicit_name: role.name,
        attr: role.attr,
    })
}

impl Endpoint {
    pub fn output_span(&self) -> Span {
        match &self.item.sig.output {
            ReturnType::Type(_, ty) => ty.span(),
            ReturnType::Default => self.item.sig.paren_token.span.close(),
        }
    }
}

/// What each role accepts inside its parentheses, for error messages.
fn accepted_options(role: Role) -> &'static str {
    match role {
        Role::Query => "`min = N`, `max = N`, `default = ...` or `keep_escapes`",
        Role::Path => "`keep_escapes`",
        Role::Body => "`bytes`",
        Role::Header => "no options",
    }
}

/// Reads the options of a role attribute, reporting the ones the role does not take.
fn read_options(role: Role, options: Vec<RoleOption>, cx: &mut Ctxt) -> ParamOptions {
    let mut minimum = Attr::none("min");
    let mut maximum = Attr::none("max");
    let mut default = Attr::none("default");
    let mut keep_escapes = Attr::none("keep_escapes");
    let mut bytes = Attr::none("bytes");
    for RoleOption { key, value } in options {
        match (role, key.to_string().as_str()) {
            (Role::Query, "min") => {
                if let Some(bound) = integer_bound(&key, value, cx) {
                    minimum.set(cx, &key, bound);
                }
            }
            (Role::Query, "max") => {
                if let Some(bound) = integer_bound(&key, value, cx) {
                    maximum.set(cx, &key, bound);
                }
            }
            (Role::Query, "default") => {
                if let Some(text) = default_text(&key, value, cx) {
                    default.set(cx, &key, text);
                }
            }
            (Role::Path | Role::Query, "keep_escapes") => {
                if flag(&key, value, cx) {
                    keep_escapes.set(cx, &key, ());
                }
            }
            (Role::Body, "bytes") => {
                if flag(&key, value, cx) {
                    bytes.set(cx, &key, ());
                }
            }
            (_, name) => cx.error_at(
                &key,
                format_args!(
                    "unknown option `{name}` for #[{}]; it takes {}",
                    role.name(),
                    accepted_options(role)
                ),
            ),
        }
    }
    ParamOptions {
        minimum: minimum.get(),
        maximum: maximum.get(),
        default: default.get(),
        keep_escapes: keep_escapes.is_set(),
        bytes: bytes.is_set(),
    }
}

/// A flag option takes no value; reports one and says whether the flag is set.
fn flag(key: &Ident, value: Option<Expr>, cx: &mut Ctxt) -> bool {
    match value {
        Some(value) => {
            cx.error_at(value, format_args!("`{key}` takes no value; write just `{key}`"));
            false
        }
        None => true,
    }
}

/// `min = 0`, `max = 4294967295`, `min = -1`: a whole number that fits an `i64`.
fn integer_bound(key: &Ident, value: Option<Expr>, cx: &mut Ctxt) -> Option<Bound> {
    let message = format!("expected a whole number, as in `{key} = 0`");
    let Some(expr) = value else {
        cx.error_at(key, message);
        return None;
    };
    let parsed = match &expr {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => int.base10_parse::<i64>().ok(),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr: inner,
            ..
        }) => match &**inner {
            Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => int.base10_parse::<i64>().ok().and_then(i64::checked_neg),
            _ => None,
        },
        _ => None,
    };
    match parsed {
        Some(value) => Some(Bound { value, expr }),
        None => {
            cx.error_at(
                &expr,
                format_args!("{message} (between {} and {})", i64::MIN + 1, i64::MAX),
            );
            None
        }
    }
}

/// `default = "Desc"`, `default = 0`, `default = false`, kept as the spec writes it.
fn default_text(key: &Ident, value: Option<Expr>, cx: &mut Ctxt) -> Option<String> {
    let message =
        "expected the gateway's default as a literal, as in `default = 0`, `default = false` or `default = \"Desc\"`";
    match value {
        Some(Expr::Lit(ExprLit {
            lit: Lit::Str(text), ..
        })) => Some(text.value()),
        Some(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => Some(int.base10_digits().to_owned()),
        Some(Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => Some(b.value.to_string()),
        Some(other) => {
            cx.error_at(other, message);
            None
        }
        None => {
            cx.error_at(key, message);
            None
        }
    }
}
