//! Writes the provided method: a constant endpoint description and a few calls into the
//! runtime. All behaviour lives in the runtime; the expansion only lists the arguments.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{FnArg, TraitItemFn};

use crate::ast::{self, Returns};
use crate::attr::{self, Role};
use crate::ctxt::Ctxt;
use crate::path::Piece;
use crate::valid::{self, Plan};

pub fn endpoint(args: TokenStream, item: TraitItemFn) -> TokenStream {
    let fallback = fallback(&item);
    match checked(args, item) {
        Ok(tokens) => tokens,
        // The method as declared, beside the errors: what it names stays used, so a mistake
        // in the attribute does not add "unused import" warnings or missing-method errors.
        Err(error) => {
            let errors = error.to_compile_error();
            quote!(#errors #fallback)
        }
    }
}

fn checked(args: TokenStream, item: TraitItemFn) -> syn::Result<TokenStream> {
    let mut cx = Ctxt::default();
    let args = match attr::parse_args(args, &mut cx) {
        Ok(args) => args,
        Err(error) => {
            cx.push(error);
            return Err(cx.check().expect_err("an error was pushed"));
        }
    };
    let model = ast::build(args, item, &mut cx);
    let plan = valid::check(&model, &mut cx);
    cx.check()?;
    let Some(plan) = plan else {
        return Err(syn::Error::new_spanned(
            &model.args.tokens,
            "invalid endpoint declaration",
        ));
    };
    Ok(write(&model, &plan))
}

/// The declared method without its parameter attributes and with a body that is never
/// compiled into a program (the errors beside it stop the build).
fn fallback(item: &TraitItemFn) -> TokenStream {
    let mut item = item.clone();
    for input in item.sig.inputs.iter_mut() {
        if let FnArg::Typed(typed) = input {
            typed.attrs.clear();
        }
    }
    let attrs = &item.attrs;
    let sig = &item.sig;
    quote! {
        #(#attrs)*
        #[allow(unused_variables, async_fn_in_trait)]
        #sig {
            ::core::panic!("the endpoint declaration has errors")
        }
    }
}

