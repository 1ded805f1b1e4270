//! The `#[fabric_endpoint]` attribute of fabric-rest. Use it through the `fabric-rest`
//! crate, which re-exports it and documents it.
//!
//! The attribute works in three stages, each a plain function over plain data:
//! [`attr`] and [`ast`] parse the attribute and the method into a model, [`valid`] checks
//! the model and collects every mistake with the span of the tokens at fault, and
//! [`expand`] writes the provided method.

mod ast;
mod attr;
mod ctxt;
mod expand;
mod path;
mod static_type;
mod valid;

use proc_macro::TokenStream;

/// Declares one Service Fabric REST operation as a trait method. See the `fabric-rest`
/// crate's documentation.
#[proc_macro_attribute]
pub fn fabric_endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = syn::parse_macro_input!(item as syn::TraitItemFn);
    let args = proc_macro2::TokenStream::from(args);
    match expand::endpoint(args, item) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}
