//! Writes the provided method: a constant endpoint description and a few calls into the
//! runtime. All behaviour lives in the runtime; the expansion only lists the arguments.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::TraitItemFn;
use syn::spanned::Spanned;

use crate::ast::{self, Returns};
use crate::attr::{self, Role};
use crate::ctxt::Ctxt;
use crate::path::Piece;
use crate::valid::{self, Plan};

pub fn endpoint(args: TokenStream, item: TraitItemFn) -> syn::Result<TokenStream> {
    let mut cx = Ctxt::default();
    let args = match attr::parse_args(args, &mut cx) {
        Ok(args) => args,
        Err(error) => {
            cx.push(error);
            cx.check()?;
            unreachable!("a parse error was pushed");
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

fn write(model: &ast::Endpoint, plan: &Plan) -> TokenStream {
    let rt = quote!(::fabric_rest::__private);
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

    let generics_of_method = &model.item.sig.generics;
    let params = model.params.iter().map(|p| describe_param(p, generics_of_method, &rt));

    let default_timeout = plan
        .default_timeout
        .map(|secs| quote!(__fabric_request.endpoint_default_timeout(#rt::ServerTimeout::seconds::<#secs>());));

    let path_steps = plan.pieces.iter().map(|piece| match piece {
        Piece::Literal(text) => quote!(__fabric_request.path(#text);),
        Piece::Placeholder(name) => {
            let param = model
                .params
                .iter()
                .find(|p| p.role == Role::Path && p.wire_name() == *name)
                .map(|p| &p.ident);
            quote_spanned!(param.span()=> __fabric_request.path_param(#name, &#param);)
        }
    });

    let steps = model.params.iter().filter(|p| p.role != Role::Path).map(|p| {
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
    });

    let decoder = match &model.returns {
        Some(Returns::Accepted) => quote!(#rt::Accepted),
        Some(Returns::Unit) => quote!(()),
        Some(Returns::Status) => quote!(#rt::StatusCode),
        Some(Returns::Optional(ty)) if success.contains(&204) => quote_spanned!(ty.span()=> #rt::JsonOrNoContent<#ty>),
        Some(Returns::Optional(ty)) => quote_spanned!(ty.span()=> #rt::Json<::core::option::Option<#ty>>),
        Some(Returns::Json(ty)) => quote_spanned!(ty.span()=> #rt::Json<#ty>),
        None => quote!(()),
    };

    // `min`/`max` only make sense on integers: a trait bound says so at the type.
    let integer_checks = model
        .params
        .iter()
        .filter(|p| p.options.minimum.is_some() || p.options.maximum.is_some())
        .map(|p| {
            let ty = &p.ty;
            quote_spanned!(ty.span()=> #rt::require_integer::<#ty>();)
        });

    let item = &model.item;
    let attrs = &item.attrs;
    let sig = &item.sig;
    let ident = &sig.ident;
    let generics = &sig.generics;
    let where_clause = &sig.generics.where_clause;
    let inputs = &sig.inputs;
    let output = match &sig.output {
        syn::ReturnType::Type(_, ty) => quote!(#ty),
        syn::ReturnType::Default => quote!(()),
    };
    let future = quote_spanned!(model.output_span()=>
        impl ::core::future::Future<Output = #output> + ::core::marker::Send
    );

    quote! {
        #(#attrs)*
        // A declaration lists the spec's parameters, however many there are.
        #[allow(clippy::too_many_arguments)]
        fn #ident #generics (#inputs) -> #future #where_clause {
            const __FABRIC_ENDPOINT: &'static #rt::Endpoint = &#rt::Endpoint::new(
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
            static __FABRIC_REGISTERED: &'static #rt::Endpoint = __FABRIC_ENDPOINT;

            #(#integer_checks)*
            // The request is built right away, outside any `async` block, which keeps the
            // expansion cheap to compile; nothing goes out before the future is polled.
            let mut __fabric_request = #rt::RequestBuilder::new(__FABRIC_ENDPOINT, self);
            #default_timeout
            #(#path_steps)*
            #(#steps)*
            #rt::call::<Self, #decoder>(self, __fabric_request.build())
        }
    }
}

/// The constant description of one parameter: what its type says, then what the role
/// attribute adds.
fn describe_param(p: &ast::Param, generics: &syn::Generics, rt: &TokenStream) -> TokenStream {
    let required = !p.optional;
    let ty = crate::static_type::statify(&p.ty, generics);
    let mut param = match (p.role, &ty) {
        (Role::Query, Some(ty)) => {
            let name = p.wire_name();
            quote!(#rt::Param::for_query::<#ty>(#name, #required))
        }
        (Role::Path, Some(ty)) => {
            let name = p.wire_name();
            quote!(#rt::Param::for_path::<#ty>(#name))
        }
        (Role::Query | Role::Path, None) => {
            let name = p.wire_name();
            let location = if p.role == Role::Query {
                quote!(Query)
            } else {
                quote!(Path)
            };
            quote!(#rt::Param::new(#name, #rt::Location::#location, #required))
        }
        (Role::Header, _) => {
            let name = p.wire_name();
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