fn write(model: &ast::Endpoint, plan: &Plan) -> TokenStream {
    let rt = quote!(::fabric_rest::__private);
    let endpoint = endpoint_const(model, plan, &rt);
    let endpoint_name = endpoint_name(model);
    let transport_check = transport_check(model, &rt);
    let checks = type_checks(model, &rt);
    let default_timeout = plan
        .default_timeout
        .map(|secs| quote!(__fabric_request.endpoint_default_timeout(#rt::ServerTimeout::seconds::<#secs>());));
    let steps = path_steps(model, plan).chain(param_steps(model));
    let decoder = decoder(model, plan, &rt);

    let item = &model.item;
    let attrs = &item.attrs;
    let sig = &item.sig;
    let ident = &sig.ident;
    let generics = &sig.generics;
    let inputs = &sig.inputs;
    let output = match &sig.output {
        syn::ReturnType::Type(_, ty) => quote!(#ty),
        syn::ReturnType::Default => quote!(()),
    };
    let future = quote_spanned!(model.output_span()=>
        impl ::core::future::Future<Output = #output> + ::core::marker::Send
    );
    let predicates = sig.generics.where_clause.as_ref().map(|w| &w.predicates);
    quote! {
        #transport_check
        #endpoint

        #(#attrs)*
        // A declaration lists the spec's parameters, however many there are.
        #[allow(clippy::too_many_arguments)]
        fn #ident #generics (#inputs) -> #future
        where
            Self: #rt::Transport,
            #predicates
        {
            #(#checks)*
            // The request is built right away, outside any `async` block, which keeps the
            // expansion cheap to compile; nothing goes out before the future is polled.
            let mut __fabric_request = #rt::RequestBuilder::new(Self::#endpoint_name, self);
            #default_timeout
            #(#steps)*
            #rt::call::<Self, #decoder>(self, __fabric_request.build())
        }
    }
}

/// The name of the trait's constant that describes the endpoint: the method's name in
/// capitals (`get_node_info` gives `GET_NODE_INFO`).
fn endpoint_name(model: &ast::Endpoint) -> syn::Ident {
    let ident = &model.item.sig.ident;
    let name = ident.to_string();
    format_ident!(
        "{}",
        name.trim_start_matches("r#").to_ascii_uppercase(),
        span = ident.span()
    )
}

/// The trait's constant describing the endpoint, registered in the program's list of
/// endpoints. Tests and tools name an operation through it (`Client::GET_NODE_INFO`).
fn endpoint_const(model: &ast::Endpoint, plan: &Plan, rt: &TokenStream) -> TokenStream {
    let Plan {
        method,
        api_version,
        success,
        idempotent,
        operation,
        ..
    } = plan;
    let method = syn::Ident::new(method, model.args.method.span());
    let template = model.args.path.value();
    let generics = &model.item.sig.generics;
    let params = model.params.iter().map(|p| describe_param(p, generics, rt));
    let name = endpoint_name(model);
    let doc = format!(
        "The description of [`{}`](Self::{}): `{} {template}`, operation `{operation}`.",
        model.item.sig.ident, model.item.sig.ident, model.args.method
    );
    quote! {
        #[doc = #doc]
        const #name: &'static #rt::Endpoint = {
            static __FABRIC_ENDPOINT: #rt::Endpoint = #rt::Endpoint::new(
                #operation,
                #rt::Method::#method,
                #template,
                #api_version,
            )
            .with_success(&[#(#success),*])
            .with_idempotent(#idempotent)
            .with_params(&[#(#params),*]);

            #[#rt::linkme::distributed_slice(#rt::ENDPOINTS)]
            #[linkme(crate = #rt::linkme)]
            static __FABRIC_REGISTERED: &'static #rt::Endpoint = &__FABRIC_ENDPOINT;

            &__FABRIC_ENDPOINT
        };
    }
}

/// A hidden constant of the trait that holds only if the trait is a `Transport`: the one
/// place a trait declared without `: Transport` is reported, at the method's name. The
/// method itself requires `Self: Transport`, so its body adds no errors of its own.
fn transport_check(model: &ast::Endpoint, rt: &TokenStream) -> TokenStream {
    let ident = &model.item.sig.ident;
    let name = format_ident!("__FABRIC_IS_TRANSPORT_{}", ident);
    let check = quote_spanned!(ident.span()=> #rt::require_transport::<Self>());
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const #name: () = #check;
    }
}

/// Trait bounds on parameter types, each failing at the type with a message that says
/// what to write instead.
fn type_checks<'m>(model: &'m ast::Endpoint, rt: &'m TokenStream) -> impl Iterator<Item = TokenStream> + 'm {
    model.params.iter().filter_map(move |p| {
        let ty = &p.ty;
        if p.options.minimum.is_some() || p.options.maximum.is_some() {
            // `min`/`max` only make sense on integers.
            Some(quote_spanned!(ty.span()=> #rt::require_integer::<#ty>();))
        } else if p.role == Role::Query && p.wire_name() == "timeout" {
            Some(quote_spanned!(ty.span()=> #rt::require_server_timeout::<#ty>();))
        } else {
            None
        }
    })
}

/// One `path_param` call per placeholder, in the template's order: the runtime writes the
/// template's literal text itself, so the template is the only source of the path.
fn path_steps<'m>(model: &'m ast::Endpoint, plan: &'m Plan) -> impl Iterator<Item = TokenStream> + 'm {
    plan.pieces.iter().filter_map(move |piece| {
        let Piece::Placeholder(name) = piece else {
            return None;
        };
        let param = model
            .params
            .iter()
            .find(|p| p.role == Role::Path && p.wire_name() == *name)
            .map(|p| &p.ident);
        Some(quote_spanned!(param.span()=> __fabric_request.path_param(#name, &#param);))
    })
}

/// The query, header and body arguments, in declaration order.
fn param_steps(model: &ast::Endpoint) -> impl Iterator<Item = TokenStream> + '_ {
    model.params.iter().filter(|p| p.role != Role::Path).map(|p| {
        let ident = &p.ident;
        let name = p.wire_name();
        let span = p.ty.span();
        match p.role {
            Role::Query if p.options.keep_escapes => {
                quote_spanned!(span=> __fabric_request.query_keeping_escapes(#name, &#ident);)
            }
            Role::Query => quote_spanned!(span=> __fabric_request.query(#name, &#ident);),
            Role::Header => quote_spanned!(span=> __fabric_request.header(#name, &#ident);),
            Role::Body if p.options.bytes => quote_spanned!(span=> __fabric_request.bytes_body(&#ident);),
            Role::Body if p.optional => quote_spanned!(span=> __fabric_request.json_body_if_some(&#ident);),
            Role::Body => quote_spanned!(span=> __fabric_request.json_body(&#ident);),
            Role::Path => TokenStream::new(),
        }
    })
}

/// The runtime type that decodes the declared return type.
fn decoder(model: &ast::Endpoint, plan: &Plan, rt: &TokenStream) -> TokenStream {
    match &model.returns {
        Some(Returns::Accepted) => quote!(#rt::Accepted),
        Some(Returns::Unit) => quote!(()),
        Some(Returns::Status) => quote!(#rt::StatusCode),
        Some(Returns::Optional(ty)) if plan.success.contains(&204) => {
            quote_spanned!(ty.span()=> #rt::JsonOrNoContent<#ty>)
        }
        Some(Returns::Optional(ty)) => quote_spanned!(ty.span()=> #rt::Json<::core::option::Option<#ty>>),
        Some(Returns::Json(ty)) => quote_spanned!(ty.span()=> #rt::Json<#ty>),
        None => quote!(()),
    }
}

/// The constant description of one parameter: what its type says, then what the role
/// attribute adds.
fn describe_param(p: &ast::Param, generics: &syn::Generics, rt: &TokenStream) -> TokenStream {
    let required = !p.optional;
    let name = p.wire_name();
    let ty = crate::static_type::statify(&p.ty, generics);
    let mut param = match (p.role, &ty) {
        (Role::Query, Some(ty)) => quote!(#rt::Param::for_query::<#ty>(#name, #required)),
        (Role::Path, Some(ty)) => quote!(#rt::Param::for_path::<#ty>(#name)),
        (Role::Query, None) => quote!(#rt::Param::new(#name, #rt::Location::Query, #required)),
        (Role::Path, None) => quote!(#rt::Param::new(#name, #rt::Location::Path, #required)),
        (Role::Header, _) => {
            quote!(#rt::Param::new(#name, #rt::Location::Header, #required).with_kind(#rt::ParamKind::String))
        }
        (Role::Body, _) => {
            let name = p.ident.to_string();
            let kind = if p.options.bytes { quote!(Bytes) } else { quote!(Json) };
            quote!(#rt::Param::new(#name, #rt::Location::Body, #required).with_kind(#rt::ParamKind::#kind))
        }
    };
    if let Some(min) = &p.options.minimum {
        let value = min.value;
        param = quote!(#param.with_minimum(#value));
    }
    if let Some(max) = &p.options.maximum {
        let value = max.value;
        param = quote!(#param.with_maximum(#value));
    }
    if let Some(default) = &p.options.default {
        param = quote!(#param.with_default(#default));
    }
    if p.options.keep_escapes {
        param = quote!(#param.with_encoding(#rt::ValueEncoding::KeepEscapes));
    }
    param
}
